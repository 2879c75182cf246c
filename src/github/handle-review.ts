/**
 * A review run on a pull request, from any door: authorise the actor, load the workflow from a
 * trusted place, check keys, fetch the PR diff, run the engine, then publish one sticky summary
 * and one review of new inline findings. Every write happens after the permission check.
 */
import { loadWorkflowSpec } from '../config/workflow-source.js';
import { toError } from '../errors.js';
import { runWorkflow } from '../engine/run-workflow.js';
import type { Finding } from '../engine/types.js';
import { redactSecrets } from '../models/redact.js';
import { buildPorts } from '../runner/build-ports.js';
import { summariseLedger } from '../models/ledger.js';
import type { CallRecord } from '../models/gateway.js';
import { renderLedgerMarkdown } from './ledger-markdown.js';
import {
  applyMaxIterations,
  baseBranchReader,
  coverageOf,
  ensureAllowed,
  ensureKeys,
  failureMessage,
  isOurs,
  iterationsOf,
  openStickySummary,
  setOutputs,
  logObserver,
  tryReact,
} from './run-support.js';
import { anchorFindings, type AnchorResult } from './diff-anchor.js';
import type { Forge, PullInfo } from './forge.js';
import { parseFingerprints } from './fingerprint.js';
import { loadPrDiff } from './pr-diff.js';
import type { RunReporter } from './reporter.js';
import {
  renderJobSummary,
  renderSummaryComment,
  type SummaryInput,
  type SummaryMeta,
} from './summary-comment.js';
import { COMMAND_HELP } from './commands.js';
import type { PermissionLevel } from './forge.js';
import type { Severity } from '../engine/types.js';

export interface ReviewSettings {
  workflowSpec: string;
  failOn: 'none' | Exclude<Severity, 'info'>;
  maxIterations?: number;
  minimumPermission: PermissionLevel;
  allowedActors: string[];
  mock: boolean;
  botLogin: string;
}

export interface ReviewRequest {
  prNumber: number;
  actor: string;
  /** From the event, when it carried the PR; fetched otherwise. */
  pull?: PullInfo;
  /** `/aethr` command comment to react to and reply under. */
  commentId?: number;
  /** Extra instructions from `/aethr review ...` or the task of `/aethr run`. */
  instructions?: string;
  /** Read the workflow from the base branch (forks, pull_request_target, comments). */
  workflowFromBase: boolean;
}

export interface ReviewDeps {
  forge: Forge;
  report: RunReporter;
  /** The checked-out repository. */
  root: string;
  env: Record<string, string | undefined>;
  runUrl?: string;
  repositoryUrl?: string;
  /** `api`: ask the Forge for the diff without fetching (local previews); default `auto`. */
  diffSource?: 'auto' | 'api';
}

export interface ReviewOutcomeSummary {
  status: 'pass' | 'revise' | 'denied' | 'no-key' | 'failed';
  findings: Finding[];
  summaryUrl?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

export async function handleReview(
  request: ReviewRequest,
  settings: ReviewSettings,
  deps: ReviewDeps,
): Promise<ReviewOutcomeSummary> {
  const { forge, report } = deps;

  // 1. Authorise before anything that costs money or writes (a denial reply is the only write).
  if (
    !(await ensureAllowed(
      request.actor,
      settings,
      deps,
      request.commentId === undefined ? undefined : request.prNumber,
    ))
  ) {
    return { status: 'denied', findings: [] };
  }

  // 2. What to run: the PR, and the workflow from a place the PR author cannot change.
  const pull = request.pull ?? (await forge.getPull(request.prNumber));
  const loaded = await loadWorkflowSpec(settings.workflowSpec, deps.root, {
    fallbackPreset: 'review-existing-diff',
    reader: request.workflowFromBase ? baseBranchReader(forge, pull) : undefined,
  });
  const workflow = applyMaxIterations(loaded.workflow, settings.maxIterations);
  report.info(`Workflow "${workflow.workflow}" from ${loaded.display}.`);

  // 3. Keys: a configured provider key means live calls; none means nothing is posted.
  const env = deps.env;
  if (!(await ensureKeys(workflow, settings.mock, deps))) return { status: 'no-key', findings: [] };

  if (request.commentId !== undefined) await tryReact(forge, request.commentId, 'eyes', report);

  // 4. The sticky summary says "reviewing …" while the run goes on.
  const sticky = await openStickySummary(forge, pull, workflow.workflow, {
    botLogin: settings.botLogin,
    ...deps,
  });
  const { previous, base: summaryBase } = sticky;
  let summaryComment = sticky.comment;

  // Calls made so far, kept outside the try so a failed run still counts what it spent.
  let calls: CallRecord[] = [];
  const spendOf = (): {
    usage: { inputTokens: number; outputTokens: number; costUsd: number };
    prSpendUsd: number;
  } => {
    const totals = summariseLedger(calls).totals;
    return {
      usage: {
        inputTokens: totals.inputTokens,
        outputTokens: totals.outputTokens,
        costUsd: totals.liveUsd,
      },
      prSpendUsd: (previous?.spendUsd ?? 0) + totals.liveUsd,
    };
  };
  try {
    const diff = await report.group('Pull request diff', async () => {
      const d = await loadPrDiff(
        deps.root,
        { number: pull.number, baseRef: pull.baseRef, headSha: pull.headSha },
        forge,
        (m) => report.info(m),
        deps.diffSource === 'api',
      );
      report.info(`${d.diff.text.length} characters of diff from ${d.source}.`);
      for (const note of d.notes) report.info(note);
      return d;
    });

    const ports = buildPorts({
      workflow,
      root: deps.root,
      env,
      live: !settings.mock,
      prDiff: { diff: diff.diff, label: `pull request #${pull.number}` },
      prDescription: { title: pull.title, body: pull.body },
      prSpentUsd: previous?.spendUsd ?? 0,
      observer: logObserver(report),
    });
    calls = ports.models.calls;
    const result = await runWorkflow({ workflow, task: reviewTask(pull, request) }, ports);

    // 5. Publish: new inline findings as one review, the rest in the summary.
    const findings = result.finalReview?.findings ?? [];
    const anchored = anchorFindings(findings, diff.diff);
    const posted = await postReview(forge, pull, anchored, settings.botLogin, report);
    const { usage, prSpendUsd } = spendOf();
    const status = result.finalReview?.status ?? 'pass';
    const summary: SummaryInput = {
      ...summaryBase,
      status,
      findings: posted,
      files: coverageOf(result),
      iterations: iterationsOf(result),
      usage,
      prSpendUsd,
      message: result.finalReview?.notes.length ? result.finalReview.notes.join(' ') : undefined,
    };
    summaryComment = await forge.updateIssueComment(
      summaryComment.id,
      renderSummaryComment(summary),
    );
    await report.jobSummary(`${renderJobSummary(summary)}\n\n${renderLedgerMarkdown(calls)}`);
    setOutputs(report, {
      status,
      findings,
      summaryUrl: summaryComment.htmlUrl,
      tokens: usage.inputTokens + usage.outputTokens,
      costUsd: usage.costUsd,
    });

    const failing = findings.filter(
      (f) =>
        settings.failOn !== 'none' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[settings.failOn],
    );
    if (failing.length)
      report.setFailed(`${failing.length} finding(s) at or above "${settings.failOn}" remain.`);
    if (request.commentId !== undefined) await tryReact(forge, request.commentId, '+1', report);
    return { status, findings, summaryUrl: summaryComment.htmlUrl };
  } catch (error) {
    const message = redactSecrets(failureMessage(error), Object.values(env));
    const { usage, prSpendUsd } = spendOf();
    await forge.updateIssueComment(
      summaryComment.id,
      renderSummaryComment({
        ...summaryBase,
        status: 'failed',
        usage,
        prSpendUsd,
        message: `${message}\n\nFix the cause and run \`/aethr review\` (or re-run the job) to try again.`,
      }),
    );
    await report.jobSummary(`### aethr: failed\n\n${message}\n\n${renderLedgerMarkdown(calls)}`);
    if (request.commentId !== undefined)
      await tryReact(forge, request.commentId, 'confused', report);
    setOutputs(report, {
      status: '',
      findings: [],
      summaryUrl: summaryComment.htmlUrl,
      tokens: usage.inputTokens + usage.outputTokens,
      costUsd: usage.costUsd,
    });
    report.setFailed(message);
    return { status: 'failed', findings: [], summaryUrl: summaryComment.htmlUrl };
  }
}

export async function replyHelp(
  forge: Forge,
  prNumber: number,
  commentId: number,
  intro?: string,
): Promise<void> {
  await forge.createIssueComment(
    prNumber,
    `${intro ? `${intro}\n\n` : ''}**aethr commands**\n\n${COMMAND_HELP}`,
  );
  await forge.addReaction(commentId, intro ? 'confused' : '+1');
}

/** Inline comments already posted by us (any earlier run) are not posted again. */
async function postReview(
  forge: Forge,
  pull: PullInfo,
  anchored: AnchorResult,
  botLogin: string,
  report: RunReporter,
): Promise<AnchorResult> {
  const existing = new Set(
    (await forge.listReviewComments(pull.number))
      .filter((c) => isOurs(c, botLogin))
      .flatMap((c) => parseFingerprints(c.body)),
  );
  const fresh = anchored.anchored.filter((c) => !existing.has(c.fingerprint));
  report.info(
    `${anchored.anchored.length} finding(s) on diff lines (${anchored.anchored.length - fresh.length} already posted), ${anchored.unanchored.length} for the summary.`,
  );
  if (fresh.length === 0) return anchored;
  try {
    await forge.createReview(pull.number, {
      commitId: pull.headSha,
      body: `aethr found ${fresh.length} new finding(s); see the summary comment for the full review.`,
      comments: fresh.map((c) => ({
        path: c.path,
        line: c.line,
        side: 'RIGHT' as const,
        ...(c.start_line !== undefined
          ? { start_line: c.start_line, start_side: 'RIGHT' as const }
          : {}),
        body: c.body,
      })),
    });
    return anchored;
  } catch (error) {
    // GitHub refused a line (e.g. the head moved since the diff was read): nothing is lost,
    // the findings go to the summary instead.
    report.warning(
      `GitHub refused the inline review (${toError(error).message}); the findings are listed in the summary.`,
    );
    const refused = new Set(fresh.map((c) => c.fingerprint));
    return {
      anchored: anchored.anchored.filter((c) => !refused.has(c.fingerprint)),
      unanchored: [
        ...anchored.unanchored,
        ...fresh.map((c) => ({
          ...c.finding,
          fingerprint: c.fingerprint,
          reason: 'GitHub refused the inline comment',
        })),
      ],
    };
  }
}

function reviewTask(pull: PullInfo, request: ReviewRequest): string {
  const lines = [
    `Review the changes of pull request #${pull.number} (the diff is in the context).`,
  ];
  if (request.instructions) {
    lines.push('', `Extra instructions from @${request.actor}:`, request.instructions);
  }
  return lines.join('\n');
}

export type { SummaryMeta };
