/**
 * Built-in workflows, shipped as YAML files in `presets/` next to the bundles.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AethrError } from '../errors.js';

export const PRESET_NAMES = [
  'plan-implement-review',
  'review-existing-diff',
  'debug-failing-test',
  'add-tests',
  'docs-sync',
  'custom',
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * Finds `presets/` by walking up from this module: it sits at `../../presets` from `src/config`
 * and from `dist/cli`, and at `../presets` from `dist/` (the Action bundle).
 */
export function presetsDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'presets');
    if (existsSync(join(candidate, 'review-existing-diff.yaml'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new AethrError(`Built-in presets not found above ${from}.`, {
    hint: 'Reinstall aethr-action: its presets/ folder is missing.',
  });
}

export function presetPath(name: PresetName): string {
  return join(presetsDir(), `${name}.yaml`);
}

export async function readPreset(name: string): Promise<string> {
  if (!isPresetName(name)) {
    throw new AethrError(`Unknown preset "${name}".`, {
      hint: `Choose one of: ${PRESET_NAMES.join(', ')}.`,
    });
  }
  return readFile(presetPath(name), 'utf8');
}

/** Preset names with the one-line description from each file's first comment. */
export async function listPresets(): Promise<Array<{ name: PresetName; description: string }>> {
  const dir = presetsDir();
  const files = new Set(await readdir(dir));
  const out = [];
  for (const name of PRESET_NAMES) {
    if (!files.has(`${name}.yaml`)) continue;
    const text = await readFile(join(dir, `${name}.yaml`), 'utf8');
    const description = /^#\s*(.+)$/m.exec(text)?.[1]?.trim() ?? '';
    out.push({ name, description });
  }
  return out;
}
