/**
 * An implement run on a pull request (`/aethr implement <task>`, or the trigger label): the
 * workflow's implement → review loop on the PR head branch, one commit per iteration that
 * changed files, each pushed only while the remote head is where the run left it.
 */
import type { Workflow } from '../config/schema.js';
import { loadWorkflowSpec } from '../config/workflow-source.js';
import { runWorkflow } from '../engine/run-workflow.js';
import type { Finding, RunResult } from '../engine/types.js';
import { toError } from '../errors.js';
import { preparePrWorkspace, type GitIdentity, type PrWorkspace } from '../git/pr-workspace.js';
import { afterPushFailure, decidePushPolicy, type PushPolicy } from '../git/push-policy.js';
import { summariseLedger } from '../models/ledger.js';
import type { CallRecord } from '../models/gateway.js';
import { redactSecrets } from '../models/redact.js';
import { buildPorts } from '../runner/build-ports.js';
import type { AnchorResult } from './diff-anchor.js';
import { fingerprintFinding } from './fingerprint.js';
import type { Forge, PullInfo } from './forge.js';
import { withCommits, type IterationCommit } from './implement-commits.js';
import { renderLedgerMarkdown } from './ledger-markdown.js';
import { loadPrDiff } from './pr-diff.js';
import type { ReviewDeps, ReviewSettings } from './handle-review.js';
import {
  applyMaxIterations,
  baseBranchReader,
  ensureAllowed,
  ensureKeys,
  failureMessage,
  loopMaxima,
  openStickySummary,
  setOutputs,
  logObserver,
  tryReact,
  withAvailableBackends,
} from './run-support.js';
import { renderJobSummary, renderSummaryComment, type SummaryInput } from './summary-comment.js';

export interface ImplementSettings extends ReviewSettings {
  /** Bot commits allowed on one PR branch. */
  maxBotCommits: number;
  /** Author and committer of follow-up commits (default: the github-actions bot). */
  identity?: GitIdentity;
  /** Whether the token may push to forks (false for a token scoped to this repository). */
  tokenCanPushToFork?: boolean;
}

export interface ImplementRequest {
  prNumber: number;
  actor: string;
  task: string;
  event: string;
  commentId?: number;
  /** The trigger label, removed when the run ends. */
  label?: string;
}

export interface ImplementOutcome {
  status: 'pass' | 'revise' | 'denied' | 'no-key' | 'failed' | 'suggested';
  commits: IterationCommit[];
  summaryUrl?: string;
}

export const IMPLEMENT_BACKENDS = new Set(['opencode', 'patch']);

export async function handleImplement(
  request: ImplementRequest,
  settings: ImplementSettings,
  deps: ReviewDeps & { serverUrl?: string },
): Promise<ImplementOutcome> {
  const { forge, report } = deps;
  try {
    return await implementOnPull(request, settings, deps);
  } finally {
    if (request.label) {
      await forge
        .removeLabel(request.prNumber, request.label)
        .catch((e: unknown) =>
          report.info(`Could not remove the label "${request.label}": ${toError(e).message}`),
        );
    }
  }
}

async function implementOnPull(
  request: ImplementRequest,
  settings: ImplementSettings,
  deps: ReviewDeps & { serverUrl?: string },
): Promise<ImplementOutcome> {
  const { forge, report } = deps;
  if (!(await ensureAllowed(request.actor, settings, deps, request.prNumber))) {
    return { status: 'denied', commits: [] };
  }

  const pull = await forge.getPull(request.prNumber);
  const workflow = await implementWorkflow(settings, deps, pull);
  if (!(await ensureKeys(workflow, settings.mock, deps))) return { status: 'no-key', commits: [] };
  if (request.commentId !== undefined) await tryReact(forge, request.commentId, 'eyes', report);

  let policy: PushPolicy = decidePushPolicy({
    isFork: pull.headRepo !== pull.baseRepo,
    maintainerCanModify: pull.maintainerCanModify,
    headRepoFullName: pull.headRepo || undefined,
    serverUrl: deps.serverUrl ?? 'https://github.com',
    event: request.event,
    tokenCanPushToFork: settings.tokenCanPushToFork,
  });
  if (policy.mode === 'suggest') report.notice(`${policy.message} ${policy.hint}`);

  const sticky = await openStickySummary(forge, pull, workflow.workflow, {
    botLogin: settings.botLogin,
    ...deps,
  });
  const { previous, base: summaryBase } = sticky;
  let summary = sticky.comment;

  const commits: IterationCommit[] = [];
  let calls: CallRecord[] = [];
  let workspace: PrWorkspace | undefined;
  try {
    workspace = await preparePrWorkspace({
      root: deps.root,
      prNumber: pull.number,
      headRef: pull.headRef,
      headSha: pull.headSha,
      baseRef: pull.baseRef,
      pushUrl: policy.mode === 'push' ? policy.pushUrl : undefined,
      maxBotCommits: settings.maxBotCommits,
      identity: settings.identity,
    });
    await workspace.assertCanCommit();
    const diff = await loadPrDiff(
      deps.root,
      { number: pull.number, baseRef: pull.baseRef, headSha: pull.headSha },
      forge,
      (m) => report.info(m),
    );

    const ports = buildPorts({
      workflow,
      root: deps.root,
      env: deps.env,
      live: !settings.mock,
      prDiff: { diff: diff.diff, label: `pull request #${pull.number}` },
      prDescription: { title: pull.title, body: pull.body },
      prSpentUsd: previous?.spendUsd ?? 0,
      observer: logObserver(report),
    });
    calls = ports.models.calls;
    const commitOptions = {
      workspace,
      pushEach: policy.mode === 'push',
      maxIterations: loopMaxima(workflow),
      runUrl: deps.runUrl,
      commits,
    };
    for (const name of ['opencode', 'patch'] as const) {
      const backend = ports.backends[name];
      if (backend) ports.backends[name] = withCommits(backend, commitOptions);
    }

    let result: RunResult;
    try {
      result = await runWorkflow({ workflow, task: implementTask(request, pull) }, ports);
    } catch (error) {
      // A fork may refuse our push: fall back to offering the change instead of failing.
      const fallback =
        policy.mode === 'push' && /refused|forbidden|denied|403/i.test(toError(error).message)
          ? afterPushFailure(policy, {
              ok: false,
              reason: 'forbidden',
              message: toError(error).message,
            })
          : undefined;
      if (!fallback) throw error;
      policy = fallback;
      result = { workflow: workflow.workflow, task: request.task, results: [], loops: [] };
    }

    const findings = result.finalReview?.findings ?? [];
    const status = result.finalReview?.status ?? 'pass';
    const totals = summariseLedger(calls).totals;
    const usage = {
      inputTokens: totals.inputTokens,
      outputTokens: totals.outputTokens,
      costUsd: totals.liveUsd,
    };
    let message = loopMessage(result, commits);
    if (policy.mode === 'suggest') {
      const patch = await workspace.formatPatch({ maxBytes: 60_000 });
      message += `\n\n${policy.message} ${policy.hint}`;
      if (patch.commits > 0) {
        message += `\n\n<details><summary>Patch (${patch.commits} commit(s)${patch.truncated ? ', truncated' : ''}) — apply with <code>git am</code></summary>\n\n\`\`\`\`diff\n${patch.patch}\n\`\`\`\`\n\n</details>`;
      }
    }
    const done: SummaryInput = {
      ...summaryBase,
      status,
      headSha: workspace.expectedHead,
      findings: asSummaryFindings(findings),
      iterations: iterationRows(result, commits),
      usage,
      prSpendUsd: (previous?.spendUsd ?? 0) + totals.liveUsd,
      message,
    };
    summary = await forge.updateIssueComment(summary.id, renderSummaryComment(done));
    await report.jobSummary(`${renderJobSummary(done)}\n\n${renderLedgerMarkdown(calls)}`);
    setOutputs(report, {
      status,
      findings,
      summaryUrl: summary.htmlUrl,
      tokens: usage.inputTokens + usage.outputTokens,
      costUsd: usage.costUsd,
    });
    if (request.commentId !== undefined) await tryReact(forge, request.commentId, '+1', report);
    return {
      status: policy.mode === 'suggest' ? 'suggested' : status,
      commits,
      summaryUrl: summary.htmlUrl,
    };
  } catch (error) {
    await workspace?.discardChanges().catch(() => {});
    const message = redactSecrets(failureMessage(error), Object.values(deps.env));
    const totals = summariseLedger(calls).totals;
    const pushed = commits.length
      ? `\n\nPushed before stopping: ${commits.map((c) => c.sha.slice(0, 7)).join(', ')}.`
      : '';
    await forge.updateIssueComment(
      summary.id,
      renderSummaryComment({
        ...summaryBase,
        status: 'failed',
        usage: {
          inputTokens: totals.inputTokens,
          outputTokens: totals.outputTokens,
          costUsd: totals.liveUsd,
        },
        prSpendUsd: (previous?.spendUsd ?? 0) + totals.liveUsd,
        message: `${message}${pushed}`,
      }),
    );
    await report.jobSummary(
      `### aethr: failed\n\n${message}${pushed}\n\n${renderLedgerMarkdown(calls)}`,
    );
    if (request.commentId !== undefined)
      await tryReact(forge, request.commentId, 'confused', report);
    setOutputs(report, { status: '', findings: [], summaryUrl: summary.htmlUrl });
    report.setFailed(message);
    return { status: 'failed', commits, summaryUrl: summary.htmlUrl };
  }
}

/** The workflow input, or the plan-implement-review preset when it has no implement step. */
async function implementWorkflow(
  settings: ImplementSettings,
  deps: ReviewDeps,
  pull: PullInfo,
): Promise<Workflow> {
  const reader = baseBranchReader(deps.forge, pull);
  let loaded = await loadWorkflowSpec(settings.workflowSpec, deps.root, {
    fallbackPreset: 'plan-implement-review',
    reader,
  });
  if (!loaded.workflow.steps.some((s) => s.backend && IMPLEMENT_BACKENDS.has(s.backend))) {
    deps.report.info(
      `${loaded.display} has no implement step; using the plan-implement-review preset.`,
    );
    loaded = await loadWorkflowSpec('plan-implement-review', deps.root);
  }
  const workflow = applyMaxIterations(loaded.workflow, settings.maxIterations);
  deps.report.info(`Workflow "${workflow.workflow}" from ${loaded.display}.`);
  return withAvailableBackends(workflow, settings.mock, deps);
}

function implementTask(request: ImplementRequest, pull: PullInfo): string {
  return [
    `Work on pull request #${pull.number} (branch ${pull.headRef}).`,
    '',
    `Task from @${request.actor}:`,
    request.task,
  ].join('\n');
}

function iterationRows(
  result: RunResult,
  commits: readonly IterationCommit[],
): SummaryInput['iterations'] {
  const reviews = result.results.filter((r) => r.review);
  return reviews.map((r, i) => {
    const tokens = result.results
      .filter((x) => x.iteration === r.iteration)
      .reduce((n, x) => n + (x.usage ? x.usage.inputTokens + x.usage.outputTokens : 0), 0);
    return {
      iteration: i + 1,
      findings: r.review!.findings.length,
      status: r.review!.status,
      commitSha: commits.find((c) => c.iteration === r.iteration)?.sha,
      tokens,
    };
  });
}

function loopMessage(result: RunResult, commits: readonly IterationCommit[]): string {
  const parts = [
    commits.length ? `${commits.length} follow-up commit(s) pushed.` : 'No files changed.',
  ];
  for (const loop of result.loops) {
    if (loop.outcome === 'passed')
      parts.push(`The review passed at iteration ${loop.iterations}/${loop.maxIterations}.`);
    if (loop.outcome === 'max_iterations')
      parts.push(`Stopped at max_iterations (${loop.maxIterations}) without a passing review.`);
    if (loop.outcome === 'not_converging' && loop.escalation)
      parts.push(`\n\n**Escalation report**\n\n${loop.escalation}`);
  }
  return parts.join(' ');
}

/** Implement runs list their last findings in the summary; the code they point at is fresh. */
function asSummaryFindings(findings: readonly Finding[]): AnchorResult {
  return {
    anchored: [],
    unanchored: findings.map((f) => ({
      ...f,
      fingerprint: fingerprintFinding(f),
      reason: 'last review of the implement loop',
    })),
  };
}

export type { Forge };
