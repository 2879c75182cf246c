/**
 * A run's outcome as the one `SummaryInput` every text publisher renders (the sticky comment,
 * the job summary, the check run's output), so they always tell the same story. Pure.
 */
import type { FileCoverage, Finding } from '../engine/types.js';
import { anchorFindings, type AnchorResult } from './diff-anchor.js';
import { fingerprintFinding } from './fingerprint.js';
import { reportedVerdict, type ReportedVerdict } from './review-verdict.js';
import { commitsNote, spendOf, type FinishedOutcome, type RunOutcome } from './run-outcome.js';
import type { RunLinks } from './settings.js';
import type { SummaryInput, SummaryMeta } from './summary-comment.js';

/** Where the findings go when nobody posted them inline: anchored to the diff, or listed. */
export function placeFindings(outcome: RunOutcome): AnchorResult {
  if (outcome.kind !== 'finished') return { anchored: [], unanchored: [] };
  return outcome.anchorDiff !== undefined
    ? anchorFindings(outcome.findings, outcome.anchorDiff)
    : listFindings(outcome.findings, outcome.listedBecause ?? 'not posted inline');
}

/** Findings listed in the summary only (implement loops: the code they point at was just pushed). */
export function listFindings(findings: readonly Finding[], reason: string): AnchorResult {
  return {
    anchored: [],
    unanchored: findings.map((f) => ({ ...f, fingerprint: fingerprintFinding(f), reason })),
  };
}

export interface SummaryContext {
  links: RunLinks;
  /** The pull request the summary is on, for links to its files view. */
  pullNumber?: number;
  /** Finding fingerprint → its inline comment. */
  inlineUrls?: ReadonlyMap<string, string>;
  /** The summary this run replaces (resolved findings, spend so far). */
  previous?: SummaryMeta;
  /** Notes publishers raised (a missing permission). */
  notes?: readonly string[];
}

/** The summary of a started run's outcome: running, finished or failed. */
export function summaryInputOf(
  outcome: RunOutcome | undefined,
  placed: AnchorResult | undefined,
  workflow: string,
  headSha: string | undefined,
  context: SummaryContext,
): SummaryInput {
  const base: SummaryInput = {
    workflow,
    status: 'running',
    headSha,
    previous: context.previous,
    runUrl: context.links.runUrl,
    repositoryUrl: context.links.repositoryUrl,
  };
  if (!outcome || outcome.kind === 'skipped') return base;
  const usage = spendOf(outcome.calls);
  const spend = { usage, prSpendUsd: (context.previous?.spendUsd ?? 0) + usage.costUsd };
  const notes = context.notes?.length ? context.notes.join('\n\n') : '';
  if (outcome.kind === 'finished') {
    const verdict = verdictOf(outcome);
    const message = [verdict.noVerdict, outcome.message, notes].filter(Boolean).join('\n\n');
    return {
      ...base,
      ...spend,
      status: verdict.summary,
      overview: outcome.overview,
      ...(context.pullNumber !== undefined
        ? { pullFilesUrl: `${context.links.repositoryUrl}/pull/${context.pullNumber}/files` }
        : {}),
      inlineUrls: context.inlineUrls,
      headSha: outcome.headSha ?? headSha,
      findings: placed ?? placeFindings(outcome),
      files: filesOf(outcome.coverage),
      iterations: outcome.iterations,
      message: message || undefined,
    };
  }
  const pushed = commitsNote(outcome.commits);
  const again =
    outcome.request.kind === 'review'
      ? 'Fix the cause and run `/aethr review` (or re-run the job) to try again.'
      : '';
  return {
    ...base,
    ...spend,
    status: 'failed',
    message: [outcome.message, pushed, again, notes].filter(Boolean).join('\n\n'),
  };
}

/** How a finished run's verdict is reported (no verdict is never a pass). */
export function verdictOf(outcome: FinishedOutcome): ReportedVerdict {
  return reportedVerdict(
    outcome.status === undefined
      ? undefined
      : { status: outcome.status, noVerdictReason: outcome.noVerdictReason },
  );
}

function filesOf(coverage: readonly FileCoverage[] | undefined): SummaryInput['files'] {
  if (!coverage?.length) return undefined;
  const note = (c: FileCoverage) => ({ path: c.path, reason: c.reason });
  const changed = coverage.filter((c) => !c.via);
  const context = coverage.filter((c) => c.via);
  return {
    reviewed: changed.filter((c) => c.status === 'reviewed').map((c) => c.path),
    clipped: changed.filter((c) => c.status === 'clipped').map(note),
    skipped: changed.filter((c) => c.status === 'skipped').map(note),
    ...(context.length
      ? {
          context: context.map((c) => ({
            path: c.path,
            reason: `${c.via}${c.status === 'reviewed' ? '' : `; ${c.status}${c.reason ? `: ${c.reason}` : ''}`}`,
          })),
        }
      : {}),
  };
}
