/**
 * Assembles the engine's ports for a run on a working tree. Doors (CLI, Action, App) call this
 * with what they know; the engine never sees where the pieces came from.
 */
import type { Workflow } from '../config/schema.js';
import { createContextResolver } from '../context/resolver.js';
import { createMockImplementBackend } from '../backends/mock-implement-backend.js';
import type { EnginePorts, ImplementBackend, RunObserver } from '../engine/types.js';
import { createBudgetGuard } from '../models/budget.js';
import { createModelGateway, type ModelGateway } from '../models/gateway.js';
import { createModelPolicy } from '../models/policy.js';
import { routeModel } from '../models/routing.js';

export interface PortsOptions {
  workflow: Workflow;
  root: string;
  env: Record<string, string | undefined>;
  live: boolean;
  observer?: RunObserver;
  prDiff?: { patch: string; label: string };
  prDescription?: { title: string; body: string };
  /** Editing backends for live runs; without one, mock runs stand in. */
  backends?: Partial<Record<'opencode' | 'patch', ImplementBackend>>;
  /** USD already spent on this pull request by earlier runs (for `budget.pr_usd`). */
  prSpentUsd?: number;
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
    ...(options.observer?.notice ? { onNotice: (message: string) => options.observer?.notice?.(message) } : {}),
  });
  const mockEdit = createMockImplementBackend(
    models,
    options.live ? 'this backend is not available here; no files changed' : 'mock mode: the working tree was not edited',
  );
  return {
    models,
    context: createContextResolver({
      root: options.root,
      prDiff: options.prDiff,
      prDescription: options.prDescription,
    }),
    routeModel: (role) => routeModel(options.workflow, role, options.env),
    backends: {
      opencode: options.backends?.opencode ?? mockEdit,
      patch: options.backends?.patch ?? mockEdit,
    },
    observer: options.observer,
  };
}
