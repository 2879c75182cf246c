/**
 * One sandbox per untrusted run (a validator pass, an agent run): a private HOME and TMPDIR, the
 * allow-listed environment (sandbox-env.ts), and the process isolation detected for this machine
 * (isolation.ts). Callers spawn what `command()` returns with `extendEnv: false` and nothing else.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultHiddenPaths, detectIsolation, isolatedArgv, type Isolation } from './isolation.js';
import { sandboxEnv } from './sandbox-env.js';

export interface SandboxOptions {
  /** Where allowed variables are read from. Default process.env. */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  /** More names to pass from `baseEnv` (never secret-looking ones). */
  passEnv?: readonly string[];
  /** Values of the caller's own, set in every command's environment. */
  setEnv?: Readonly<Record<string, string>>;
  /** Parent of the sandbox's private folder. Default the OS temp dir. */
  tempDir?: string;
  /** Default: detected once per process. */
  isolation?: Isolation;
  /** Further paths to mask (bwrap), besides `defaultHiddenPaths`. */
  hide?: readonly string[];
  /** Name prefix of the private folder. Default `aethr-sandbox-`. */
  prefix?: string;
}

export interface SandboxCommand {
  file: string;
  args: string[];
  /** The complete environment: spawn with it and `extendEnv: false`. */
  env: Record<string, string>;
  cwd: string;
}

export interface Sandbox {
  readonly isolation: Isolation;
  /** The private folder (HOME is `<dir>/home`, TMPDIR `<dir>/tmp`). */
  readonly dir: string;
  readonly home: string;
  readonly env: Readonly<Record<string, string>>;
  command(
    argv: readonly string[],
    options: { cwd: string; env?: Readonly<Record<string, string>> },
  ): SandboxCommand;
  /** Removes the private folder. */
  dispose(): Promise<void>;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const base = options.baseEnv ?? process.env;
  const isolation = options.isolation ?? (await detectIsolation({ env: base }));
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), options.prefix ?? 'aethr-sandbox-'));
  const home = join(dir, 'home');
  const tmp = join(dir, 'tmp');
  await mkdir(home, { recursive: true });
  await mkdir(tmp, { recursive: true });
  const env = sandboxEnv({
    base,
    home,
    tmp,
    ...(options.passEnv ? { pass: options.passEnv } : {}),
    ...(options.setEnv ? { set: options.setEnv } : {}),
  });
  return {
    isolation,
    dir,
    home,
    env,
    command(argv, opts) {
      const full = { ...env, ...(opts.env ?? {}) };
      const hide = [...defaultHiddenPaths(base, [opts.cwd, dir]), ...(options.hide ?? [])];
      const cmd = isolatedArgv(isolation, argv, { cwd: opts.cwd, env: full, hide });
      return { ...cmd, env: full, cwd: opts.cwd };
    },
    async dispose() {
      await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    },
  };
}
