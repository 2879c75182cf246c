/**
 * Which pull requests are milestones: those from `aethr/issue-<n>` in this repository whose
 * issue still has unticked tasks. `/aethr implement` on one continues the task list instead of
 * taking a new task.
 */
import type { Forge, IssueInfo, PullRequestInfo } from './forge.js';
import { ForgeError } from './forge.js';
import { openTasks, parseTaskList } from './milestone-tasks.js';

export function milestoneBranch(issueNumber: number): string {
  return `aethr/issue-${issueNumber}`;
}

/** The issue whose task list `pull` works through, when it has tasks left. */
export async function milestoneIssueOf(
  forge: Forge,
  pull: PullRequestInfo,
): Promise<IssueInfo | undefined> {
  const match = /^aethr\/issue-([1-9]\d{0,9})$/.exec(pull.head.ref);
  if (!match || pull.isFork) return undefined;
  let issue: IssueInfo;
  try {
    issue = await forge.getIssue(Number(match[1]));
  } catch (error) {
    if (error instanceof ForgeError && error.kind === 'not-found') return undefined;
    throw error;
  }
  if (issue.isPullRequest) return undefined;
  return openTasks(parseTaskList(issue.body)).length > 0 ? issue : undefined;
}
