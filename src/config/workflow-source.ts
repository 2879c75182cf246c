/**
 * Where a run's workflow comes from: a file path, or a preset name when no such file exists.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { AethrError } from '../errors.js';
import { loadWorkflowFile, parseWorkflowText } from './load-workflow.js';
import { isPresetName, presetPath, readPreset, PRESET_NAMES } from './presets.js';
import type { Workflow } from './schema.js';

export const DEFAULT_WORKFLOW_FILE = '.aethr.yaml';

export interface LoadedWorkflow {
  workflow: Workflow;
  /** Absolute file path, or `preset:<name>`. */
  source: string;
  /** What messages show. */
  display: string;
}

export async function loadWorkflowSpec(spec: string | undefined, cwd: string): Promise<LoadedWorkflow> {
  const wanted = spec ?? DEFAULT_WORKFLOW_FILE;
  if (wanted.startsWith('preset:')) return loadPreset(wanted.slice('preset:'.length));
  const file = isAbsolute(wanted) ? wanted : resolve(cwd, wanted);
  if (existsSync(file)) {
    const display = relative(cwd, file) || file;
    return { workflow: await loadWorkflowFile(file, display), source: file, display };
  }
  if (isPresetName(wanted)) return loadPreset(wanted);
  if (spec === undefined) {
    throw new AethrError(`No ${DEFAULT_WORKFLOW_FILE} in ${cwd}.`, {
      hint: 'Create one with "aethr init review-existing-diff" (see "aethr init --list"), or pass --workflow FILE.',
    });
  }
  throw new AethrError(`Workflow "${wanted}" is neither a file nor a preset.`, {
    hint: `Pass a path to a workflow file, or one of the presets: ${PRESET_NAMES.join(', ')}.`,
  });
}

async function loadPreset(name: string): Promise<LoadedWorkflow> {
  const text = await readPreset(name);
  const display = `preset ${name}`;
  return { workflow: parseWorkflowText(text, isPresetName(name) ? presetPath(name) : display), source: `preset:${name}`, display };
}
