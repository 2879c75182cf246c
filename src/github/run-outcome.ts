/**
 * What a GitHub run tells its publishers: a `RunStart` once it is authorised and knows its
 * workflow, then exactly one `RunOutcome`. Handlers build these; publishers (the PR comments,
 * the check run, the Actions outputs, the terminal) decide what each means where they write.
 */
import type { ParsedDiff } from '../diff/unified-diff.js';
import { StepFailed } from '../engine/run-workflow.js';
import type { FileCoverage, Finding, ReviewStatus, RunResult } from '../engine/types.js';
import { AethrError, toError } from '../errors.js';
import { BudgetExceeded } from '../models/budget.js';
import type { CallRecord } from '../models/gateway.js';
import { summariseLedger } from '../models/ledger.js';
import { redactSecrets } from '../models/redact.js';
import { PermissionCheckFailed } from './authorize.js';
import type { PullRequestInfo } from './event-intent.js';
import type { IterationCommit } from './implement-commits.js';

export type RunKind = 'review' | 'implement' | 'branch';

/** What was asked, known from the event before anything is read or checked. */
export interface RunRequest {
  kind: RunKind;
  /** What asked for the run: an explicit request (comment, label) gets replies; an event does not. */
  trigger: 'event' | 'comment' | 'label' | 'schedule' | 'dispatch';
  /** Who asked; undefined for schedules. */
  actor?: string;
  /** The pull request the run is about (reviews, implement runs, commands). */
  pullNumber?: number;
  /** The issue a branch run was asked for on (the trigger label on an issue). */
  issueNumber?: number;
  /** The `/aethr` command comment, to react to and reply under. */
  commentId?: number;
}

/** The request once authorised and loaded: publishers key their writes by it. */
export interface RunSubject extends RunRequest {
  /** The workflow's name: the sticky comment's marker and the check run's name. */
  workflow: string;
  /** The pull request a review or implement run works on. */
  pull?: PullRequestInfo;
  /** The head the run was authorised for and works on. */
  headSha?: string;
}

/** What earlier runs left that this one needs (from the sticky summary). */
export interface PriorRun {
  /** USD already spent on this pull request (for `budget.pr_usd`). */
  spentUsd: number;
}

/** Model calls and commits made so far, kept by the door so a failed run still reports them. */
export interface RunTally {
  calls: CallRecord[];
  commits: IterationCommit[];
}

/** The final review's verdict; `none`: the review gave none (see github/review-verdict.ts). */
export type ReviewVerdict = ReviewStatus;

export interface FinishedOutcome {
  kind: 'finished';
  request: RunRequest;
  subject: RunSubject;
  /** The final review's verdict; undefined when the workflow has no review step. */
  status?: ReviewVerdict;
  /** Why there is no verdict, when `status` is `none`. */
  noVerdictReason?: string;
  findings: Finding[];
  /** The PR diff the findings may be anchored to (review runs); implement findings are not. */
  anchorDiff?: ParsedDiff;
  /** Why the findings are listed rather than posted inline, when they are not anchored. */
  listedBecause?: string;
  coverage?: FileCoverage[];
  iterations?: IterationRow[];
  /** Notes for people: review notes, loop outcome, fork patch. */
  message?: string;
  /** The reviewer's own prose (see engine/review-overview.ts), shown above the findings. */
  overview?: string;
  /** The head after the run's own pushes. */
  headSha?: string;
  /** Branch runs: where the work went. */
  delivery?: Delivery;
  /**
   * A milestone that stopped before its last task: `review` when a task's review did not pass
   * (like an implement loop that ran out), `error` when something else stopped it (a refused
   * push, a missing permission, a budget): the run then counts as failed for the check and job.
   */
  blocked?: { kind: 'review' | 'error'; message: string };
}

export interface IterationRow {
  iteration: number;
  findings: number;
  status: string;
  commitSha?: string;
  tokens?: number;
}

/**
 * Where a branch run's work went; `note` says it for people, and is posted on `issue` (default:
 * the issue a branch run was asked for on).
 */
export type Delivery = { note: string; issue?: number } & (
  | { kind: 'unchanged' }
  | { kind: 'pull'; branch: string; pullUrl: string; updated: boolean }
  | { kind: 'branch-only'; branch: string }
);

export interface FailedOutcome {
  kind: 'failed';
  request: RunRequest;
  /** Undefined when the run failed before it knew its workflow. */
  subject?: RunSubject;
  /** Redacted, with the hint. */
  message: string;
  /**
   * `budget`: a budget stopped the run (a limit, not a fault); `unverified`: the actor's
   * permission could not be checked, so nothing may be written; `error`: anything else.
   */
  cause: 'budget' | 'unverified' | 'error';
}

export type SkipReason = 'denied' | 'no-key' | 'ignored' | 'replied';

export interface SkippedOutcome {
  kind: 'skipped';
  request: RunRequest;
  subject?: RunSubject;
  reason: SkipReason;
  message: string;
  /** For `denied`: the actor's level and the level needed. */
  denial?: { level: string; minimum: string };
}

export type RunOutcome = (FinishedOutcome | FailedOutcome | SkippedOutcome) & {
  /** Every model call of the run (the ledger). */
  calls: readonly CallRecord[];
  commits: readonly IterationCommit[];
};

export function newTally(): RunTally {
  return { calls: [], commits: [] };
}

export function finished(
  tally: RunTally,
  outcome: Omit<FinishedOutcome, 'kind' | 'request'>,
): RunOutcome {
  return {
    kind: 'finished',
    request: outcome.subject,
    ...outcome,
    calls: tally.calls,
    commits: tally.commits,
  };
}

export function skipped(
  tally: RunTally,
  request: RunRequest,
  reason: SkipReason,
  message: string,
  denial?: SkippedOutcome['denial'],
): RunOutcome {
  return {
    kind: 'skipped',
    request,
    reason,
    message,
    ...(denial ? { denial } : {}),
    calls: tally.calls,
    commits: tally.commits,
  };
}

export function failed(
  tally: RunTally,
  request: RunRequest,
  error: unknown,
  secrets: readonly string[],
  subject?: RunSubject,
): RunOutcome {
  return {
    kind: 'failed',
    request,
    subject,
    message: redactSecrets(failureMessage(error), secrets),
    cause:
      error instanceof BudgetExceeded || toError(error).cause instanceof BudgetExceeded
        ? 'budget'
        : error instanceof PermissionCheckFailed
          ? 'unverified'
          : 'error',
    calls: tally.calls,
    commits: tally.commits,
  };
}

/** The error as a person should read it: typed errors with their hint, others marked unexpected. */
export function failureMessage(error: unknown): string {
  if (error instanceof StepFailed || error instanceof AethrError) {
    return error.hint ? `${error.message}\n\n${error.hint}` : error.message;
  }
  return `Unexpected error: ${toError(error).message}`;
}

export interface Spend {
  inputTokens: number;
  outputTokens: number;
  /** Live spend only: mock calls are priced for budgets but cost nothing. */
  costUsd: number;
}

export function spendOf(calls: readonly CallRecord[]): Spend {
  const totals = summariseLedger([...calls]).totals;
  return {
    inputTokens: totals.inputTokens,
    outputTokens: totals.outputTokens,
    costUsd: totals.liveUsd,
  };
}

/** Per changed file, the best any step did: a file counts as reviewed if any step saw it whole. */
export function mergeCoverage(result: RunResult): FileCoverage[] {
  const byPath = new Map<string, FileCoverage>();
  for (const r of result.results) {
    for (const c of r.coverage ?? []) {
      // Context a label brought in is its own entry, apart from a changed file of that name.
      const key = c.via ? `via\u0000${c.path}` : c.path;
      const seen = byPath.get(key);
      if (!seen || (seen.status !== 'reviewed' && c.status === 'reviewed')) byPath.set(key, c);
    }
  }
  return [...byPath.values()];
}

/**
 * What a failed run says of its commits: those on the remote branch, and those it made but could
 * not push (the branch moved, the push was refused), so nobody looks for a commit that is not there.
 */
export function commitsNote(commits: readonly IterationCommit[]): string {
  const short = (list: readonly IterationCommit[]) => list.map((c) => c.sha.slice(0, 7)).join(', ');
  const pushed = commits.filter((c) => c.pushed);
  const kept = commits.filter((c) => !c.pushed);
  return [
    pushed.length ? `Pushed before stopping: ${short(pushed)}.` : '',
    kept.length ? `Committed but not pushed: ${short(kept)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** One row per review of the run, with the commit its iteration made (implement loops). */
export function iterationRows(
  result: RunResult,
  commits: readonly IterationCommit[] = [],
): IterationRow[] {
  return result.results
    .filter((r) => r.review)
    .map((r, i) => ({
      iteration: i + 1,
      findings: r.review!.findings.length,
      status: r.review!.status,
      commitSha: commits.find((c) => c.iteration === r.iteration && c.pushed)?.sha,
      tokens: result.results
        .filter((x) => x.iteration === r.iteration)
        .reduce((n, x) => n + (x.usage ? x.usage.inputTokens + x.usage.outputTokens : 0), 0),
    }));
}
