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
  const parts = self.split(sep);
  const local = relative(real(cwd), self);
  const inProject = parts.includes('node_modules') && !local.startsWith('..');
  // Under npx the package's bin folder is on PATH only for this one command.
  const viaNpx = env.npm_command === 'exec' || parts.includes('_npx');
  if (viaNpx) return inProject ? 'npx aethr' : 'npx -p aethr-action aethr';
  const onPath = await findExecutable('aethr', env, cwd);
  if (onPath && real(onPath) === self) return 'aethr';
  if (inProject) return 'npx aethr';
  const shown = local.startsWith('..') ? self : local;
  return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}
