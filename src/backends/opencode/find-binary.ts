/** Finds the opencode executable: an explicit path, `AETHR_OPENCODE_BIN`, or `opencode` on PATH. */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

export const OPENCODE_BIN_ENV = 'AETHR_OPENCODE_BIN';

/** What to look for: `bin` when given, else `AETHR_OPENCODE_BIN`, else `opencode`. */
export function opencodeCommand(
  bin: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const fromEnv = env[OPENCODE_BIN_ENV]?.trim();
  return bin?.trim() || fromEnv || 'opencode';
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of `command` when it names an executable file: a path (relative to `cwd`) when
 * it contains a slash, otherwise the first match on `env.PATH`. Undefined when there is none.
 */
export async function findExecutable(
  command: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<string | undefined> {
  if (command.includes('/') || command.includes('\\')) {
    const path = isAbsolute(command) ? command : resolve(cwd, command);
    return (await isExecutableFile(path)) ? path : undefined;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const path = join(dir, command);
    if (await isExecutableFile(path)) return path;
  }
  return undefined;
}
