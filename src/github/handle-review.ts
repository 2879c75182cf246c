/**
 * A review run on a pull request, from any door: authorise the actor, load the workflow from a
 * trusted place, check keys, fetch the PR diff, run the engine. Publishers post the outcome;
 * every write happens after the permission check.
 */
import { fenceUntrusted } from '../context/sanitize-untrusted.js';
import type { Workflow } from '../config/schema.js';
import { loadWorkflowSpec } from '../config/workflow-source.js';
import { finalOverview } from '../engine/review-overview.js';
import { runWorkflow } from '../engine/run-workflow.js';
import type { PullRequestInfo } from './event-intent.js';
import { loadPrDiff, withCurrentCommits } from './pr-diff.js';
import {
  checkActor,
  enginePorts,
  isOutcome,
  workflowOrSkip,
  type RunContext,
} from './run-context.js';
import { finished, iterationRows, mergeCoverage, type RunOutcome } from './run-outcome.js';
import { baseLearnings, workflowReader } from './trusted-workflow.js';

export interface ReviewRequest {
  pullNumber: number;
  actor: string;
  /** From the event, when it carried the PR (its head is the one authorised); fetched otherwise. */
  pull?: PullRequestInfo;
  /** Extra instructions from `/aethr review ...` or the task of `/aethr run`. */
  instructions?: string;
  /** `/aethr run <workflow>`: this workflow instead of the configured one. */
  workflowSpec?: string;
  /** Read the workflow from the base branch (forks, pull_request_target, comments). */
  workflowFromBase: boolean;
  /** The event ran with the base's secrets (`pull_request_target`). */
  baseContext?: boolean;
}

export async function handleReview(request: ReviewRequest, ctx: RunContext): Promise<RunOutcome> {
  const { forge, log, settings, tally } = ctx;

  // The PR and its diff need no permission: reading and fetching never run or write anything,
  // so they start now, alongside the permission check and the publishers' lookups.
  const pullRead = request.pull ? Promise.resolve(request.pull) : forge.getPull(request.pullNumber);
  const workspace = ctx.diffSource === 'api' ? undefined : ctx.workspace;
  // The fetch is sized by the PR's commit count: the API's, which a payload may lag behind.
  const sized =
    request.pull && workspace && workspace.kind !== 'local'
      ? withCurrentCommits(request.pull, forge)
      : pullRead;
  const diffRead = sized.then((pull) => loadPrDiff(workspace, pull, forge, (m) => log.info(m)));
  diffRead.catch(() => {}); // awaited below; a denied run does not wait for it

  // 1. Authorise before anything that costs money or writes. An outside contributor gets a
  //    review only, and only where the door opted in.
  const denied = await checkActor(ctx, request.actor);
  const outsider = denied !== undefined && outsiderReviewAllowed(ctx, request);
  if (denied && !outsider) return explainOutsiderReview(ctx, request, denied);
  if (outsider)
    log.notice(
      `Review only: ${request.actor} is below ${settings.minimumPermission} here and outside contributions are reviewed; no agent, validator or push runs.`,
    );

  // 2. What to run: the PR, and the workflow from a place the PR author cannot change; without
  //    a key for every role nothing runs and nothing is posted.
  const pull = await pullRead;
  const fromBase = request.workflowFromBase || pull.isFork || outsider;
  const workflow = await workflowOrSkip(
    ctx,
    {
      spec: request.workflowSpec,
      fallbackPreset: 'review-existing-diff',
      reader: workflowReader(ctx, pull, fromBase),
    },
    outsider ? (w) => reviewOnly(w, ctx) : undefined,
  );
  if (isOutcome(workflow)) return workflow;

  // 3. The publishers say "reviewing …" while the run goes on.
  const subject = { ...ctx.request, workflow: workflow.workflow, pull, headSha: pull.head.sha };
  const prior = await ctx.publisher.start(subject);

  const diff = await diffRead;
  log.info(`${diff.diff.text.length} characters of diff from ${diff.source}.`);
  for (const note of diff.notes) log.info(note);

  const ports = enginePorts(ctx, workflow, {
    prDiff: { diff: diff.diff, label: `pull request #${pull.number}` },
    prDescription: { title: pull.title, body: pull.body },
    prSpentUsd: prior.spentUsd,
    labels: pull.labels,
    ...(fromBase ? baseLearnings(forge, pull, workflow) : {}),
  });
  const result = await runWorkflow({ workflow, task: reviewTask(pull, request) }, ports);
  const rows = iterationRows(result);
  return finished(tally, {
    subject,
    status: result.finalReview?.status ?? 'pass',
    noVerdictReason: result.finalReview?.noVerdictReason,
    findings: result.finalReview?.findings ?? [],
    anchorDiff: diff.diff,
    coverage: mergeCoverage(result),
    iterations: rows.length >= 2 ? rows : undefined,
    message: result.finalReview?.notes.length ? result.finalReview.notes.join(' ') : undefined,
    overview: finalOverview(result),
  });
}

/** Whether a PR author below the threshold may get a review-only run here. */
function outsiderReviewAllowed(ctx: RunContext, request: ReviewRequest): boolean {
  if (ctx.request.trigger !== 'event') return false;
  const mode = ctx.settings.untrustedReviews;
  return mode === 'always' || (mode === 'pull_request_target' && request.baseContext === true);
}

/** A denied automatic review says how an outside contribution can still be reviewed. */
function explainOutsiderReview(
  ctx: RunContext,
  request: ReviewRequest,
  denied: RunOutcome,
): RunOutcome {
  if (denied.kind !== 'skipped' || ctx.request.trigger !== 'event') return denied;
  return {
    ...denied,
    message: `${denied.message} To review this pull request, a maintainer can comment \`/aethr review\`; or run aethr on \`pull_request_target\` with \`allow-untrusted-reviews: true\` to review outside contributions automatically (review only: no agent, no validators, no push — see the README's security section).`,
  };
}

/**
 * What an outside contributor's PR may run: only model steps. A workflow with editing steps is
 * replaced by the review preset, so no agent or validator ever runs on their code.
 */
async function reviewOnly(workflow: Workflow, ctx: RunContext): Promise<Workflow> {
  if (workflow.steps.every((s) => (s.backend ?? 'llm') === 'llm')) return workflow;
  ctx.log.notice(
    `Workflow "${workflow.workflow}" has editing steps; a review-only run uses the review-existing-diff preset instead.`,
  );
  const preset = await loadWorkflowSpec('review-existing-diff', ctx.workspace.root);
  return {
    ...preset.workflow,
    budget: workflow.budget,
    limits: workflow.limits,
    pricing: workflow.pricing,
  };
}

function reviewTask(pull: PullRequestInfo, request: ReviewRequest): string {
  const lines = [
    `Review the changes of pull request #${pull.number} (the diff is in the context).`,
  ];
  if (request.instructions) {
    lines.push(
      '',
      `Extra instructions from @${request.actor} (a person with permission to run aethr):`,
      fenceUntrusted(`a comment by @${request.actor}`, request.instructions),
    );
  }
  return lines.join('\n');
}
