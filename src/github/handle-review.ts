/**
 * A review run on a pull request, from any door: authorise the actor, load the workflow from a
 * trusted place, check keys, fetch the PR diff, run the engine. Publishers post the outcome;
 * every write happens after the permission check.
 */
import { fenceUntrusted } from '../context/sanitize-untrusted.js';
import { finalOverview } from '../engine/review-overview.js';
import { runWorkflow } from '../engine/run-workflow.js';
import type { PullRequestInfo } from './event-intent.js';
import { loadPrDiff } from './pr-diff.js';
import { checkActor, enginePorts, type RunContext } from './run-context.js';
import { finished, iterationRows, mergeCoverage, skipped, type RunOutcome } from './run-outcome.js';
import { loadRunWorkflow, missingKeysMessage, workflowReader } from './trusted-workflow.js';

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
}

export async function handleReview(request: ReviewRequest, ctx: RunContext): Promise<RunOutcome> {
  const { forge, log, settings, tally } = ctx;

  // The PR and its diff need no permission: reading and fetching never run or write anything,
  // so they start now, alongside the permission check and the publishers' lookups.
  const pullRead = request.pull ? Promise.resolve(request.pull) : forge.getPull(request.pullNumber);
  const diffRead = pullRead.then((pull) =>
    loadPrDiff(ctx.diffSource === 'api' ? undefined : ctx.workspace, pull, forge, (m) =>
      log.info(m),
    ),
  );
  diffRead.catch(() => {}); // awaited below; a denied run does not wait for it

  // 1. Authorise before anything that costs money or writes.
  const denied = await checkActor(ctx, request.actor);
  if (denied) return denied;

  // 2. What to run: the PR, and the workflow from a place the PR author cannot change.
  const pull = await pullRead;
  const fromBase = request.workflowFromBase || pull.isFork;
  const workflow = await loadRunWorkflow(
    {
      spec: request.workflowSpec,
      fallbackPreset: 'review-existing-diff',
      reader: workflowReader(ctx, pull, fromBase),
    },
    settings,
    ctx.workspace.root,
    log,
  );

  // 3. Keys: a configured provider key means live calls; none means nothing is posted.
  const noKey = missingKeysMessage(workflow, settings);
  if (noKey) return skipped(tally, ctx.request, 'no-key', noKey);

  // 4. The publishers say "reviewing …" while the run goes on.
  const subject = { ...ctx.request, workflow: workflow.workflow, pull, headSha: pull.head.sha };
  const prior = await ctx.publisher.start(subject);

  const diff = await diffRead;
  log.info(`${diff.patch.length} characters of diff from ${diff.source}.`);
  for (const note of diff.notes) log.info(note);

  const ports = enginePorts(ctx, workflow, {
    prDiff: { patch: diff.patch, label: `pull request #${pull.number}` },
    prDescription: { title: pull.title, body: pull.body },
    prSpentUsd: prior.spentUsd,
  });
  const result = await runWorkflow({ workflow, task: reviewTask(pull, request) }, ports);
  const rows = iterationRows(result);
  return finished(tally, {
    subject,
    status: result.finalReview?.status ?? 'pass',
    noVerdictReason: result.finalReview?.noVerdictReason,
    findings: result.finalReview?.findings ?? [],
    anchorDiff: diff.patch,
    coverage: mergeCoverage(result),
    iterations: rows.length >= 2 ? rows : undefined,
    message: result.finalReview?.notes.length ? result.finalReview.notes.join(' ') : undefined,
    overview: finalOverview(result),
  });
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
