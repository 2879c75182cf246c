/**
 * Checks that span several fields, which a per-field schema cannot express: role references,
 * model routing keys, unique step ids, repeat targets, context sources, opencode-only options.
 * Runs on the raw parsed data and skips whatever has the wrong shape (the schema reports that),
 * so a file with schema problems still gets these reported in the same pass.
 */
import { crossCheckBounds } from './bounds-checks.js';
import { crossCheckContextExtensions } from './context-checks.js';
import { parseContextSource } from './context-source.js';
import { listWords, suggestWord } from './did-you-mean.js';
import type { RawProblem } from './raw-problem.js';
import { BACKENDS } from './schema.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface StepView {
  index: number;
  raw: Record<string, unknown>;
  id: string | undefined;
}

function checkRole(step: StepView, roleNames: string[] | undefined, out: RawProblem[]): void {
  const role = step.raw['role'];
  if (roleNames === undefined || typeof role !== 'string' || role === '') return;
  if (roleNames.includes(role)) return;
  const suggestion = suggestWord(role, roleNames, 'use one of');
  out.push({
    path: ['steps', step.index, 'role'],
    message: `role ${JSON.stringify(role)} is not defined under "roles"`,
    fix: suggestion.startsWith('did you mean')
      ? suggestion
      : `${suggestion}, or add "${role}: <instructions>" under "roles:"`,
  });
}

function checkRepeat(step: StepView, steps: StepView[], out: RawProblem[]): void {
  const repeat = step.raw['repeat'];
  if (!isRecord(repeat)) return;
  const target = repeat['back_to'];
  if (typeof target !== 'string' || target === '') return;
  const path = ['steps', step.index, 'repeat', 'back_to'];
  const earlier = [
    ...new Set(steps.filter((s) => s.index <= step.index && s.id !== undefined).map((s) => s.id!)),
  ];
  const targetStep = steps.find((s) => s.id === target);
  if (targetStep === undefined) {
    out.push({
      path,
      message: `back_to ${JSON.stringify(target)} is not the id of any step`,
      fix: suggestWord(target, earlier, 'write the id of this step or an earlier one:'),
    });
  } else if (targetStep.index > step.index) {
    out.push({
      path,
      message: `back_to ${JSON.stringify(target)} names a later step (steps[${targetStep.index}]); a repeat can only go back to this step or an earlier one`,
      fix:
        earlier.length > 0
          ? `write one of ${listWords(earlier)}, or move this repeat to step ${JSON.stringify(target)} or later`
          : `move this repeat to step ${JSON.stringify(target)} or later`,
    });
  }
}

function checkContext(step: StepView, out: RawProblem[]): void {
  const context = step.raw['context'];
  if (!Array.isArray(context)) return;
  context.forEach((entry, k) => {
    if (typeof entry !== 'string' || entry === '') return;
    const result = parseContextSource(entry);
    if (!result.ok) {
      out.push({
        path: ['steps', step.index, 'context', k],
        message: result.message,
        fix: result.fix,
      });
    }
  });
}

const BACKEND_NAMES: ReadonlySet<string> = new Set(BACKENDS);

function checkUnsafePermissions(step: StepView, out: RawProblem[]): void {
  if (step.raw['unsafe_permissions'] !== true) return;
  const backend = step.raw['backend'] ?? 'llm';
  if (typeof backend !== 'string' || !BACKEND_NAMES.has(backend) || backend === 'opencode') return;
  const shown = step.raw['backend'] === undefined ? 'llm, the default' : backend;
  out.push({
    path: ['steps', step.index, 'unsafe_permissions'],
    target: 'key',
    message: `unsafe_permissions only applies to the opencode backend, and this step's backend is ${shown}`,
    fix: 'add "backend: opencode" to this step, or remove "unsafe_permissions: true"',
  });
}

function checkModels(
  data: Record<string, unknown>,
  roleNames: string[] | undefined,
  out: RawProblem[],
): void {
  const models = data['models'];
  if (!isRecord(models) || roleNames === undefined) return;
  const allowed = [...roleNames, 'default'];
  for (const key of Object.keys(models)) {
    if (allowed.includes(key)) continue;
    out.push({
      path: ['models', key],
      target: 'key',
      message: `models has an entry for ${JSON.stringify(key)}, which is neither a role nor "default"`,
      fix: suggestWord(key, allowed, 'use one of'),
    });
  }
}

/** Every cross-field problem in the workflow data, in file order per step. */
export function crossCheckWorkflow(data: unknown): RawProblem[] {
  if (!isRecord(data)) return [];
  const out: RawProblem[] = [];
  const roleNames = isRecord(data['roles']) ? Object.keys(data['roles']) : undefined;
  checkModels(data, roleNames, out);
  out.push(...crossCheckBounds(data, roleNames));

  const rawSteps = Array.isArray(data['steps']) ? data['steps'] : [];
  const steps: StepView[] = [];
  rawSteps.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const id = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : undefined;
    steps.push({ index, raw, id });
  });

  const firstIndex = new Map<string, number>();
  for (const step of steps) {
    checkRole(step, roleNames, out);
    if (step.id !== undefined) {
      const first = firstIndex.get(step.id);
      if (first === undefined) firstIndex.set(step.id, step.index);
      else {
        out.push({
          path: ['steps', step.index, 'id'],
          message: `step id ${JSON.stringify(step.id)} is already used by steps[${first}]`,
          fix: `give each step its own id, e.g. ${JSON.stringify(`${step.id}-${step.index + 1}`)}`,
        });
      }
    }
    checkContext(step, out);
    checkUnsafePermissions(step, out);
    checkRepeat(step, steps, out);
  }
  out.push(...crossCheckContextExtensions(data));
  return out;
}
