/**
 * What every GitHub run handler is given: the ports (Forge, Workspace, log, publisher), the
 * door's settings, and a tally the door keeps so a failed run still reports what it spent.
 */
import type { Workflow } from '../config/schema.js';
import type { RunObserver, StepResult } from '../engine/types.js';
import type { Workspace } from '../git/workspace.js';
import { buildPorts, type PortsOptions } from '../runner/build-ports.js';
import { authorizeActor } from './authorize.js';
import type { Forge } from './forge.js';
import type { ComposedPublisher } from './publisher.js';
import type { ReplyOnceOptions } from './reply-once.js';
import type { RunLog } from './run-log.js';
import { skipped, type RunOutcome, type RunRequest, type RunTally } from './run-outcome.js';
import type { DoorSettings } from './settings.js';
import {
  loadRunWorkflow,
  missingKeysMessage,
  modelOverrideOf,
  type WorkflowChoice,
} from './trusted-workflow.js';

export interface RunContext {
  /** What was asked, as the door read it from the event. */
  request: RunRequest;
  forge: Forge;
  workspace: Workspace;
  log: RunLog;
  publisher: ComposedPublisher;
  settings: DoorSettings;
  tally: RunTally;
  /** `api`: take the PR diff from the API without fetching (local previews). Default `auto`. */
  diffSource?: 'auto' | 'api';
}

/**
 * The actor's permission, checked before anything that costs money or writes. Returns the
 * `denied` outcome, or undefined when the run may go on.
 */
export async function checkActor(ctx: RunContext, actor: string): Promise<RunOutcome | undefined> {
  const { minimumPermission, allowedActors } = ctx.settings;
  const auth = await authorizeActor(ctx.forge, actor, minimumPermission, allowedActors);
  if (auth.allowed) {
    ctx.log.info(`${actor} is allowed (${auth.level}).`);
    return undefined;
  }
  return skipped(ctx.tally, ctx.request, 'denied', auth.reason, {
    level: auth.level,
    minimum: minimumPermission,
  });
}

/**
 * The run's workflow from where `choice` says, adjusted (`reviewOnly` for outsiders), or the
 * `no-key` outcome when a role has no key: then nothing runs and nothing is posted.
 */
export async function workflowOrSkip(
  ctx: RunContext,
  choice: WorkflowChoice,
  adjust?: (workflow: Workflow) => Promise<Workflow>,
): Promise<Workflow | RunOutcome> {
  const loaded = await loadRunWorkflow(choice, ctx.settings, ctx.workspace.root, ctx.log);
  const workflow = adjust ? await adjust(loaded) : loaded;
  const noKey = missingKeysMessage(workflow, ctx.settings);
  return noKey ? skipped(ctx.tally, ctx.request, 'no-key', noKey) : workflow;
}

/** How this run posts a reply once (reply-once.ts). */
export function replyOptions(ctx: RunContext): ReplyOnceOptions {
  return {
    forge: ctx.forge,
    botLogin: ctx.settings.botLogin,
    retryDelayMs: ctx.settings.githubRetryBaseMs,
  };
}

/** Whether `value` is an outcome (the run ends here) rather than a workflow. */
export function isOutcome(value: Workflow | RunOutcome): value is RunOutcome {
  return 'kind' in value && 'calls' in value;
}

/** The engine's ports for this run; its model calls are counted in the tally. */
export function enginePorts(
  ctx: RunContext,
  workflow: Workflow,
  extra: Omit<PortsOptions, 'workflow' | 'root' | 'env' | 'live' | 'observer' | 'modelOverride'>,
): ReturnType<typeof buildPorts> {
  const ports = buildPorts({
    workflow,
    root: ctx.workspace.root,
    env: ctx.settings.modelEnv,
    live: !ctx.settings.mock,
    modelOverride: modelOverrideOf(ctx.settings),
    observer: logObserver(ctx.log),
    ...extra,
  });
  ctx.tally.calls = ports.models.calls;
  return ports;
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

export function stepLine(r: StepResult): string {
  const usage = r.usage
    ? `${r.usage.inputTokens} in / ${r.usage.outputTokens} out tokens`
    : 'usage not reported';
  const review = r.review
    ? ` · review ${r.review.status}, ${r.review.findings.length} finding(s)`
    : '';
  return `✓ ${r.stepId} · ${(r.durationMs / 1000).toFixed(1)}s · ${usage}${r.mock ? ' · mock' : ''}${review}`;
}

/** Engine progress as job-log lines. */
export function logObserver(log: RunLog): RunObserver {
  return {
    stepStarted: ({ step, iteration, model }) =>
      log.info(`▶ ${step.id} (${step.role} · ${model}, pass ${iteration})`),
    stepFinished: (r) => log.info(stepLine(r)),
    notice: (m) => log.info(`↻ ${m}`),
  };
}
