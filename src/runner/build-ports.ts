/**
 * Assembles the engine's ports for a run on a working tree. Doors (CLI, Action, App) call this
 * with what they know; the engine never sees where the pieces came from.
 */
import type { Workflow } from '../config/schema.js';
import type { LabelledDiff } from '../context/git-diff-source.js';
import { withLabelContext } from '../context/label-context.js';
import type { LearningsInput } from '../context/learnings-source.js';
import { createContextResolver } from '../context/resolver.js';
import { createMockImplementBackend } from '../backends/mock-implement-backend.js';
import type { PatchPolicy } from '../backends/patch/index.js';
import type { EnginePorts, ImplementBackend, RunObserver } from '../engine/types.js';
import { createBudgetGuard, resolveCallLimits } from '../models/budget.js';
import { createModelGateway, type ModelGateway } from '../models/gateway.js';
import { createModelPolicy } from '../models/policy.js';
import { routeModel, type ModelOverride } from '../models/routing.js';

export interface PortsOptions {
  workflow: Workflow;
  root: string;
  env: Record<string, string | undefined>;
  live: boolean;
  observer?: RunObserver;
  prDiff?: LabelledDiff;
  prDescription?: { title: string; body: string };
  /** Local runs: `git_diff` against the merge base with this ref instead of HEAD (`--base`). */
  diffBase?: string;
  /** Replaces the default editing backends (tests, or a door with its own). */
  backends?: Partial<Record<'opencode' | 'patch', ImplementBackend>>;
  /** USD already spent on this pull request by earlier runs (for `budget.pr_usd`). */
  prSpentUsd?: number;
  /** One model for every role, set by the door (the Action's `model` input). */
  modelOverride?: ModelOverride;
  /** Labels of the pull request or issue, which select the workflow's `label_context`. */
  labels?: readonly string[];
  /**
   * Where the `learnings` file is read from when not from the working tree (the base branch on
   * untrusted pull requests); the path is the workflow's `learnings:`.
   */
  readLearnings?: Pick<LearningsInput, 'read' | 'origin'>;
  /** The tree holds untrusted code (a fork PR, pull_request_target): agents and validators run only isolated. */
  untrusted?: boolean;
  /** The remote's refs, compared before and after agents and validators run (none may move). */
  listRemote?: () => Promise<Record<string, string>>;
}

export function buildPorts(options: PortsOptions): EnginePorts & { models: ModelGateway } {
  const { workflow } = options;
  const models = createModelGateway({
    env: options.env,
    live: options.live,
    budget: createBudgetGuard({
      budget: workflow.budget,
      limits: workflow.limits,
      pricing: workflow.pricing,
      spentBeforeUsd: options.prSpentUsd,
    }),
    policy: createModelPolicy(workflow.policy),
    ...(options.observer?.notice
      ? { onNotice: (message: string) => options.observer?.notice?.(message) }
      : {}),
  });
  // opencode drives a real model itself, so mock runs stand in for it; the patch backend asks
  // through the gateway, so it runs for real in both modes (the mock proposes no change).
  // Both load on first use: a review never loads them (nor execa, which validators need).
  const guard = {
    ...(options.untrusted ? { untrusted: true } : {}),
    ...(options.listRemote ? { listRemote: options.listRemote } : {}),
  };
  const opencode = options.live
    ? lazyBackend(async () =>
        (await import('../backends/opencode/index.js')).createOpencodeBackend({
          root: options.root,
          env: options.env,
          models,
          ...guard,
        }),
      )
    : createMockImplementBackend(
        models,
        'mock mode: opencode was not run; the working tree was not edited',
      );
  const patch = lazyBackend(async () => {
    const { createPatchBackend, DEFAULT_DENY } = await import('../backends/patch/index.js');
    return createPatchBackend({
      root: options.root,
      models,
      policy: patchPolicy(workflow, DEFAULT_DENY),
      validators: workflow.validators,
      ...guard,
    });
  });
  const context = createContextResolver({
    root: options.root,
    prDiff: options.prDiff,
    diffBase: options.diffBase,
    prDescription: options.prDescription,
    // The same per-call limits the gateway enforces, so context is fitted rather than refused.
    perCall: {
      max_input_tokens_per_call: resolveCallLimits(workflow.limits).maxInputTokensPerCall,
      ...(workflow.limits?.max_context_chars_per_call !== undefined
        ? { max_context_chars_per_call: workflow.limits.max_context_chars_per_call }
        : {}),
    },
    ...(workflow.learnings
      ? { learnings: { path: workflow.learnings, ...options.readLearnings } }
      : {}),
  });
  return {
    models,
    context: withLabelContext(context, workflow.label_context, options.labels ?? []),
    routeModel: (role) => routeModel(options.workflow, role, options.env, options.modelOverride),
    backends: {
      opencode: options.backends?.opencode ?? opencode,
      patch: options.backends?.patch ?? patch,
    },
    observer: options.observer,
  };
}

/** An editing backend whose code is loaded when it is first asked to edit. */
function lazyBackend(load: () => Promise<ImplementBackend>): ImplementBackend {
  let backend: Promise<ImplementBackend> | undefined;
  return {
    async implement(input) {
      backend ??= load();
      return (await backend).implement(input);
    },
  };
}

/** The workflow's `patch:` block over the safe defaults; `deny` adds to the default list. */
function patchPolicy(workflow: Workflow, defaultDeny: readonly string[]): Partial<PatchPolicy> {
  const p = workflow.patch ?? {};
  // The learnings file grows only through its capped, deduplicated appender, never by a patch.
  const learnings = workflow.learnings ? [workflow.learnings.replace(/^\.\//, '')] : [];
  const policy: Partial<PatchPolicy> = {
    deny: [...defaultDeny, ...(p.deny ?? []), ...learnings],
  };
  if (p.allow) policy.allow = p.allow;
  if (p.allow_deletions !== undefined) policy.allowDeletions = p.allow_deletions;
  if (p.allow_renames !== undefined) policy.allowRenames = p.allow_renames;
  if (p.allow_binary !== undefined) policy.allowBinary = p.allow_binary;
  if (p.allow_mode_changes !== undefined) policy.allowModeChanges = p.allow_mode_changes;
  if (p.max_files !== undefined) policy.maxFiles = p.max_files;
  if (p.max_changed_lines !== undefined) policy.maxChangedLines = p.max_changed_lines;
  if (workflow.limits?.max_patch_bytes !== undefined)
    policy.maxPatchBytes = workflow.limits.max_patch_bytes;
  return policy;
}
