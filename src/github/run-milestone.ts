/**
 * An issue's task list worked through as a milestone on `aethr/issue-<n>`: each unticked task, in
 * order, runs the workflow's implement → review loop and becomes exactly one commit,
 * `aethr(task k/N): <task>`, pushed at once; its box is ticked when the commit lands; one pull
 * request, opened after the first commit, lists the tasks with their commits.
 *
 * A task's iterations are committed locally as they go (provisional commits, so every iteration's
 * artifact — what `latest_diff` shows and what the convergence check compares — is exactly that
 * iteration's change, as in any implement loop), then squashed into the task's one commit before
 * the single push: nothing half-reviewed ever reaches the remote, and a task that does not pass
 * leaves the branch where the previous task left it. One set of engine ports serves every task,
 * so the workflow's budgets apply to the whole milestone.
 *
 * A task that does not pass stops the milestone: the blocker (the last findings, a validator's
 * output, a refused push, a missing permission or setting) goes to the PR's summary, its body and
 * an issue comment, with how to continue from the first unticked task.
 */
import type { Workflow } from '../config/schema.js';
import { finalOverview } from '../engine/review-overview.js';
import { runWorkflow } from '../engine/run-workflow.js';
import type { RunResult } from '../engine/types.js';
import { formatTaskCommitMessage, NULL_SHA, type PrWorkspace } from '../git/pr-workspace.js';
import type { PullRequestInfo } from './event-intent.js';
import { PullCreationForbidden } from './forge.js';
import { createOnce } from './idempotent-write.js';
import { withCommits, type IterationCommit } from './implement-commits.js';
import {
  errorBlocker,
  lastAttemptNote,
  milestoneIssueNote,
  milestoneMessage,
  milestonePullBody,
  reviewBlocker,
  taskLabel,
  type MilestoneBlocker,
  type MilestoneView,
  type TaskProgress,
} from './milestone-report.js';
import {
  milestoneTaskText,
  occurrenceOf,
  parseTaskList,
  type MilestoneTask,
} from './milestone-tasks.js';
import { enginePorts, loopMaxima, type RunContext } from './run-context.js';
import { failureMessage, finished, type RunOutcome, type RunSubject } from './run-outcome.js';
import { tickIssueTask } from './tick-issue-task.js';

export interface MilestoneInput {
  issue: { number: number; title: string; body: string };
  actor: string;
  /** Extra instructions from `/aethr implement <text>` on the milestone's pull request. */
  instructions?: string;
  defaultBranch: string;
  workflow: Workflow;
  /** `aethr/issue-<n>`, opened (continued or started) for commits. */
  branch: PrWorkspace;
  /** The milestone's open pull request, when an earlier run opened it. */
  pull?: PullRequestInfo;
  /** What the publishers were started with. */
  subject: RunSubject;
  /** USD earlier runs spent on the pull request (for `budget.pr_usd`). */
  prSpentUsd?: number;
  /** Labels of the issue and its pull request: they select the workflow's `label_context`. */
  labels?: readonly string[];
}

export async function runMilestone(ctx: RunContext, input: MilestoneInput): Promise<RunOutcome> {
  const { branch } = input;
  await branch.assertCanCommit();
  const tasks = parseTaskList(input.issue.body);
  const view: MilestoneView = {
    issueNumber: input.issue.number,
    branch: branch.headRef,
    tasks: progressOf(tasks, await branch.log()),
    workflow: input.workflow.workflow,
    runUrl: ctx.settings.links.runUrl,
    repositoryUrl: ctx.settings.links.repositoryUrl,
    ...(input.pull ? { pull: { number: input.pull.number, htmlUrl: pullUrl(input.pull) } } : {}),
  };
  // The branch is aethr's own, so learnings are read from it: each task sees the last one's.
  const ports = enginePorts(ctx, input.workflow, {
    prSpentUsd: input.prSpentUsd,
    labels: input.labels ?? [],
  });
  const provisional: IterationCommit[] = [];
  for (const name of ['opencode', 'patch'] as const) {
    const backend = ports.backends[name];
    if (!backend) continue;
    ports.backends[name] = withCommits(backend, {
      workspace: branch,
      pushEach: false,
      provisional: true,
      maxIterations: loopMaxima(input.workflow),
      runUrl: ctx.settings.links.runUrl,
      commits: provisional,
      learnings: input.workflow.learnings,
      log: (m) => ctx.log.info(m),
    });
  }

  let last: RunResult | undefined;
  const blocker = await tickLanded(ctx, view, input);
  if (!blocker) {
    for (const progress of view.tasks) {
      if (progress.state !== 'open') continue;
      ctx.log.info(`Milestone ${taskLabel(progress.task, tasks.length)}: ${progress.task.text}`);
      const step = await runTask(ctx, input, view, progress, (text) =>
        runWorkflow({ workflow: input.workflow, task: text }, ports),
      );
      last = step.result ?? last;
      if (step.blocker) {
        view.blocker = step.blocker;
        // A task whose commit landed stays landed (its tick or its pull request failed).
        if (!progress.sha) progress.state = 'blocked';
        break;
      }
    }
  } else view.blocker = blocker;

  if (view.pull) await updatePullBody(ctx, view);
  return outcomeOf(ctx, input, view, last);
}

/** What earlier runs did: ticked boxes, and commits on the branch whose box is not ticked yet. */
function progressOf(
  tasks: readonly MilestoneTask[],
  log: ReadonlyArray<{ sha: string; subject: string }>,
): TaskProgress[] {
  const total = tasks.length;
  const unclaimed = [...log].reverse();
  return tasks.map((task) => {
    const subject = formatTaskCommitMessage({
      number: task.number,
      total,
      text: task.text,
    }).subject;
    const summary = subject.slice(subject.indexOf(':') + 2);
    // Renumbered lists keep their commits: the task's words identify it, not its position.
    const at = unclaimed.findIndex(
      (c) => /^aethr\(task \d+\/\d+\): /.test(c.subject) && c.subject.endsWith(`): ${summary}`),
    );
    const commit = at >= 0 ? unclaimed.splice(at, 1)[0] : undefined;
    if (task.checked || commit)
      return { task, state: 'done', ...(commit ? { sha: commit.sha } : {}) };
    return { task, state: 'open' };
  });
}

/** Ticks boxes whose commit an earlier run pushed but could not tick (a lost permission). */
async function tickLanded(
  ctx: RunContext,
  view: MilestoneView,
  input: MilestoneInput,
): Promise<MilestoneBlocker | undefined> {
  const tasks = view.tasks.map((t) => t.task);
  for (const progress of view.tasks) {
    if (progress.task.checked || !progress.sha) continue;
    const blocker = await tick(ctx, input, progress.task, occurrenceOf(tasks, progress.task));
    if (blocker) return blocker;
  }
  return undefined;
}

interface TaskStep {
  result?: RunResult;
  blocker?: MilestoneBlocker;
}

/** One task: its loop, its one commit, the push, the tick and the pull request. */
async function runTask(
  ctx: RunContext,
  input: MilestoneInput,
  view: MilestoneView,
  progress: TaskProgress,
  run: (text: string) => Promise<RunResult>,
): Promise<TaskStep> {
  const { branch } = input;
  const { task } = progress;
  const total = view.tasks.length;
  const start = await branch.localHead();
  const fail = async (error: unknown, result?: RunResult): Promise<TaskStep> => {
    await branch.discardChanges(start).catch(() => {});
    return { result, blocker: errorBlocker(task, error, ctx.settings.secrets) };
  };

  let result: RunResult;
  try {
    result = await run(
      milestoneTaskText({
        issue: input.issue,
        task,
        total,
        actor: input.actor,
        instructions: input.instructions,
      }),
    );
  } catch (error) {
    return fail(error);
  }
  if (result.finalReview && result.finalReview.status !== 'pass') {
    await branch.discardChanges(start);
    return { result, blocker: reviewBlocker(task, result) };
  }

  let sha: string | undefined;
  try {
    sha = await branch.squash(
      start,
      formatTaskCommitMessage({ ...task, total }, ctx.settings.links.runUrl),
    );
  } catch (error) {
    return fail(error, result);
  }
  if (!sha) {
    const detail = lastAttemptNote(result);
    return {
      result,
      blocker: {
        task,
        kind: 'error',
        headline: 'the implement step changed no files, so there is no commit for this task.',
        ...(detail ? { detail } : {}),
      },
    };
  }
  const pushed = await branch.push();
  if (!pushed.ok) return fail(new Error(pushed.message), result);
  ctx.tally.commits.push({
    stepId: `task-${task.number}`,
    iteration: task.number,
    sha,
    files: [],
    pushed: true,
  });
  progress.state = 'landed';
  progress.sha = sha;
  ctx.log.info(`Pushed ${sha.slice(0, 7)} for ${taskLabel(task, total)}.`);

  const tasks = view.tasks.map((t) => t.task);
  const blocker =
    (await tick(ctx, input, task, occurrenceOf(tasks, task))) ?? (await openPull(ctx, input, view));
  return { result, ...(blocker ? { blocker } : {}) };
}

async function tick(
  ctx: RunContext,
  input: MilestoneInput,
  task: MilestoneTask,
  occurrence: number,
): Promise<MilestoneBlocker | undefined> {
  try {
    const ticked = await tickIssueTask(ctx.forge, input.issue.number, {
      text: task.text,
      occurrence,
    });
    if (ticked.ok) return undefined;
    // The commit landed; a box that cannot be found is reported but does not stop the work.
    if (ticked.reason === 'missing') {
      ctx.log.warning(ticked.message);
      return undefined;
    }
    return { task, kind: 'error', headline: ticked.message };
  } catch (error) {
    return errorBlocker(
      task,
      error,
      ctx.settings.secrets,
      'its commit landed, but its box could not be ticked',
    );
  }
}

/** Opens the milestone's pull request after its first commit, or updates its body. */
async function openPull(
  ctx: RunContext,
  input: MilestoneInput,
  view: MilestoneView,
): Promise<MilestoneBlocker | undefined> {
  if (view.pull) return updatePullBody(ctx, view);
  const head = view.branch;
  try {
    const created = await createOnce({
      create: () =>
        ctx.forge.createPull({
          title: `aethr: ${input.issue.title.replace(/\s+/g, ' ').slice(0, 100)}`,
          body: milestonePullBody(view),
          head,
          base: input.defaultBranch,
        }),
      find: async () => (await ctx.forge.findOpenPulls(head))[0],
      delayMs: ctx.settings.githubRetryBaseMs,
    });
    view.pull = created;
    ctx.log.info(`Opened pull request #${created.number} for the milestone.`);
    return undefined;
  } catch (error) {
    const task = view.tasks.find((t) => t.state === 'landed')!.task;
    if (error instanceof PullCreationForbidden) {
      return {
        task,
        kind: 'error',
        headline: `the branch \`${head}\` was pushed, but this token may not open pull requests (${error.message}).`,
        detail:
          'Enable "Allow GitHub Actions to create and approve pull requests" in the repository (or organisation) settings under Actions → General, or pass a token that may open pull requests through the github-token input.',
      };
    }
    return errorBlocker(
      task,
      error,
      ctx.settings.secrets,
      'its commit landed, but the pull request could not be opened',
    );
  }
}

async function updatePullBody(
  ctx: RunContext,
  view: MilestoneView,
): Promise<MilestoneBlocker | undefined> {
  try {
    await ctx.forge.updatePull(view.pull!.number, { body: milestonePullBody(view) });
    return undefined;
  } catch (error) {
    ctx.log.warning(
      `Could not update pull request #${view.pull!.number}: ${failureMessage(error)}`,
    );
    return undefined;
  }
}

function pullUrl(pull: PullRequestInfo): string {
  return pull.htmlUrl ?? `#${pull.number}`;
}

async function outcomeOf(
  ctx: RunContext,
  input: MilestoneInput,
  view: MilestoneView,
  last: RunResult | undefined,
): Promise<RunOutcome> {
  const pull: PullRequestInfo | undefined =
    input.pull?.number === view.pull?.number
      ? input.pull
      : view.pull
        ? await ctx.forge.getPull(view.pull.number).catch(() => undefined)
        : undefined;
  const landed = view.tasks.some((t) => t.state === 'landed');
  const note = milestoneIssueNote(view);
  const blocked = view.blocker;
  const head = input.branch.expectedHead === NULL_SHA ? undefined : input.branch.expectedHead;
  return finished(ctx.tally, {
    subject: { ...input.subject, ...(pull ? { pull } : {}), ...(head ? { headSha: head } : {}) },
    status: blocked ? 'revise' : 'pass',
    findings: blocked?.kind === 'review' ? (last?.finalReview?.findings ?? []) : [],
    listedBecause: 'last review of the blocked task',
    message: milestoneMessage(view),
    overview: last ? finalOverview(last) : undefined,
    headSha: head,
    delivery: view.pull
      ? {
          kind: 'pull',
          branch: view.branch,
          pullUrl: view.pull.htmlUrl,
          updated: true,
          note,
          issue: input.issue.number,
        }
      : landed
        ? { kind: 'branch-only', branch: view.branch, note, issue: input.issue.number }
        : { kind: 'unchanged', note, issue: input.issue.number },
    ...(blocked
      ? {
          blocked: {
            kind: blocked.kind,
            message: `${taskLabel(blocked.task, view.tasks.length)}: ${blocked.headline}`,
          },
        }
      : {}),
  });
}
