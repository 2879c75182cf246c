/**
 * Runs the workflow's validators after a patch lands: each is an argv array from the workflow
 * (never a shell line, never anything from the model), in the repository root, with a timeout
 * that kills the whole process group, and with only the tail of its output kept.
 *
 * Validators run the repository's code, which the model just edited (and on a fork's PR, the
 * fork wrote): they run in the sandbox (src/sandbox): an allow-listed environment with a private
 * HOME, no view of other processes where the machine allows it, and the checkout's git
 * credentials hidden for the length of the series, with `.git/config` and hooks checked after.
 */
import { execa } from 'execa';
import { AethrError } from '../../errors.js';
import { guardUntrustedRun } from '../../sandbox/guard-run.js';
import { createSandbox, type Sandbox } from '../../sandbox/sandbox.js';
import { assertCanRunUntrusted } from '../../sandbox/untrusted-policy.js';

export interface Validator {
  name: string;
  /** argv: program first, then its arguments. */
  run: string[];
  /** Default 300. */
  timeout_seconds?: number;
}

export interface ValidatorResult {
  name: string;
  argv: string[];
  ok: boolean;
  /** Null when the process did not exit normally (killed, or could not start). */
  exitCode: number | null;
  signal?: string;
  timedOut: boolean;
  durationMs: number;
  /** The last `maxOutputBytes` of stdout and stderr, interleaved. */
  output: string;
  truncated: boolean;
  /** Why it could not run at all (e.g. program not found). */
  error?: string;
}

export interface RunValidatorsOptions {
  cwd: string;
  /** Where the sandbox's allow-listed variables are read from. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Further variables the validators need (`JAVA_HOME`, ...); secret-looking names are refused. */
  passEnv?: readonly string[];
  /** The code is untrusted (fork PR, pull_request_target): refuse to run it without isolation. */
  untrusted?: boolean;
  /** The remote's refs, compared before and after (none may move). */
  listRemote?: () => Promise<Record<string, string>>;
  /** A sandbox to run in (default: one made for this call and removed after). */
  sandbox?: Sandbox;
  /** Output kept per validator, in bytes. Default 20 000. */
  maxOutputBytes?: number;
  /** Stop after the first failure (default true). */
  stopOnFailure?: boolean;
  /** Grace period between SIGTERM and SIGKILL on timeout. Default 2000 ms. */
  killGraceMs?: number;
}

export interface ValidatorsOutcome {
  ok: boolean;
  results: ValidatorResult[];
  /** How they were isolated, for the log and the summary (`sandbox: bubblewrap (…)`). */
  sandbox?: string;
}

export const DEFAULT_VALIDATOR_TIMEOUT_SECONDS = 300;
export const MAX_VALIDATOR_TIMEOUT_SECONDS = 6 * 60 * 60;
export const DEFAULT_VALIDATOR_OUTPUT_BYTES = 20_000;

/** Throws an AethrError naming the first malformed validator (checked when a backend is created). */
export function checkValidators(validators: readonly unknown[]): Validator[] {
  return validators.map((v, i) => {
    const where = `validator ${i + 1}`;
    if (v === null || typeof v !== 'object') throw new AethrError(`${where} is not an object`);
    const { name, run, timeout_seconds: timeout } = v as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '')
      throw new AethrError(`${where} needs a "name"`);
    if (
      !Array.isArray(run) ||
      run.length === 0 ||
      !run.every((a) => typeof a === 'string') ||
      run[0] === ''
    )
      throw new AethrError(
        `validator "${name}" needs "run": a non-empty argv array of strings, e.g. ["npm", "test"]`,
      );
    if (
      timeout !== undefined &&
      (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_VALIDATOR_TIMEOUT_SECONDS)
    )
      throw new AethrError(
        `validator "${name}": timeout_seconds must be a number between 0 and ${MAX_VALIDATOR_TIMEOUT_SECONDS}`,
      );
    return {
      name,
      run: [...(run as string[])],
      ...(timeout === undefined ? {} : { timeout_seconds: timeout }),
    };
  });
}

/** What bwrap, unshare and env print when the program itself is missing. */
const NOT_FOUND_IN_SANDBOX =
  /^(bwrap: execvp|unshare: failed to execute|env: ['‘]?)[^\n]*No such file or directory/;

/** Keeps the last `max` bytes written to it. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  dropped = 0;
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.max && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      const excess = this.size - this.max;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }
  text(): string {
    let text = Buffer.concat(this.chunks).toString('utf8');
    if (this.dropped > 0) {
      const nl = text.indexOf('\n');
      if (nl >= 0 && nl < 200) text = text.slice(nl + 1); // start on a whole line
      text = `[… ${this.dropped} earlier bytes omitted …]\n${text}`;
    }
    return text;
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') process.kill(pid, signal);
    else process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export async function runValidator(
  validator: Validator,
  opts: RunValidatorsOptions,
): Promise<ValidatorResult> {
  if (opts.sandbox) return runInSandbox(validator, opts, opts.sandbox);
  const sandbox = await newSandbox(opts);
  try {
    return await runInSandbox(validator, opts, sandbox);
  } finally {
    await sandbox.dispose();
  }
}

function newSandbox(opts: RunValidatorsOptions): Promise<Sandbox> {
  return createSandbox({
    baseEnv: opts.env ?? process.env,
    ...(opts.passEnv ? { passEnv: opts.passEnv } : {}),
  });
}

async function runInSandbox(
  validator: Validator,
  opts: RunValidatorsOptions,
  sandbox: Sandbox,
): Promise<ValidatorResult> {
  const file = validator.run[0]!;
  const cmd = sandbox.command(validator.run, { cwd: opts.cwd });
  const timeoutMs = (validator.timeout_seconds ?? DEFAULT_VALIDATOR_TIMEOUT_SECONDS) * 1000;
  const grace = opts.killGraceMs ?? 2000;
  const tail = new Tail(opts.maxOutputBytes ?? DEFAULT_VALIDATOR_OUTPUT_BYTES);
  const started = performance.now();
  const result: ValidatorResult = {
    name: validator.name,
    argv: [...validator.run],
    ok: false,
    exitCode: null,
    timedOut: false,
    durationMs: 0,
    output: '',
    truncated: false,
  };

  const subprocess = execa(cmd.file, cmd.args, {
    cwd: opts.cwd,
    env: cmd.env,
    extendEnv: false,
    shell: false,
    stdin: 'ignore',
    all: true,
    buffer: false,
    reject: false,
    detached: process.platform !== 'win32',
    cleanup: true,
    windowsHide: true,
    forceKillAfterDelay: false,
  });
  subprocess.all?.on('data', (chunk: Buffer | string) =>
    tail.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)),
  );

  let killTimer: NodeJS.Timeout | undefined;
  let giveUpTimer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    result.timedOut = true;
    killGroup(subprocess.pid, 'SIGTERM');
    killTimer = setTimeout(() => killGroup(subprocess.pid, 'SIGKILL'), grace);
  }, timeoutMs);

  // If something keeps the pipes open after the kill, stop waiting for it.
  const giveUp = new Promise<'gave-up'>((resolve) => {
    giveUpTimer = setTimeout(() => resolve('gave-up'), timeoutMs + grace + 5000);
  });
  try {
    const done = await Promise.race([subprocess, giveUp]);
    if (done === 'gave-up') {
      killGroup(subprocess.pid, 'SIGKILL');
      subprocess.all?.destroy();
      result.timedOut = true;
      result.error = 'the validator did not finish after being killed';
    } else {
      result.exitCode = typeof done.exitCode === 'number' ? done.exitCode : null;
      if (done.signal) result.signal = done.signal;
      const code = (done as { code?: string }).code;
      if (done.failed && result.exitCode === null && !done.signal && !result.timedOut) {
        result.error = code === 'ENOENT' ? `"${file}" was not found` : done.shortMessage;
      }
      // The sandbox wrapper ran, but could not start the program.
      if (NOT_FOUND_IN_SANDBOX.test(tail.text().slice(0, 500)) && result.exitCode !== 0)
        result.error = `"${file}" was not found`;
    }
  } finally {
    clearTimeout(timer);
    if (killTimer) clearTimeout(killTimer);
    if (giveUpTimer) clearTimeout(giveUpTimer);
    // Grandchildren the validator left behind do not outlive it.
    if (process.platform !== 'win32' && subprocess.pid !== undefined)
      killGroup(subprocess.pid, 'SIGKILL');
  }
  result.durationMs = Math.round(performance.now() - started);
  result.output = tail.text();
  result.truncated = tail.dropped > 0;
  result.ok = !result.timedOut && result.exitCode === 0;
  return result;
}

/**
 * Runs the validators in order in one sandbox, with the checkout's credentials hidden meanwhile.
 * Throws `SandboxUnavailable` for untrusted code on a machine without isolation (nothing runs),
 * and `SandboxIntegrityError` when a validator changed `.git/config` or hooks.
 */
export async function runValidators(
  validators: readonly Validator[],
  opts: RunValidatorsOptions,
): Promise<ValidatorsOutcome> {
  if (validators.length === 0) return { ok: true, results: [] };
  const sandbox = opts.sandbox ?? (await newSandbox(opts));
  try {
    assertCanRunUntrusted({
      untrusted: opts.untrusted === true,
      isolation: sandbox.isolation,
      what: 'validators',
    });
    return await guardUntrustedRun(
      opts.cwd,
      async () => {
        const results: ValidatorResult[] = [];
        for (const validator of validators) {
          const result = await runInSandbox(validator, opts, sandbox);
          results.push(result);
          if (!result.ok && (opts.stopOnFailure ?? true)) break;
        }
        return { ok: results.every((r) => r.ok), results, sandbox: sandbox.isolation.description };
      },
      opts.listRemote ? { listRemote: opts.listRemote } : {},
    );
  } finally {
    if (!opts.sandbox) await sandbox.dispose();
  }
}

/** One line per validator, e.g. `✗ test (exit 1, 1.2 s)`. */
export function describeValidatorResult(r: ValidatorResult): string {
  const secs = `${(r.durationMs / 1000).toFixed(1)} s`;
  const why = r.timedOut
    ? 'timed out'
    : r.error
      ? r.error
      : r.signal
        ? `killed by ${r.signal}`
        : `exit ${r.exitCode}`;
  return `${r.ok ? 'passed' : 'FAILED'}: ${r.name} (${why}, ${secs})`;
}
