/**
 * Run mode: the intent runs in this process, on the same engine and handlers as the Action — a
 * fresh clone as the workspace (the installation token only in an http extraheader of aethr's
 * own git commands), the GitHub publishers, the App's bot as author. The clone is removed after.
 */
import { AethrError, toError } from '../errors.js';
import type { Workspace } from '../git/workspace.js';
import { createCloneWorkspace } from '../git/workspace.js';
import { dispatchIntent, requestOf } from '../github/dispatch-intent.js';
import type { CarriableIntent } from '../github/carried-intent.js';
import { githubPublishers } from '../github/github-publishers.js';
import { composePublishers } from '../github/publisher.js';
import { failed, newTally, type RunOutcome, type RunSubject } from '../github/run-outcome.js';
import { botIdentity } from './app-github.js';
import { runLogOf } from './app-log.js';
import { appDoorSettings } from './app-settings.js';
import type { AttemptContext } from './run-attempt.js';
import { journalPublisher } from './run-journal.js';
import type { AttemptResult } from './scheduler.js';

async function settingsOf(ctx: AttemptContext) {
  const token = await ctx.client.token();
  const author = await botIdentity(ctx.client, ctx.identity, ctx.deps.botIds);
  return {
    token,
    settings: appDoorSettings(ctx.deps.config, ctx.identity, {
      id: ctx.run.id,
      repo: ctx.intent.repository.fullName,
      token,
      author,
    }),
  };
}

export async function runHere(ctx: AttemptContext): Promise<AttemptResult> {
  const { run, intent, forge, deps } = ctx;
  const { token, settings } = await settingsOf(ctx);
  const log = runLogOf(ctx.log);
  const serverUrl = deps.config.serverUrl;
  const workspace = await createCloneWorkspace({
    cloneUrl: run.cloneUrl ?? `${serverUrl}/${intent.repository.fullName}.git`,
    auth: { token, serverUrl },
  });
  try {
    const prepared = preparedOnce(workspace);
    // A same-repository review reads `.aethr.yaml` from the PR head, as the Action reads it from
    // its checkout: a fresh clone has no tree until the PR is fetched.
    if (intent.kind === 'review' && intent.workflowFrom === 'head' && !intent.pullRequest.isFork)
      await prepared.preparePull(intent.pullRequest);
    const outcome = await dispatchIntent(intent, settings, {
      forge,
      workspace: prepared,
      log,
      publishers: (filtered) => [
        journalPublisher(deps.queue, run),
        ...githubPublishers(filtered.forge, filtered.log, settings),
      ],
    });
    return resultOf(outcome);
  } finally {
    await workspace
      .dispose()
      .catch((e: unknown) => ctx.log.warn(`Could not remove the clone: ${toError(e).message}`));
  }
}

/** The workspace with `preparePull` done once per head (the door may prepare before the run). */
function preparedOnce(workspace: Workspace): Workspace {
  const done = new Map<string, Promise<string | undefined>>();
  return {
    ...workspace,
    root: workspace.root,
    kind: workspace.kind,
    preparePull(pr) {
      const key = `${pr.number}@${pr.head.sha}`;
      let diff = done.get(key);
      if (!diff) {
        diff = workspace.preparePull(pr);
        done.set(key, diff);
        diff.catch(() => done.delete(key));
      }
      return diff;
    },
  };
}

export function resultOf(outcome: RunOutcome): AttemptResult {
  switch (outcome.kind) {
    case 'finished':
      return { state: 'done', outcome: `finished:${outcome.status ?? 'done'}` };
    case 'skipped':
      return { state: 'done', outcome: `skipped:${outcome.reason}`, note: outcome.message };
    case 'failed':
      return {
        state: 'failed',
        outcome: `failed:${outcome.cause}`,
        note: outcome.message.split('\n')[0]!.slice(0, 500),
      };
  }
}

/**
 * A run out of attempts ends like a failed run, through the same publishers: the sticky summary
 * and a check run say aethr gave up and why, and whoever asked gets a reply. A review that died
 * before it posted anything gets a plain comment instead.
 */
export async function abandonRun(ctx: AttemptContext): Promise<AttemptResult> {
  const { run, intent, forge } = ctx;
  const { settings } = await settingsOf(ctx);
  const log = runLogOf(ctx.log);
  const publisher = composePublishers(githubPublishers(forge, log, settings), log);
  const subject = run.subjectJson ? (JSON.parse(run.subjectJson) as RunSubject) : undefined;
  const request = requestOf(intent as CarriableIntent);
  const reason = new AethrError(`aethr gave up on this run: ${run.note ?? 'it kept failing'}.`, {
    hint: 'Nothing more will be tried for this request. Push a new commit, or comment `/aethr review`, to run it again.',
  });
  if (subject) await publisher.start(subject);
  await publisher.finish(failed(newTally(), request, reason, settings.secrets, subject));
  if (!subject && request.trigger === 'event' && request.pullNumber !== undefined) {
    const head = run.headSha ? ` of ${run.headSha.slice(0, 7)}` : '';
    await forge.createIssueComment(
      request.pullNumber,
      `aethr could not finish the review${head}: ${reason.message}\n\n${reason.hint}`,
    );
  }
  return { state: 'abandoned', outcome: 'abandoned', note: run.note ?? undefined };
}
