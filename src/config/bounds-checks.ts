/**
 * Cross-checks for the `budget:` and `policy:` blocks: every role they name must be a role under
 * `roles` (`policy.fallback_models` also takes `default`, like `models`). Runs on the raw data and
 * skips whatever has the wrong shape (the schema reports that).
 */
import { suggestWord } from './did-you-mean.js';
import type { PathSegment, RawProblem } from './raw-problem.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRoleKeys(
  map: unknown,
  path: PathSegment[],
  allowed: string[],
  what: string,
  out: RawProblem[],
): void {
  if (!isRecord(map)) return;
  for (const key of Object.keys(map)) {
    if (allowed.includes(key)) continue;
    const suggestion = suggestWord(key, allowed, 'use one of');
    out.push({
      path: [...path, key],
      target: 'key',
      message: `${what} has an entry for ${JSON.stringify(key)}, which is not a role`,
      fix: suggestion.startsWith('did you mean')
        ? suggestion
        : `${suggestion}, or add "${key}: <instructions>" under "roles:"`,
    });
  }
}

/** Problems with role names in `budget.role_budgets_usd` and `policy`. */
export function crossCheckBounds(
  data: Record<string, unknown>,
  roleNames: string[] | undefined,
): RawProblem[] {
  const out: RawProblem[] = [];
  if (roleNames === undefined) return out;
  const budget = data['budget'];
  if (isRecord(budget)) {
    checkRoleKeys(
      budget['role_budgets_usd'],
      ['budget', 'role_budgets_usd'],
      roleNames,
      'budget.role_budgets_usd',
      out,
    );
  }
  const policy = data['policy'];
  if (isRecord(policy)) {
    for (const block of ['service_tier', 'reasoning_effort'] as const) {
      const value = policy[block];
      if (isRecord(value)) {
        checkRoleKeys(
          value['roles'],
          ['policy', block, 'roles'],
          roleNames,
          `policy.${block}.roles`,
          out,
        );
      }
    }
    checkRoleKeys(
      policy['fallback_models'],
      ['policy', 'fallback_models'],
      [...roleNames, 'default'],
      'policy.fallback_models',
      out,
    );
  }
  return out;
}
