/**
 * The workflow a GitHub run uses, read from a place the PR author cannot change when the PR is
 * not trusted (the base branch for forks, `pull_request_target` and comments), with the door's
 * overrides applied, and the keys it needs checked.
 */
import type { Workflow } from '../config/schema.js';
import { loadWorkflowSpec, type WorkflowReader } from '../config/workflow-source.js';
import type { PresetName } from '../config/presets.js';
import { findExecutable, opencodeCommand } from '../backends/opencode/find-binary.js';
import { describeKeyProblem } from '../models/gateway.js';
import { routeModel, type ModelOverride } from '../models/routing.js';
import type { Workspace } from '../git/workspace.js';
import type { PullRequestInfo } from './event-intent.js';
import type { Forge } from './forge.js';
import type { RunLog } from './run-log.js';
import type { DoorSettings } from './settings.js';

export const IMPLEMENT_BACKENDS = new Set(['opencode', 'patch']);

/** Workflow files from the PR's base commit, which the PR author cannot change. */
export function baseBranchReader(forge: Forge, pull: PullRequestInfo): WorkflowReader {
  return refReader(forge, pull.base.sha, `base branch ${pull.base.ref}`);
}

function refReader(forge: Forge, ref: string, label: string): WorkflowReader {
  return {
    async read(path) {
      const text = await forge.getFileText(path, ref);
      return text === undefined ? undefined : { text, display: `${path} (${label})` };
    },
  };
}

/**
 * The learnings file from the PR's base commit, for runs whose workflow comes from there: what a
 * PR changed in it never reaches a prompt of such a run.
 */
export function baseLearnings(
  forge: Forge,
  pull: PullRequestInfo,
  workflow: Workflow,
): { readLearnings: { read: () => Promise<string | undefined>; origin: string } } | undefined {
  const path = workflow.learnings;
  if (!path) return undefined;
  const rel = path.replace(/^(?:\.\/)+/, '');
  return {
    readLearnings: {
      read: () => forge.getFileText(rel, pull.base.sha),
      origin: `from the base branch ${pull.base.ref}`,
    },
  };
}

/**
 * Where a PR run reads its workflow: the base branch when the PR is not trusted; otherwise the
 * checked-out tree — or, in a fresh clone still being fetched, the head commit through the API.
 */
export function workflowReader(
  ctx: { forge: Forge; workspace: Workspace },
  pull: PullRequestInfo,
  fromBase: boolean,
): WorkflowReader | undefined {
  if (fromBase) return baseBranchReader(ctx.forge, pull);
  if (ctx.workspace.kind === 'clone')
    return refReader(ctx.forge, pull.head.sha, `head ${pull.head.sha.slice(0, 7)}`);
  return undefined;
}

export interface WorkflowChoice {
  /** Overrides the settings' workflow (`/aethr run <workflow>`, docs-sync's preset). */
  spec?: string;
  fallbackPreset: PresetName;
  /** Read through this (the base branch) instead of the working tree. */
  reader?: WorkflowReader;
  /** Implement runs need an editing step: without one, this preset is used instead. */
  needsImplement?: boolean;
}

export async function loadRunWorkflow(
  choice: WorkflowChoice,
  settings: DoorSettings,
  root: string,
  log: RunLog,
): Promise<Workflow> {
  let loaded = await loadWorkflowSpec(choice.spec ?? settings.workflowSpec, root, {
    fallbackPreset: choice.fallbackPreset,
    reader: choice.reader,
  });
  if (
    choice.needsImplement &&
    !loaded.workflow.steps.some((s) => s.backend && IMPLEMENT_BACKENDS.has(s.backend))
  ) {
    log.info(`${loaded.display} has no implement step; using the plan-implement-review preset.`);
    loaded = await loadWorkflowSpec('plan-implement-review', root);
  }
  log.info(`Workflow "${loaded.workflow.workflow}" from ${loaded.display}.`);
  const workflow = applyMaxIterations(loaded.workflow, settings.maxIterations);
  return choice.needsImplement ? withAvailableBackends(workflow, settings, root, log) : workflow;
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

/** Runners rarely have opencode; without it, implement steps use the built-in patch backend. */
async function withAvailableBackends(
  workflow: Workflow,
  settings: DoorSettings,
  root: string,
  log: RunLog,
): Promise<Workflow> {
  if (settings.mock || !workflow.steps.some((s) => s.backend === 'opencode')) return workflow;
  const env = settings.modelEnv;
  if (await findExecutable(opencodeCommand(undefined, env), env, root)) return workflow;
  log.info(
    'The opencode CLI is not installed on this runner; implement steps use the built-in patch backend.',
  );
  return {
    ...workflow,
    steps: workflow.steps.map((s) =>
      s.backend === 'opencode' ? { ...s, backend: 'patch' as const, unsafe_permissions: false } : s,
    ),
  };
}

export function modelOverrideOf(settings: DoorSettings): ModelOverride | undefined {
  return settings.model ? { ref: settings.model, configuredAt: 'the "model" input' } : undefined;
}

/**
 * Without a key for every role nothing runs and nothing is posted. Returns what to tell the
 * user, or undefined when the run may go on.
 */
export function missingKeysMessage(workflow: Workflow, settings: DoorSettings): string | undefined {
  if (settings.mock) return undefined;
  const problems = new Set<string>();
  for (const role of new Set(workflow.steps.map((s) => s.role))) {
    const ref = routeModel(workflow, role, settings.modelEnv, modelOverrideOf(settings));
    const problem = describeKeyProblem(ref, settings.modelEnv);
    if (problem) problems.add(`role "${role}": ${problem}`);
  }
  if (problems.size === 0) return undefined;
  return [
    'No model key for this workflow, so nothing was run and nothing was posted on GitHub.',
    ...[...problems].map((p) => `- ${p}`),
    'Add the key as a repository secret and pass it to the step (e.g. `openai-api-key: ${{ secrets.OPENAI_API_KEY }}`), or set `mock: true` to try the action with the deterministic mock model.',
  ].join('\n');
}
