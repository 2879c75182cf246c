/**
 * Pieces every GitHub run shares (review and implement): trusted workflow reading, key checks,
 * reactions, outputs, and turning results into summary rows.
 */
import type { WorkflowReader } from '../config/workflow-source.js';
import type { Workflow } from '../config/schema.js';
import { AethrError, toError } from '../errors.js';
import { StepFailed } from '../engine/run-workflow.js';
import type { Finding, RunObserver, RunResult, StepResult } from '../engine/types.js';
import { describeKeyProblem } from '../models/gateway.js';
import { routeModel } from '../models/routing.js';
import type { Forge, ForgeComment, PermissionLevel, PullInfo } from './forge.js';
import { authorizeActor } from './authorize.js';
import type { RunReporter } from './reporter.js';
import {
  isSummaryComment,
  parseSummaryMeta,
  renderSummaryComment,
  type SummaryInput,
  type SummaryMeta,
} from './summary-comment.js';
import { findExecutable, opencodeCommand } from '../backends/opencode/find-binary.js';

/** Workflow files from the PR's base commit, which the PR author cannot change. */
export function baseBranchReader(forge: Forge, pull: PullInfo): WorkflowReader {
  return {
    async read(path) {
      const text = await forge.getFileText(path, pull.baseSha);
      return text === undefined
        ? undefined
        : { text, display: `${path} (base branch ${pull.baseRef})` };
    },
  };
}

export function isOurs(comment: ForgeComment, botLogin: string): boolean {
  return comment.author.toLowerCase() === botLogin.toLowerCase();
}

export async function tryReact(
  forge: Forge,
  commentId: number,
  reaction: '+1' | 'eyes' | 'confused',
  report: RunReporter,
): Promise<void> {
  try {
    await forge.addReaction(commentId, reaction);
  } catch (error) {
    report.info(`Could not add the ${reaction} reaction: ${toError(error).message}`);
  }
}

export function missingKeys(workflow: Workflow, env: Record<string, string | undefined>): string[] {
  const problems = new Set<string>();
  for (const role of new Set(workflow.steps.map((s) => s.role))) {
    const problem = describeKeyProblem(routeModel(workflow, role, env), env);
    if (problem) problems.add(`role "${role}": ${problem}`);
  }
  return [...problems];
}

export function applyMaxIterations(workflow: Workflow, max: number | undefined): Workflow {
  if (max === undefined) return workflow;
  return {
    ...workflow,
    steps: workflow.steps.map((s) =>
      s.repeat ? { ...s, repeat: { ...s.repeat, max_iterations: max } } : s,
    ),
  };
}

export function stepLine(r: StepResult): string {
  const usage = r.usage
    ? `${r.usage.inputTokens} in / ${r.usage.outputTokens} out tokens`
    : 'usage not reported';
  const review = r.review
    ? ` · review ${r.review.status}, ${r.review.findings.length} finding(s)`
    : '';
  return `✓ ${r.stepId} · ${(r.durationMs / 1000).toFixed(1)}s · ${usage}${r.mock ? ' · mock' : ''}${review}`;
}

export function coverageOf(result: RunResult): SummaryInput['files'] {
  const byPath = new Map<string, { status: string; reason?: string }>();
  for (const r of result.results) {
    for (const c of r.coverage ?? []) {
      const seen = byPath.get(c.path);
      // A file counts as reviewed if any step saw it whole.
      if (!seen || (seen.status !== 'reviewed' && c.status === 'reviewed')) byPath.set(c.path, c);
    }
  }
  if (byPath.size === 0) return undefined;
  const files = [...byPath.entries()];
  return {
    reviewed: files.filter(([, c]) => c.status === 'reviewed').map(([p]) => p),
    clipped: files
      .filter(([, c]) => c.status === 'clipped')
      .map(([path, c]) => ({ path, reason: c.reason })),
    skipped: files
      .filter(([, c]) => c.status === 'skipped')
      .map(([path, c]) => ({ path, reason: c.reason })),
  };
}

export function iterationsOf(result: RunResult): SummaryInput['iterations'] {
  const reviews = result.results.filter((r) => r.review);
  if (reviews.length < 2) return undefined;
  return reviews.map((r, i) => ({
    iteration: i + 1,
    findings: r.review!.findings.length,
    status: r.review!.status,
    tokens: r.usage ? r.usage.inputTokens + r.usage.outputTokens : undefined,
  }));
}

export function failureMessage(error: unknown): string {
  if (error instanceof StepFailed || error instanceof AethrError) {
    return error.hint ? `${error.message}\n\n${error.hint}` : error.message;
  }
  return `Unexpected error: ${toError(error).message}`;
}

export function setOutputs(
  report: RunReporter,
  o: {
    status: string;
    findings: Finding[];
    summaryUrl?: string;
    tokens?: number;
    costUsd?: number;
  },
): void {
  report.setOutput('review-status', o.status);
  report.setOutput('findings-count', String(o.findings.length));
  report.setOutput('findings-json', JSON.stringify(o.findings));
  report.setOutput('summary-comment-url', o.summaryUrl ?? '');
  report.setOutput('tokens', String(o.tokens ?? 0));
  report.setOutput('cost-usd', (o.costUsd ?? 0).toFixed(4));
}

/** Runners rarely have opencode; without it, implement steps use the built-in patch backend. */
export async function withAvailableBackends(
  workflow: Workflow,
  mock: boolean,
  deps: { env: Record<string, string | undefined>; root: string; report: RunReporter },
): Promise<Workflow> {
  if (mock || !workflow.steps.some((s) => s.backend === 'opencode')) return workflow;
  if (await findExecutable(opencodeCommand(undefined, deps.env), deps.env, deps.root))
    return workflow;
  deps.report.info(
    'The opencode CLI is not installed on this runner; implement steps use the built-in patch backend.',
  );
  return {
    ...workflow,
    steps: workflow.steps.map((s) =>
      s.backend === 'opencode' ? { ...s, backend: 'patch' as const, unsafe_permissions: false } : s,
    ),
  };
}

/**
 * Finds this workflow's sticky summary on the PR (only comments written by `botLogin` count:
 * markers can be copied) and sets it to "running", creating it when there is none.
 */
export async function openStickySummary(
  forge: Forge,
  pull: PullInfo,
  workflowName: string,
  deps: { botLogin: string; runUrl?: string; repositoryUrl?: string },
): Promise<{ comment: ForgeComment; previous?: SummaryMeta; base: SummaryInput }> {
  const comments = await forge.listIssueComments(pull.number);
  const sticky = comments.find(
    (c) => isOurs(c, deps.botLogin) && isSummaryComment(c.body, workflowName),
  );
  const previous = sticky ? parseSummaryMeta(sticky.body) : undefined;
  const base: SummaryInput = {
    workflow: workflowName,
    status: 'running',
    headSha: pull.headSha,
    previous,
    runUrl: deps.runUrl,
    repositoryUrl: deps.repositoryUrl,
  };
  const comment = sticky
    ? await forge.updateIssueComment(sticky.id, renderSummaryComment(base))
    : await forge.createIssueComment(pull.number, renderSummaryComment(base));
  return { comment, previous, base };
}

/**
 * Without a key for every role nothing runs and nothing is posted: the log and job summary say
 * which secret to add. Returns true when the run may go on.
 */
export async function ensureKeys(
  workflow: Workflow,
  mock: boolean,
  deps: { env: Record<string, string | undefined>; report: RunReporter },
): Promise<boolean> {
  const problems = mock ? [] : missingKeys(workflow, deps.env);
  if (problems.length === 0) return true;
  const message = [
    'No model key for this workflow, so nothing was run and nothing was posted on GitHub.',
    ...problems.map((p) => `- ${p}`),
    'Add the key as a repository secret and pass it to the step (e.g. `openai-api-key: ${{ secrets.OPENAI_API_KEY }}`), or set `mock: true` to try the action with the deterministic mock model.',
  ].join('\n');
  deps.report.warning(message);
  await deps.report.jobSummary(`### aethr: no model key\n\n${message}\n`);
  setOutputs(deps.report, { status: '', findings: [] });
  return false;
}

/** The max_iterations of the loop each step is inside (by step id); 1 outside loops. */
export function loopMaxima(workflow: Workflow): (stepId: string) => number {
  const out = new Map<string, number>();
  const index = new Map(workflow.steps.map((s, i) => [s.id, i]));
  workflow.steps.forEach((step, i) => {
    if (!step.repeat) return;
    const from = index.get(step.repeat.back_to) ?? i;
    for (let j = from; j <= i; j++) out.set(workflow.steps[j]!.id, step.repeat.max_iterations);
  });
  return (stepId) => out.get(stepId) ?? 1;
}

/** Engine progress as job-log lines. */
export function logObserver(report: RunReporter): RunObserver {
  return {
    stepStarted: ({ step, iteration, model }) =>
      report.info(`▶ ${step.id} (${step.role} · ${model}, pass ${iteration})`),
    stepFinished: (r) => report.info(stepLine(r)),
    notice: (m) => report.info(`↻ ${m}`),
  };
}

/**
 * Checks the actor's permission before anything that costs money or writes. A denial is told in
 * the log, the job summary and, when the request came from a comment or label, as a short reply
 * on `replyOn` (the only write a denied run makes). True when the run may go on.
 */
export async function ensureAllowed(
  actor: string,
  settings: { minimumPermission: PermissionLevel; allowedActors: string[] },
  deps: { forge: Forge; report: RunReporter },
  replyOn?: number,
): Promise<boolean> {
  const auth = await authorizeActor(
    deps.forge,
    actor,
    settings.minimumPermission,
    settings.allowedActors,
  );
  if (auth.allowed) {
    deps.report.info(`${actor} is allowed (${auth.level}).`);
    return true;
  }
  deps.report.notice(`Not running: ${auth.reason}`);
  if (replyOn !== undefined) {
    await deps.forge.createIssueComment(
      replyOn,
      `@${actor} aethr runs need **${settings.minimumPermission}** permission on this repository; yours is **${auth.level}**. Ask a maintainer to run it.`,
    );
  }
  await deps.report.jobSummary(`### aethr: not run\n\n${auth.reason}\n`);
  setOutputs(deps.report, { status: '', findings: [] });
  return false;
}
