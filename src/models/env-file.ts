/**
 * The project `.env`: read with Node's `util.parseEnv` and merged UNDER the environment, so a
 * variable that is already set (non-empty) always wins over the file. Nothing is written to
 * `process.env`: the door decides what to do with the merged object.
 *
 * A missing file is normal (found: false). A file that exists but cannot be read, or is larger
 * than 1 MiB, is an AethrError with a hint.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { AethrError } from '../errors.js';

export const MAX_ENV_FILE_BYTES = 1024 * 1024;

export interface DotEnvResult {
  /** The environment with the file's values added where the variable was unset or empty. */
  env: Record<string, string | undefined>;
  /** Absolute path looked at. */
  path: string;
  found: boolean;
  /** Variables taken from the file. */
  loaded: string[];
  /** Variables in the file that were already set, so the file's value was ignored. */
  ignored: string[];
}

function isSet(value: string | undefined): boolean {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Loads `<projectDir>/.env` (or `options.fileName`) under `baseEnv` (default `process.env`).
 * Returns a new object; `baseEnv` is not modified.
 */
export function loadDotEnv(
  projectDir: string,
  baseEnv: Readonly<Record<string, string | undefined>> = process.env,
  options: { fileName?: string } = {},
): DotEnvResult {
  const file = path.resolve(projectDir, options.fileName ?? '.env');
  const env: Record<string, string | undefined> = { ...baseEnv };
  const result: DotEnvResult = { env, path: file, found: false, loaded: [], ignored: [] };

  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new AethrError(`${file} is not a regular file.`, {
        hint: 'Remove it or rename it; Aethr reads .env as a file of KEY=value lines.',
      });
    }
    if (stat.size > MAX_ENV_FILE_BYTES) {
      throw new AethrError(
        `${file} is ${stat.size} bytes, more than the ${MAX_ENV_FILE_BYTES} bytes Aethr reads.`,
        {
          hint: 'A .env file holds KEY=value lines; check that this is the right file.',
        },
      );
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AethrError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return result;
    throw new AethrError(`Could not read ${file}: ${(error as Error).message}`, {
      cause: error,
      hint: 'Check the file permissions, or remove the file if you do not need it.',
    });
  }

  result.found = true;
  const parsed = parseEnv(text.replace(/^\uFEFF/, ''));
  for (const [name, value] of Object.entries(parsed)) {
    if (value === undefined) continue;
    if (isSet(env[name])) {
      result.ignored.push(name);
    } else {
      env[name] = value;
      result.loaded.push(name);
    }
  }
  return result;
}

/** The merged environment only: `loadDotEnv(projectDir, baseEnv).env`. */
export function withDotEnv(
  projectDir: string,
  baseEnv: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string | undefined> {
  return loadDotEnv(projectDir, baseEnv).env;
}

/**
 * The door's entry point: the environment merged with the project `.env` (existing variables win).
 * Async so a door can await it alongside other start-up work; the read itself is small and sync.
 */
export async function loadProjectEnv(
  projectDir: string,
  baseEnv: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Record<string, string | undefined>> {
  return loadDotEnv(projectDir, baseEnv).env;
}
