/**
 * Routes a normalised intent to the handler that serves it. Shared by every GitHub door
 * (the Action, the App, `aethr pr`), so they behave the same on the same event.
 */
import type { Forge, PullInfo } from './forge.js';
import type { CommandIntent, Intent, PullRequestInfo } from './event-intent.js';
import { PermissionCheckFailed } from './authorize.js';
import { failureMessage } from './run-support.js';
import { redactSecrets } from '../models/redact.js';
import { toError } from '../errors.js';
import {
  handleReview,
  replyHelp,
  type ReviewDeps,
  type ReviewOutcomeSummary,
} from './handle-review.js';
import {
  handleImplement,
  type ImplementOutcome,
  type ImplementSettings,
} from './handle-implement.js';
import { handleBranchRun, type BranchRunOutcome } from './handle-branch-run.js';

export type DispatchOutcome =
  | ReviewOutcomeSummary
  | ImplementOutcome
  | BranchRunOutcome
  | { status: 'ignored' | 'replied'; reason: string };

export async function dispatchIntent(
  intent: Intent,
  settings: ImplementSettings,
  deps: ReviewDeps & { forge: Forge; serverUrl?: string; runId?: string },
): Promise<DispatchOutcome> {
  switch (intent.kind) {
    case 'ignore':
      deps.report.notice(`aethr: nothing to do: ${intent.reason}`);
      return { status: 'ignored', reason: intent.reason };
    case 'review': {
      const pull = toPullInfo(intent.pullRequest);
      return handleReview(
        {
          prNumber: pull.number,
          actor: intent.actor,
          pull,
          workflowFromBase: intent.workflowFrom === 'base' || intent.pullRequest.isFork,
        },
        settings,
        deps,
      );
    }
    case 'command':
      try {
        return await dispatchCommand(intent, settings, deps);
      } catch (error) {
        // The commenter is waiting for an answer; a failed permission check writes nothing.
        if (!(error instanceof PermissionCheckFailed)) await replyFailure(intent, error, deps);
        throw error;
      }
    case 'label': {
      const defaultBranch = intent.repository.defaultBranch ?? 'main';
      if (intent.target === 'pull_request' && intent.pullRequest) {
        const pr = intent.pullRequest;
        return handleImplement(
          {
            prNumber: pr.number,
            actor: intent.actor,
            task: `${pr.title}\n\n${pr.body}`.trim(),
            event: intent.event,
            label: intent.label,
          },
          settings,
          deps,
        );
      }
      return handleBranchRun(
        { kind: 'issue', actor: intent.actor, issue: intent.issue, label: intent.label },
        settings,
        { ...deps, defaultBranch },
      );
    }
    case 'docs_sync':
      return handleBranchRun({ kind: 'docs-sync', actor: intent.actor }, settings, {
        ...deps,
        defaultBranch: intent.repository.defaultBranch ?? 'main',
      });
    case 'dispatch':
      return handleBranchRun(
        { kind: 'task', actor: intent.actor, task: intent.task, runId: deps.runId },
        settings,
        {
          ...deps,
          defaultBranch: intent.repository.defaultBranch ?? 'main',
        },
      );
  }
  return { status: 'ignored', reason: 'unhandled intent' };
}

async function dispatchCommand(
  intent: CommandIntent,
  settings: ImplementSettings,
  deps: ReviewDeps & { forge: Forge; serverUrl?: string; runId?: string },
): Promise<DispatchOutcome> {
  const { command, comment } = intent;
  const base = {
    prNumber: intent.pullRequestNumber,
    actor: intent.actor,
    commentId: comment.id,
    workflowFromBase: true,
  };
  switch (command.kind) {
    case 'help':
      await replyHelp(deps.forge, intent.pullRequestNumber, comment.id);
      return { status: 'replied', reason: 'help' };
    case 'unknown':
      await replyHelp(deps.forge, intent.pullRequestNumber, comment.id, command.reason);
      return { status: 'replied', reason: command.reason };
    case 'review':
      return handleReview({ ...base, instructions: command.instructions }, settings, deps);
    case 'run':
      return handleReview(
        { ...base, instructions: command.task },
        { ...settings, workflowSpec: command.workflow },
        deps,
      );
    case 'implement':
      return handleImplement(
        {
          prNumber: intent.pullRequestNumber,
          actor: intent.actor,
          task: command.task,
          event: intent.event,
          commentId: comment.id,
        },
        settings,
        deps,
      );
  }
}

async function replyFailure(
  intent: CommandIntent,
  error: unknown,
  deps: ReviewDeps,
): Promise<void> {
  const message = redactSecrets(failureMessage(error), Object.values(deps.env));
  try {
    await deps.forge.createIssueComment(
      intent.pullRequestNumber,
      `@${intent.actor} aethr could not run this command:\n\n${message}`,
    );
    await deps.forge.addReaction(intent.comment.id, 'confused');
  } catch (replyError) {
    deps.report.info(`Could not reply on the pull request: ${toError(replyError).message}`);
  }
}

export function toPullInfo(pr: PullRequestInfo): PullInfo {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    draft: pr.draft,
    state: pr.state,
    author: pr.author,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    headRepo: pr.head.repoFullName ?? '',
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    baseRepo: pr.base.repoFullName ?? '',
    maintainerCanModify: pr.maintainerCanModify,
    htmlUrl: pr.htmlUrl ?? '',
  };
}
