/**
 * What a milestone run tells people, as text: the pull request's body (the tasks and their
 * commits), the blocker when a task stopped it, how to continue, and the note posted on the
 * issue. Pure. Task text is the issue author's: it is escaped wherever it is shown.
 */
import type { RunResult } from '../engine/types.js';
import { redactSecrets } from '../models/redact.js';
import { codeSpan, escapeInlineText, escapeTableCell } from './markdown.js';
import type { MilestoneTask } from './milestone-tasks.js';
import { failureMessage } from './run-outcome.js';

export interface TaskProgress {
  task: MilestoneTask;
  /** `done`: committed by an earlier run (or ticked by hand); `landed`: by this run. */
  state: 'done' | 'landed' | 'blocked' | 'open';
  sha?: string;
}

export interface MilestoneBlocker {
  task: MilestoneTask;
  kind: 'review' | 'error';
  /** One line for titles and logs. */
  headline: string;
  /** The detail (Markdown): last findings, a validator's output, the refusal. */
  detail?: string;
}

export interface MilestoneView {
  issueNumber: number;
  branch: string;
  tasks: readonly TaskProgress[];
  blocker?: MilestoneBlocker;
  /** The milestone's pull request, once there is one. */
  pull?: { number: number; htmlUrl: string };
  workflow: string;
  runUrl?: string;
  repositoryUrl?: string;
}

const MAX_FINDINGS_LISTED = 10;
const MAX_TASK_CHARS = 200;

const taskText = (task: MilestoneTask): string =>
  escapeInlineText(
    task.text.length > MAX_TASK_CHARS ? `${task.text.slice(0, MAX_TASK_CHARS)}…` : task.text,
  );

export function taskLabel(task: MilestoneTask, total: number): string {
  return `task ${task.number}/${total}`;
}

/** The first task a later run starts from, when any is left. */
export function nextTask(view: MilestoneView): MilestoneTask | undefined {
  return view.tasks.find((t) => t.state === 'blocked' || t.state === 'open')?.task;
}

/** How to continue after a blocker, in one sentence. */
export function resumeHint(view: MilestoneView): string {
  const next = nextTask(view);
  if (!next) return '';
  const from = `from ${taskLabel(next, view.tasks.length)}, the first unticked task`;
  return view.pull
    ? `Fix the cause, then comment \`/aethr implement\` on #${view.pull.number}: aethr continues ${from}.`
    : `Fix the cause, then put the label on #${view.issueNumber} again: aethr continues on \`${view.branch}\` ${from}.`;
}

/** The table of tasks with their commits. */
function taskTable(view: MilestoneView): string {
  const total = view.tasks.length;
  const rows = view.tasks.map(({ task, state, sha }) => {
    const commit = sha
      ? view.repositoryUrl
        ? `[${codeSpan(sha.slice(0, 7))}](${view.repositoryUrl}/commit/${sha})`
        : codeSpan(sha.slice(0, 7))
      : state === 'done'
        ? 'ticked'
        : '—';
    const mark = { done: '✅', landed: '✅', blocked: '⛔', open: '⬜' }[state];
    return `| ${task.number}/${total} | ${mark} | ${escapeTableCell(taskText(task))} | ${commit} |`;
  });
  return ['| Task | | | Commit |', '| ---: | --- | --- | --- |', ...rows].join('\n');
}

function blockerText(view: MilestoneView): string[] {
  const b = view.blocker;
  if (!b) return [];
  const parts = [
    `**Blocked at ${taskLabel(b.task, view.tasks.length)}** (${taskText(b.task)}): ${b.headline}`,
  ];
  if (b.detail) parts.push(b.detail);
  parts.push(resumeHint(view));
  return parts;
}

/** What the run did, for the PR's sticky summary (above its findings). */
export function milestoneMessage(view: MilestoneView): string {
  const landed = view.tasks.filter((t) => t.state === 'landed').length;
  const done = view.tasks.filter((t) => t.state !== 'open' && t.state !== 'blocked').length;
  const head = `Task list of #${view.issueNumber}: ${done}/${view.tasks.length} tasks done (${landed} by this run), one commit each on \`${view.branch}\`.`;
  return [head, taskTable(view), ...blockerText(view)].join('\n\n');
}

/** The milestone pull request's body. */
export function milestonePullBody(view: MilestoneView): string {
  const lines = [
    `Closes #${view.issueNumber}.`,
    '',
    `aethr works through the task list of #${view.issueNumber} with the "${view.workflow}" workflow: one commit per task, each reviewed before it is pushed.`,
    '',
    taskTable(view),
  ];
  for (const part of blockerText(view)) lines.push('', part);
  if (view.runUrl) lines.push('', `[Workflow run](${view.runUrl})`);
  lines.push(
    '',
    'Pushes made with the default GITHUB_TOKEN do not start other workflows; see the aethr-action README to run CI on these commits.',
  );
  return lines.join('\n');
}

/** The note on the issue: where the work is, and the blocker with how to continue. */
export function milestoneIssueNote(view: MilestoneView): string {
  const landed = view.tasks.filter((t) => t.state === 'landed');
  const where = view.pull ? view.pull.htmlUrl : `branch \`${view.branch}\``;
  const lines = [
    view.blocker
      ? `aethr stopped the task list at ${taskLabel(view.blocker.task, view.tasks.length)}: ${view.blocker.headline}`
      : `aethr finished the task list: ${view.tasks.length}/${view.tasks.length} tasks done.`,
    '',
    landed.length
      ? `Landed by this run on ${where}: ${landed.map((t) => `${taskLabel(t.task, view.tasks.length)} (${codeSpan(t.sha!.slice(0, 7))})`).join(', ')}.`
      : `No task landed in this run${view.pull ? ` (${where})` : ''}.`,
  ];
  if (view.blocker?.detail) lines.push('', view.blocker.detail);
  const hint = view.blocker ? resumeHint(view) : '';
  if (hint) lines.push('', hint);
  return lines.join('\n');
}

/** A blocker for a task whose implement → review loop ended without a passing review. */
export function reviewBlocker(task: MilestoneTask, result: RunResult): MilestoneBlocker {
  const loop = result.loops.at(-1);
  const headline = !loop
    ? 'the review did not pass.'
    : loop.outcome === 'not_converging'
      ? `the review loop stopped early at iteration ${loop.iterations}/${loop.maxIterations}: ${loop.reason ?? 'not converging'}.`
      : `the review still asked for changes after ${loop.iterations}/${loop.maxIterations} iterations.`;
  const findings = result.finalReview?.findings ?? [];
  const lines: string[] = [];
  if (findings.length) {
    lines.push('Last findings:', '');
    for (const f of findings.slice(0, MAX_FINDINGS_LISTED))
      lines.push(
        `- **${f.severity}** ${codeSpan(`${f.path}:${f.line}`)} ${escapeInlineText(f.title)}`,
      );
    if (findings.length > MAX_FINDINGS_LISTED)
      lines.push(`- … ${findings.length - MAX_FINDINGS_LISTED} more`);
  } else if (result.finalReview?.notes.length) {
    lines.push(`Review notes: ${escapeInlineText(result.finalReview.notes.join(' '))}`);
  }
  const attempt = lastAttemptNote(result);
  if (attempt) lines.push('', attempt);
  return { task, kind: 'review', headline, detail: lines.join('\n') || undefined };
}

/** The last implement attempt's refusal (a validator's output tail, a rejected patch). */
export function lastAttemptNote(result: RunResult): string | undefined {
  const artifact = [...result.results].reverse().find((r) => r.artifact)?.artifact;
  if (!artifact || artifact.changedFiles.length > 0 || !artifact.note) return undefined;
  return `The last implement attempt changed nothing:\n\n\`\`\`text\n${artifact.note.replace(/`{3,}/g, "'''").slice(0, 4000)}\n\`\`\``;
}

/** A blocker for an error: its first line as the headline, the rest (the hint) as detail. */
export function errorBlocker(
  task: MilestoneTask,
  error: unknown,
  secrets: readonly string[],
  context?: string,
): MilestoneBlocker {
  const message = redactSecrets(failureMessage(error), secrets);
  const [first, ...rest] = message.split('\n');
  return {
    task,
    kind: 'error',
    headline: context ? `${context}: ${first}` : (first ?? 'unknown error'),
    ...(rest.join('\n').trim() ? { detail: rest.join('\n').trim() } : {}),
  };
}
