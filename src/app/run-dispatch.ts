/**
 * Dispatch mode: the App stays a thin router. It authorises the actor (the same check as the
 * Action, failing closed), answers a denied request as the Action would, and hands the work to
 * GitHub Actions in the repository: a `repository_dispatch` of type `aethr`, or a
 * `workflow_dispatch` of the configured workflow, carrying the intent (carried-intent.ts). No
 * clone, no model call.
 */
import { authorizeActor, PermissionCheckFailed } from '../github/authorize.js';
import { CARRIED_INPUT, DISPATCH_EVENT_TYPE, carryIntent } from '../github/carried-intent.js';
import { requestOf } from '../github/dispatch-intent.js';
import { githubPublishers } from '../github/github-publishers.js';
import { composePublishers } from '../github/publisher.js';
import { newTally, skipped } from '../github/run-outcome.js';
import { oneLine } from './app-github.js';
import { runLogOf } from './app-log.js';
import { appDoorSettings } from './app-settings.js';
import type { AttemptContext } from './run-attempt.js';
import type { AttemptResult } from './scheduler.js';

export async function dispatchRun(ctx: AttemptContext): Promise<AttemptResult> {
  const { intent, forge, deps, run } = ctx;
  const { config } = deps;
  const { minimumPermission, allowedActors } = config.run;
  let auth;
  try {
    auth = await authorizeActor(forge, intent.actor, minimumPermission, allowedActors);
  } catch (error) {
    // Whose permission could not be checked gets nothing sent and nothing written.
    if (error instanceof PermissionCheckFailed)
      return { state: 'failed', outcome: 'failed:unverified', note: error.message };
    throw error;
  }
  if (!auth.allowed) {
    const settings = appDoorSettings(config, ctx.identity, {
      id: run.id,
      repo: intent.repository.fullName,
      token: '',
    });
    const log = runLogOf(ctx.log);
    const denial = { level: auth.level, minimum: minimumPermission };
    await composePublishers(githubPublishers(forge, log, settings), log).finish(
      skipped(newTally(), requestOf(intent), 'denied', auth.reason, denial),
    );
    return { state: 'done', outcome: 'skipped:denied', note: auth.reason };
  }

  const carried = carryIntent(intent, run.delivery);
  const { owner, repo } = intent.repository;
  // Sent once: a lost answer is retried by the scheduler, and the Action's run of a duplicate
  // finds the comments and review it already made (it only spends again).
  const once = { retries: 0 };
  try {
    if (config.dispatchWorkflow) {
      await ctx.client.octokit.request(
        'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
        {
          owner,
          repo,
          workflow_id: config.dispatchWorkflow,
          ref: intent.repository.defaultBranch ?? 'main',
          inputs: { [CARRIED_INPUT]: JSON.stringify(carried) },
          request: once,
        },
      );
    } else {
      await ctx.client.octokit.request('POST /repos/{owner}/{repo}/dispatches', {
        owner,
        repo,
        event_type: DISPATCH_EVENT_TYPE,
        client_payload: carried as unknown as Record<string, unknown>,
        request: once,
      });
    }
  } catch (error) {
    const status = (error as { status?: number }).status ?? 0;
    if (status < 400 || status >= 500) throw error;
    const what = config.dispatchWorkflow
      ? `the workflow_dispatch of ${config.dispatchWorkflow} (is it on the default branch, with an "${CARRIED_INPUT}" input, and does the App have actions: write?)`
      : 'the repository_dispatch (does the App have contents: write?)';
    ctx.log.warn(`GitHub refused ${what}: ${oneLine(error)}`);
    return { state: 'failed', outcome: 'failed:dispatch', note: `GitHub refused ${what}` };
  }
  const how = config.dispatchWorkflow ? 'workflow_dispatch' : 'repository_dispatch';
  ctx.log.info(`Dispatched ${run.kind} of ${run.subject} by ${intent.actor} (${how}).`);
  return { state: 'done', outcome: `dispatched:${how}` };
}
