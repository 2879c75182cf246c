/**
 * Convergence of a review loop: after each failed review, compare it with the previous one and
 * stop early when more iterations would only spend money. Pure: works on step results.
 */
import type { Finding, ImplementationArtifact, StepResult } from './types.js';

export interface ConvergenceVerdict {
  converging: boolean;
  /** Why the loop should stop, for people. */
  reason?: string;
}

const blocking = (f: Finding): boolean => f.severity === 'high' || f.severity === 'medium';

/** A finding's identity across iterations: file and title, not the line (code moves). */
function key(f: Finding): string {
  return `${f.path}\u0000${f.title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

function patchSize(a: ImplementationArtifact | undefined): number {
  return a ? a.patch.length : 0;
}

export interface LoopIteration {
  review: StepResult;
  /** The latest implementation artifact before this review. */
  artifact?: ImplementationArtifact;
}

/** Compares the last two iterations of a loop. */
export function checkConvergence(
  previous: LoopIteration,
  current: LoopIteration,
): ConvergenceVerdict {
  const before = (previous.review.review?.findings ?? []).filter(blocking);
  const now = (current.review.review?.findings ?? []).filter(blocking);
  const beforeKeys = new Set(before.map(key));
  const nowKeys = new Set(now.map(key));

  if (
    now.length > 0 &&
    now.length === before.length &&
    [...nowKeys].every((k) => beforeKeys.has(k))
  ) {
    return {
      converging: false,
      reason: `the review reported the same ${now.length} blocking finding(s) twice in a row`,
    };
  }
  const grew =
    patchSize(current.artifact) > patchSize(previous.artifact) * 1.5 &&
    patchSize(previous.artifact) > 0;
  if (grew && now.length >= before.length && before.length > 0) {
    return {
      converging: false,
      reason: `the change grew (${patchSize(previous.artifact)} → ${patchSize(current.artifact)} bytes of patch) without fewer blocking findings (${before.length} → ${now.length})`,
    };
  }
  const fresh = now.filter((f) => !beforeKeys.has(key(f)));
  const fixed = before.filter((f) => !nowKeys.has(key(f)));
  if (fresh.length > 0 && fixed.length === 0 && before.length > 0) {
    return {
      converging: false,
      reason: `new blocking findings appeared (${fresh
        .map((f) => f.title)
        .slice(0, 3)
        .join('; ')}) and none of the earlier ones was fixed`,
    };
  }
  return { converging: true };
}

/** Markdown for a person taking over: what was tried, the last findings, the remaining diff. */
export function renderEscalationReport(
  iterations: readonly LoopIteration[],
  reason: string,
): string {
  const lines = [`Stopped early: ${reason}.`, '', '**What was tried**', ''];
  for (const [i, it] of iterations.entries()) {
    const changed = it.artifact
      ? it.artifact.changedFiles.join(', ') ||
        `nothing${it.artifact.note ? ` (${it.artifact.note})` : ''}`
      : 'no implementation step';
    const review = it.review.review;
    lines.push(
      `- iteration ${i + 1}: changed ${changed}; review ${review?.status ?? '?'} with ${review?.findings.length ?? 0} finding(s)`,
    );
  }
  const last = iterations.at(-1);
  const findings = last?.review.review?.findings ?? [];
  lines.push('', '**Last findings**', '');
  if (findings.length === 0) lines.push('- none');
  for (const f of findings.slice(0, 20))
    lines.push(`- [${f.severity}] ${f.path}:${f.line} — ${f.title}`);
  if (last?.artifact?.diffStat)
    lines.push(
      '',
      '**Remaining diff (last iteration)**',
      '',
      '```',
      last.artifact.diffStat.trim(),
      '```',
    );
  return lines.join('\n');
}
