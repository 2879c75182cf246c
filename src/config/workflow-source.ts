/**
 * Where a run's workflow comes from: a file (in the working tree, or read through another
 * reader such as the base branch on GitHub), or a preset name when no such file exists.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { AethrError } from '../errors.js';
import { closestMatch } from './did-you-mean.js';
import { loadWorkflowFile, parseWorkflowText } from './load-workflow.js';
import { isPresetName, presetPath, readPreset, PRESET_NAMES, type PresetName } from './presets.js';
import type { Workflow } from './schema.js';

export const DEFAULT_WORKFLOW_FILE = '.aethr.yaml';

export interface LoadedWorkflow {
  workflow: Workflow;
  /** Absolute file path, `preset:<name>`, or the reader's own label. */
  source: string;
  /** What messages show. */
  display: string;
}

/** Reads workflow files from somewhere other than the working tree (e.g. the base branch). */
export interface WorkflowReader {
  /** The file's text and a label for messages, or undefined when it does not exist. */
  read(path: string): Promise<{ text: string; display: string } | undefined>;
}

export interface WorkflowSpecOptions {
  /** Used when the spec is the default file and it does not exist. */
  fallbackPreset?: PresetName;
  reader?: WorkflowReader;
}

export async function loadWorkflowSpec(
  spec: string | undefined,
  cwd: string,
  options: WorkflowSpecOptions = {},
): Promise<LoadedWorkflow> {
  const wanted = spec ?? DEFAULT_WORKFLOW_FILE;
  if (wanted.startsWith('preset:')) return loadPreset(wanted.slice('preset:'.length));
  const found = options.reader
    ? await fromReader(options.reader, wanted)
    : await fromDisk(wanted, cwd);
  if (found) return found;
  if (isPresetName(wanted)) return loadPreset(wanted);
  if (wanted === DEFAULT_WORKFLOW_FILE && options.fallbackPreset)
    return loadPreset(options.fallbackPreset);
  if (spec === undefined) {
    throw new AethrError(`No ${DEFAULT_WORKFLOW_FILE} in ${cwd}.`, {
      hint: 'Create one with "aethr init review-existing-diff" (see "aethr init --list"), or pass --workflow FILE.',
    });
  }
  const near = closestMatch(wanted, PRESET_NAMES);
  throw new AethrError(`Workflow "${wanted}" is neither a file nor a preset.`, {
    hint: near
      ? `Did you mean the preset "${near}"?`
      : `Pass a path to a workflow file, or one of the presets: ${PRESET_NAMES.join(', ')}.`,
  });
}

async function fromDisk(wanted: string, cwd: string): Promise<LoadedWorkflow | undefined> {
  const file = isAbsolute(wanted) ? wanted : resolve(cwd, wanted);
  if (!existsSync(file)) return undefined;
  const display = relative(cwd, file) || file;
  return { workflow: await loadWorkflowFile(file, display), source: file, display };
}

async function fromReader(
  reader: WorkflowReader,
  wanted: string,
): Promise<LoadedWorkflow | undefined> {
  const file = await reader.read(wanted);
  if (!file) return undefined;
  return {
    workflow: parseWorkflowText(file.text, file.display),
    source: file.display,
    display: file.display,
  };
}

async function loadPreset(name: string): Promise<LoadedWorkflow> {
  const text = await readPreset(name);
  const display = `preset ${name}`;
  return {
    workflow: parseWorkflowText(text, isPresetName(name) ? presetPath(name) : display),
    source: `preset:${name}`,
    display,
  };
}
