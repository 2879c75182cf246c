/**
 * An implement run on a pull request (`/aethr implement <task>`, or the trigger label): the
 * workflow's implement → review loop on the PR head branch, one commit per iteration that
 * changed files, each pushed only while the remote head is where the run left it. The run works
 * on the head it was authorised for: if the branch moved since, it stops and says so.
 */
import { fenceUntrusted } from '../context/sanitize-untrusted.js';
import { finalOverview } from '../engine/review-overview.js';
import { runWorkflow } from '../engine/run-workflow.js';
import type { RunResult } from '../engine/types.js';
import { toError } from '../errors.js';
import { HeadMoved, type PrWorkspace } from '../git/pr-workspace.js';
import { afterPushFailure, decidePushPolicy, type PushPolicy } from '../git/push-policy.js';
import type { Workflow } from '../config/schema.js';
import type { IssueInfo, PullRequestInfo } from './event-intent.js';
import { COMMAND_HELP, IMPLEMENT_NEEDS_TASK } from './commands.js';
import { milestoneIssueOf } from './milestone-pull.js';
import { withCommits, type IterationCommit } from './implement-commits.js';
import { loadPrDiff } from './pr-diff.js';
import {
  checkActor,
  enginePorts,
  isOutcome,
  loopMaxima,
  replyOptions,
  workflowOrSkip,
  type RunContext,
} from './run-context.js';
import { replyOnce, tryReact } from './reply-once.js';
import { finished, iterationRows, skipped, type PriorRun, type RunOutcome } from './run-outcome.js';
import { runMilestone } from './run-milestone.js';
import { baseBranchReader, baseLearnings } from './trusted-workflow.js';

export interface ImplementRequest {
  pullNumber: number;
  actor: string;
  task: string;
  /** The event name (a `pull_request` run from a fork has a read-only token). */
  event: string;
  /** The trigger label, removed when the run ends. */
  label?: string;
  /** The PR as the event showed it: its head is the one the actor authorised. */
  pull?: PullRequestInfo;
}

export async function handleImplement(
  request: ImplementRequest,
  ctx: RunContext,
): Promise<RunOutcome> {
  try {
    return await implementOnPull(request, ctx);
  } finally {
    if (request.label) {
      await ctx.forge
        .removeLabel(request.pullNumber, request.label)
        .catch((e: unknown) =>
          ctx.log.info(`Could not remove the label "${request.label}": ${toError(e).message}`),
        );
    }
  }
}

async function implementOnPull(request: ImplementRequest, ctx: RunContext): Promise<RunOutcome> {
  const { forge, log, settings, tally } = ctx;
  const denied = await checkActor(ctx, request.actor);
  if (denied) return denied;

  const pull = await forge.getPull(request.pullNumber);
  // Work on what was authorised: a push after the label (or while the command waited) is not.
  const headSha = request.pull?.head.sha ?? pull.head.sha;
  if (pull.head.sha !== headSha) throw new HeadMoved(pull.head.ref, headSha, pull.head.sha);
  const milestone = await milestoneIssueOf(forge, pull);
  if (!milestone && !request.task.trim()) {
    await replyOnce(
      replyOptions(ctx),
      pull.number,
      `${IMPLEMENT_NEEDS_TASK}\n\n**aethr commands**\n\n${COMMAND_HELP}`,
    );
    if (ctx.request.commentId !== undefined) await tryReact(ctx, ctx.request.commentId, 'confused');
    return skipped(tally, ctx.request, 'replied', IMPLEMENT_NEEDS_TASK);
  }

  const workflow = await workflowOrSkip(ctx, {
    fallbackPreset: 'plan-implement-review',
    reader: baseBranchReader(forge, pull),
    needsImplement: true,
  });
  if (isOutcome(workflow)) return workflow;

  let policy: PushPolicy = decidePushPolicy({
    isFork: pull.isFork,
    maintainerCanModify: pull.maintainerCanModify,
    headRepoFullName: pull.head.repoFullName,
    serverUrl: settings.links.serverUrl,
    event: request.event,
    tokenCanPushToFork: settings.tokenCanPushToFork,
  });
  if (policy.mode === 'suggest') log.notice(`${policy.message} ${policy.hint}`);

  const subject = { ...ctx.request, workflow: workflow.workflow, pull, headSha };
  const prior = await ctx.publisher.start(subject);
  if (milestone)
    return continueMilestone(ctx, request, { pull, headSha, workflow, milestone, prior });

  let branch: PrWorkspace | undefined;
  try {
    const diff = await loadPrDiff(ctx.workspace, pull, forge, (m) => log.info(m));
    branch = await ctx.workspace.openPullBranch({
      prNumber: pull.number,
      headRef: pull.head.ref,
      headSha,
      baseRef: pull.base.ref,
      pushUrl: policy.mode === 'push' ? policy.pushUrl : undefined,
      maxBotCommits: settings.maxBotCommits,
      identity: settings.identity,
    });
    await branch.assertCanCommit();

    // The workflow comes from the base branch here, and so do the learnings it reads.
    const ports = enginePorts(ctx, workflow, {
      prDiff: { diff: diff.diff, label: `pull request #${pull.number}` },
      prDescription: { title: pull.title, body: pull.body },
      prSpentUsd: prior.spentUsd,
      labels: pull.labels,
      ...baseLearnings(forge, pull, workflow),
      // Code from a fork, or run with the base's secrets: agents and validators only isolated.
      untrusted: pull.isFork || request.event === 'pull_request_target',
      // ... and no ref on the remote may move while they run (aethr pushes after them).
      listRemote: () => branch!.remoteRefs(),
    });
    const { detectIsolation } = await import('../sandbox/isolation.js');
    log.info(`Repository code runs sandboxed: ${(await detectIsolation()).description}.`);
    const commitOptions = {
      workspace: branch,
      pushEach: policy.mode === 'push',
      maxIterations: loopMaxima(workflow),
      runUrl: settings.links.runUrl,
      commits: tally.commits,
      learnings: workflow.learnings,
      log: (m: string) => log.info(m),
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

    let message = loopMessage(result, tally.commits);
    if (policy.mode === 'suggest') message += await suggestion(branch, policy);
    return finished(tally, {
      subject,
      status: result.finalReview?.status ?? 'pass',
      noVerdictReason: result.finalReview?.noVerdictReason,
      findings: result.finalReview?.findings ?? [],
      listedBecause: 'last review of the implement loop',
      headSha: branch.expectedHead,
      iterations: iterationRows(result, tally.commits),
      message,
      overview: finalOverview(result),
    });
  } catch (error) {
    await branch?.discardChanges().catch(() => {});
    throw error;
  }
}

/**
 * `/aethr implement` (or the label) on a milestone's pull request: the task list continues from
 * its first unticked task, on the PR's own branch. Text after the command guides every task.
 */
async function continueMilestone(
  ctx: RunContext,
  request: ImplementRequest,
  o: {
    pull: PullRequestInfo;
    headSha: string;
    workflow: Workflow;
    milestone: IssueInfo;
    prior: PriorRun;
  },
): Promise<RunOutcome> {
  const { pull } = o;
  ctx.log.info(
    `#${pull.number} works through the task list of #${o.milestone.number}; continuing it.`,
  );
  const branch = await ctx.workspace.openPullBranch({
    prNumber: pull.number,
    headRef: pull.head.ref,
    headSha: o.headSha,
    baseRef: pull.base.ref,
    maxBotCommits: ctx.settings.maxBotCommits,
    identity: ctx.settings.identity,
  });
  return runMilestone(ctx, {
    issue: o.milestone,
    actor: request.actor,
    ...(request.label ? {} : { instructions: request.task }),
    defaultBranch: pull.base.ref,
    workflow: o.workflow,
    branch,
    pull,
    subject: { ...ctx.request, workflow: o.workflow.workflow, pull, headSha: o.headSha },
    prSpentUsd: o.prior.spentUsd,
    labels: [...o.milestone.labels, ...pull.labels],
  });
}

/** For a fork aethr may not push to: the reason, and the commits as a patch to apply. */
async function suggestion(
  branch: PrWorkspace,
  policy: Extract<PushPolicy, { mode: 'suggest' }>,
): Promise<string> {
  const patch = await branch.formatPatch({ maxBytes: 60_000 });
  let text = `\n\n${policy.message} ${policy.hint}`;
  if (patch.commits > 0) {
    text += `\n\n<details><summary>Patch (${patch.commits} commit(s)${patch.truncated ? ', truncated' : ''}) — apply with <code>git am</code></summary>\n\n\`\`\`\`diff\n${patch.patch}\n\`\`\`\`\n\n</details>`;
  }
  return text;
}

function implementTask(request: ImplementRequest, pull: PullRequestInfo): string {
  return [
    `Work on pull request #${pull.number} (branch ${pull.head.ref}).`,
    '',
    `The task, as @${request.actor} asked for it (from ${request.label ? 'the pull request title and description' : 'their comment'}):`,
    fenceUntrusted(
      request.label ? `pull request #${pull.number}` : `a comment by @${request.actor}`,
      request.task,
    ),
  ].join('\n');
}

function loopMessage(result: RunResult, commits: readonly IterationCommit[]): string {
  const pushed = commits.filter((c) => c.pushed).length;
  const parts = [
    pushed
      ? `${pushed} follow-up commit(s) pushed.`
      : commits.length
        ? `${commits.length} follow-up commit(s) made, not pushed.`
        : 'No files changed.',
  ];
  // A refused patch is named with the rule that refused it, never hidden behind "no change".
  for (const r of result.results) {
    const refusal = r.artifact?.refusal;
    if (refusal)
      parts.push(
        `The patch proposed in ${r.stepId} (pass ${r.iteration}) was refused at ${refusal.stage}${refusal.rules.length ? ` (${refusal.rules.join(', ')})` : ''}: ${refusal.message}`,
      );
  }
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
