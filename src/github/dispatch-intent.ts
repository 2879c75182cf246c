/**
 * Routes a normalised intent to the handler that serves it. Shared by every GitHub door
 * (the Action, the App, `aethr pr`), so they behave the same on the same event.
 */
import type { Forge, PullInfo } from './forge.js';
import type { Intent, PullRequestInfo } from './event-intent.js';
import { handleReview, replyHelp, type ReviewDeps, type ReviewOutcomeSummary, type ReviewSettings } from './handle-review.js';

export type DispatchOutcome = ReviewOutcomeSummary | { status: 'ignored' | 'replied' | 'unsupported'; reason: string };

export async function dispatchIntent(
  intent: Intent,
  settings: ReviewSettings,
  deps: ReviewDeps & { forge: Forge },
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
    case 'command': {
      const { command, comment } = intent;
      const base = { prNumber: intent.pullRequestNumber, actor: intent.actor, commentId: comment.id, workflowFromBase: true };
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
          return handleReview({ ...base, instructions: command.task }, { ...settings, workflowSpec: command.workflow }, deps);
        case 'implement':
          return unsupported(deps, '/aethr implement');
      }
      break;
    }
    case 'label':
      return unsupported(deps, `the "${intent.label}" label`);
    case 'docs_sync':
      return unsupported(deps, 'docs-sync');
    case 'dispatch':
      return unsupported(deps, 'workflow_dispatch tasks');
  }
  return { status: 'ignored', reason: 'unhandled intent' };
}

function unsupported(deps: ReviewDeps, what: string): DispatchOutcome {
  const reason = `${what} runs are not available in this version of aethr-action; only reviews are.`;
  deps.report.notice(reason);
  return { status: 'unsupported', reason };
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
