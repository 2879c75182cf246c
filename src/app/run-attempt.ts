/**
 * One attempt at a queued run, whatever the mode: authenticate as the installation that covers
 * the repository now, finish what a dead earlier attempt left (its check runs), give way when the
 * PR moved on (automatic reviews), then run the intent here or dispatch it to GitHub Actions. A
 * run out of attempts only posts the note that abandons it.
 */
import type { Logger } from 'pino';
import type { CarriableIntent } from '../github/carried-intent.js';
import type { Forge } from '../github/forge.js';
import { createOctokitForge } from '../github/octokit-forge.js';
import {
  AppGitHub,
  NotInstalled,
  type AppIdentity,
  type InstallationClient,
} from './app-github.js';
import type { SecretSet } from './app-log.js';
import type { AppConfig } from './config.js';
import { dispatchRun } from './run-dispatch.js';
import { abandonRun, runHere } from './run-here.js';
import { closeEarlierCheckRuns, journalForge } from './run-journal.js';
import type { QueuedRun, RunQueue } from './run-queue.js';
import type { AttemptResult, Executor } from './scheduler.js';

export interface AttemptDeps {
  config: AppConfig;
  github: AppGitHub;
  queue: RunQueue;
  logger: Logger;
  secrets: SecretSet;
  /** Bot user ids by login, read once (for the commit e-mail). */
  botIds: Map<string, number | null>;
}

/** What the mode-specific parts of an attempt are given. */
export interface AttemptContext {
  run: QueuedRun;
  intent: CarriableIntent;
  client: InstallationClient;
  forge: Forge;
  identity: AppIdentity;
  log: Logger;
  deps: AttemptDeps;
}

export function createExecutor(deps: AttemptDeps): Executor {
  return async (run) => {
    const intent = JSON.parse(run.intent) as CarriableIntent;
    const log = deps.logger.child({
      run: run.id,
      delivery: run.delivery,
      pr: run.subject,
      attempt: run.attempts,
    });
    const { owner, repo } = intent.repository;
    let installationId: number;
    try {
      installationId = await deps.github.installationId(owner, repo);
    } catch (error) {
      if (error instanceof NotInstalled)
        return { state: 'failed', outcome: 'failed:not-installed', note: error.message };
      throw error;
    }
    const client = await deps.github.client(installationId);
    const forge = journalForge(
      createOctokitForge({ octokit: client.octokit, owner, repo, log: (m) => log.info(m) }),
      deps.queue,
      run,
    );
    await closeEarlierCheckRuns(forge, deps.queue, run, (m) => log.info(m));
    const identity = await deps.github.identity();
    const ctx: AttemptContext = { run, intent, client, forge, identity, log, deps };
    if (run.abandon) return abandonRun(ctx);
    const fresh = await giveWayToNewerHead(ctx);
    if ('state' in fresh) return fresh;
    const ready = { ...ctx, intent: fresh };
    return deps.config.mode === 'dispatch' ? dispatchRun(ready) : runHere(ready);
  };
}

/**
 * An automatic review works on the PR as it is now: a closed PR is skipped, and when the head
 * moved on the run gives way (the review of the current head runs instead).
 */
async function giveWayToNewerHead(ctx: AttemptContext): Promise<CarriableIntent | AttemptResult> {
  const { run, intent } = ctx;
  if (!run.automatic || intent.kind !== 'review') return intent;
  const pull = await ctx.forge.getPull(intent.pullRequest.number);
  if (pull.state !== 'open')
    return { state: 'done', outcome: 'skipped:closed', note: `#${pull.number} is ${pull.state}` };
  if (pull.head.sha === intent.pullRequest.head.sha) return { ...intent, pullRequest: pull };
  const revived = ctx.deps.queue.reviveCurrentHead(run, pull.head.sha);
  ctx.log.info(
    `#${pull.number} moved on to ${pull.head.sha.slice(0, 7)}; this review of ${intent.pullRequest.head.sha.slice(0, 7)} gives way${revived ? ' to its run' : ''}.`,
  );
  return {
    state: 'superseded',
    outcome: 'superseded',
    note: `the pull request moved on to ${pull.head.sha}`,
  };
}
