/**
 * How to run aethr again, for "Next: …" lines: `aethr` when that name on PATH is this very
 * program, `npx aethr` for a project-local install, `npx -p aethr-action aethr` for a one-off
 * npx, and otherwise `node <path of this script>`. A suggested command must work when pasted.
 */
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { findExecutable } from '../backends/opencode/find-binary.js';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export async function selfCommand(
  script: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<string> {
  const self = real(script);
  const onPath = await findExecutable('aethr', env, cwd);
  if (onPath && real(onPath) === self) return 'aethr';
  const parts = script.split(sep);
  if (parts.includes('_npx')) return 'npx -p aethr-action aethr';
  const local = relative(real(cwd), self);
  if (parts.includes('node_modules') && !local.startsWith('..')) return 'npx aethr';
  const shown = local.startsWith('..') ? self : local;
  return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}
