/**
 * Routes a normalised intent to the handler that serves it, and ends every run the same way:
 * the handler's outcome (or its error, as a `failed` outcome) goes to the door's publishers.
 * Shared by every GitHub door (the Action, the App, `aethr pr`), so they behave the same on the
 * same event.
 */
import type { Workspace } from '../git/workspace.js';
import { filteredForge } from '../security/filtered-forge.js';
import { filteredLog } from '../security/filtered-reports.js';
import type { CommandIntent, Intent } from './event-intent.js';
import type { Forge } from './forge.js';
import { COMMAND_HELP } from './commands.js';
import { handleBranchRun } from './handle-branch-run.js';
import { handleImplement } from './handle-implement.js';
import { handleReview } from './handle-review.js';
import { composePublishers, type Publisher } from './publisher.js';
import { replyOnce, tryReact } from './reply-once.js';
import { checkActor, replyOptions, type RunContext } from './run-context.js';
import type { RunLog } from './run-log.js';
import { failed, newTally, skipped, type RunOutcome, type RunRequest } from './run-outcome.js';
import type { DoorSettings } from './settings.js';

export interface DoorPorts {
  forge: Forge;
  workspace: Workspace;
  log: RunLog;
  /**
   * The run's publishers, in order (the PR comments first: later ones link to the summary), made
   * over the forge and log given, which carry the outbound filter.
   */
  publishers: (filtered: { forge: Forge; log: RunLog }) => readonly Publisher[];
  /** `api`: take the PR diff from the API without fetching (local previews). */
  diffSource?: 'auto' | 'api';
}

export async function dispatchIntent(
  intent: Intent,
  settings: DoorSettings,
  ports: DoorPorts,
): Promise<RunOutcome> {
  // Everything this run posts or logs passes the outbound filter: secrets and token shapes
  // never leave, exfiltrating images and links are neutralised.
  const log = filteredLog(ports.log, () => settings.secrets);
  const forge = filteredForge(ports.forge, {
    secrets: settings.secrets,
    allowHosts: [new URL(settings.links.serverUrl).hostname],
    onWithheld: ({ method, reason }) =>
      log.warning(`aethr withheld what it was about to send (${method}): ${reason}.`),
  });
  const publisher = composePublishers(ports.publishers({ forge, log }), log);
  const request = requestOf(intent);
  const ctx: RunContext = {
    request,
    forge,
    workspace: ports.workspace,
    log,
    publisher,
    settings,
    tally: newTally(),
    diffSource: ports.diffSource,
  };
  let outcome: RunOutcome;
  try {
    outcome = await route(intent, ctx);
  } catch (error) {
    outcome = failed(ctx.tally, request, error, settings.secrets, publisher.subject);
  }
  await publisher.finish(outcome);
  return outcome;
}

function route(intent: Intent, ctx: RunContext): Promise<RunOutcome> {
  const defaultBranch = (intent.kind !== 'ignore' && intent.repository.defaultBranch) || 'main';
  switch (intent.kind) {
    case 'ignore':
      return Promise.resolve(skipped(ctx.tally, ctx.request, 'ignored', intent.reason));
    case 'review':
      return handleReview(
        {
          pullNumber: intent.pullRequest.number,
          actor: intent.actor,
          pull: intent.pullRequest,
          workflowFromBase: intent.workflowFrom === 'base',
          baseContext: intent.safeMode,
        },
        ctx,
      );
    case 'command':
      return routeCommand(intent, ctx);
    case 'label':
      if (intent.target === 'pull_request') {
        const pr = intent.pullRequest;
        return handleImplement(
          {
            pullNumber: intent.issue.number,
            actor: intent.actor,
            task: `${intent.issue.title}\n\n${intent.issue.body}`.trim(),
            event: intent.event,
            label: intent.label,
            pull: pr,
          },
          ctx,
        );
      }
      return handleBranchRun(
        { kind: 'issue', actor: intent.actor, issue: intent.issue, label: intent.label },
        ctx,
        defaultBranch,
      );
    case 'docs_sync':
      return handleBranchRun({ kind: 'docs-sync', actor: intent.actor }, ctx, defaultBranch);
    case 'dispatch':
      return handleBranchRun(
        { kind: 'task', actor: intent.actor, task: intent.task },
        ctx,
        defaultBranch,
      );
  }
}

async function routeCommand(intent: CommandIntent, ctx: RunContext): Promise<RunOutcome> {
  const { command, comment } = intent;
  const review = {
    pullNumber: intent.pullRequestNumber,
    actor: intent.actor,
    workflowFromBase: true,
  };
  switch (command.kind) {
    case 'help':
    case 'unknown': {
      // Even help is an answer posted by the bot: only for those who may run aethr.
      const denied = await checkActor(ctx, intent.actor);
      if (denied) return denied;
      const intro = command.kind === 'unknown' ? command.reason : undefined;
      await replyOnce(
        replyOptions(ctx),
        intent.pullRequestNumber,
        `${intro ? `${intro}\n\n` : ''}**aethr commands**\n\n${COMMAND_HELP}`,
      );
      await tryReact(ctx, comment.id, intro ? 'confused' : '+1');
      return skipped(ctx.tally, ctx.request, 'replied', intro ?? 'help');
    }
    case 'review':
      return handleReview({ ...review, instructions: command.instructions }, ctx);
    case 'run':
      return handleReview(
        { ...review, instructions: command.task, workflowSpec: command.workflow },
        ctx,
      );
    case 'implement':
      return handleImplement(
        {
          pullNumber: intent.pullRequestNumber,
          actor: intent.actor,
          task: command.task,
          event: intent.event,
        },
        ctx,
      );
  }
}

/** What the event asks for, before anything is read or checked. */
export function requestOf(intent: Intent): RunRequest {
  switch (intent.kind) {
    case 'ignore':
      return { kind: 'review', trigger: 'event' };
    case 'review':
      return {
        kind: 'review',
        trigger: 'event',
        actor: intent.actor,
        pullNumber: intent.pullRequest.number,
      };
    case 'command':
      return {
        kind: intent.command.kind === 'implement' ? 'implement' : 'review',
        trigger: 'comment',
        actor: intent.actor,
        pullNumber: intent.pullRequestNumber,
        commentId: intent.comment.id,
      };
    case 'label':
      return intent.target === 'pull_request'
        ? {
            kind: 'implement',
            trigger: 'label',
            actor: intent.actor,
            pullNumber: intent.issue.number,
          }
        : {
            kind: 'branch',
            trigger: 'label',
            actor: intent.actor,
            issueNumber: intent.issue.number,
          };
    case 'docs_sync':
      return {
        kind: 'branch',
        trigger: intent.trigger === 'schedule' ? 'schedule' : 'dispatch',
        actor: intent.actor,
      };
    case 'dispatch':
      return { kind: 'branch', trigger: 'dispatch', actor: intent.actor };
  }
}
