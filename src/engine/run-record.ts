/**
 * What a run was, kept in the checkpoint and the ledger it already writes: the workflow as loaded,
 * the model each role was routed to (overrides applied), the task and the passes each step made.
 * `aethr promote` turns it back into an editable workflow; nothing else is stored anywhere.
 */
import type { Workflow } from '../config/schema.js';

export interface RunRecord {
  /** The workflow file (absolute path) or `preset:<name>`. */
  workflowSource: string;
  task: string;
  workflow: Workflow;
  /** Role → the `provider:model` it was routed to. */
  routes: Record<string, string>;
  /** Step id → the passes it completed. */
  passes: Record<string, number>;
}

export function runRecordOf(o: {
  workflowSource: string;
  task: string;
  workflow: Workflow;
  routeModel: (role: string) => string;
  passes?: Record<string, number>;
}): RunRecord {
  const routes: Record<string, string> = {};
  for (const role of Object.keys(o.workflow.roles)) {
    // A role whose routing fails (a malformed override) is left to the file's own models.
    try {
      routes[role] = o.routeModel(role);
    } catch {
      continue;
    }
  }
  return {
    workflowSource: o.workflowSource,
    task: o.task,
    workflow: o.workflow,
    routes,
    passes: { ...o.passes },
  };
}

/** Completed passes per step of a finished run. */
export function passesOf(results: ReadonlyArray<{ stepId: string }>): Record<string, number> {
  const passes: Record<string, number> = {};
  for (const r of results) passes[r.stepId] = (passes[r.stepId] ?? 0) + 1;
  return passes;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A run record read back from JSON (its workflow is checked again by the loader later). */
export function isRunRecord(value: unknown): value is RunRecord {
  return (
    isRecord(value) &&
    typeof value.workflowSource === 'string' &&
    typeof value.task === 'string' &&
    isRecord(value.workflow) &&
    isRecord(value.routes) &&
    Object.values(value.routes).every((r) => typeof r === 'string') &&
    isRecord(value.passes)
  );
}
