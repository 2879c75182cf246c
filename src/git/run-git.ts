/**
 * The one place that starts `git`. Always an argv (never a shell), never interactive, never paged,
 * with a stable locale so callers can parse messages, bounded in time and output size.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { AethrError } from '../errors.js';

export type GitErrorKind =
  /** `git` is not installed or not on PATH. */
  | 'not-installed'
  /** The working directory does not exist or is not a directory. */
  | 'bad-cwd'
  /** git ran and exited with a code not in `okCodes`. */
  | 'exit'
  /** git did not finish within `timeoutMs`. */
  | 'timeout'
  /** git wrote more than `maxBytes` on stdout or stderr (and `onOverflow` is `error`). */
  | 'output-too-large'
  /** The caller's AbortSignal fired. */
  | 'aborted'
  /** Anything else that kept git from running. */
  | 'spawn';

export class GitError extends AethrError {
  override name = 'GitError';
  readonly kind: GitErrorKind;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The exit code, when git ran to completion. */
  readonly exitCode: number | undefined;
  readonly stderr: string;
  constructor(
    message: string,
    details: {
      kind: GitErrorKind;
      args: readonly string[];
      cwd: string;
      exitCode?: number;
      stderr?: string;
      cause?: unknown;
      hint?: string;
    },
  ) {
    super(message, { cause: details.cause, hint: details.hint });
    this.kind = details.kind;
    this.args = details.args;
    this.cwd = details.cwd;
    this.exitCode = details.exitCode;
    this.stderr = details.stderr ?? '';
  }
}

export interface RunGitOptions {
  /** Written to git's stdin (stdin is closed either way). */
  input?: string;
  /** Cap on stdout and on stderr, in bytes. Default 64 MiB. */
  maxBytes?: number;
  /** Default 120 s. */
  timeoutMs?: number;
  /** Further exit codes that count as success (0 always does), e.g. `[1]` for `diff --no-index`. */
  okCodes?: number[];
  /**
   * What to do when output exceeds `maxBytes`: `error` (default) rejects with a GitError;
   * `truncate` stops git and resolves with the first `maxBytes` bytes and `truncated: true`.
   */
  onOverflow?: 'error' | 'truncate';
  /** Extra environment variables (override the defaults below). */
  env?: Record<string, string>;
  signal?: AbortSignal;
}

export interface RunGitResult {
  stdout: string;
  stderr: string;
  code: number;
  /** True when output was cut at `maxBytes` (only with `onOverflow: 'truncate'`). */
  truncated?: boolean;
}

/** Anything shaped like `runGit` (tests wrap it to observe or alter calls). */
export type GitRunner = (
  cwd: string,
  args: readonly string[],
  opts?: RunGitOptions,
) => Promise<RunGitResult>;

export const DEFAULT_GIT_TIMEOUT_MS = 120_000;
export const DEFAULT_GIT_MAX_BYTES = 64 * 1024 * 1024;

/** Global options put before every subcommand. */
const GLOBAL_ARGS = ['--no-pager', '-c', 'core.quotepath=off'] as const;

/** Environment that keeps git non-interactive and its output stable. */
export function gitEnv(extra?: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    // git treats ":" as "do not launch an editor" (merge/commit messages are then taken as given).
    GIT_EDITOR: ':',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    ...extra,
  };
}

/** `git diff HEAD` style description of the command, for messages (never includes stdin). */
function describe(args: readonly string[]): string {
  const shown = args.slice(0, 8).join(' ');
  return `git ${shown}${args.length > 8 ? ' …' : ''}`;
}

function firstLines(text: string, max = 3): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, max)
    .join(' / ');
}

/**
 * Runs `git <args>` in `cwd`. Resolves when the exit code is in `okCodes`; otherwise rejects
 * with a GitError whose `kind` says why.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  opts: RunGitOptions = {},
): Promise<RunGitResult> {
  const okCodes = opts.okCodes ?? [];
  const maxBytes = opts.maxBytes ?? DEFAULT_GIT_MAX_BYTES;
  const argv = [...GLOBAL_ARGS, ...args];
  const what = describe(args);

  return new Promise<RunGitResult>((resolve, reject) => {
    const child = execFile(
      'git',
      argv,
      {
        cwd,
        env: gitEnv(opts.env),
        encoding: 'buffer',
        maxBuffer: maxBytes,
        timeout: opts.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        windowsHide: true,
        shell: false,
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      (error, stdoutBuf, stderrBuf) => {
        const stdout = Buffer.isBuffer(stdoutBuf)
          ? stdoutBuf.toString('utf8')
          : String(stdoutBuf ?? '');
        const stderr = Buffer.isBuffer(stderrBuf)
          ? stderrBuf.toString('utf8')
          : String(stderrBuf ?? '');
        if (!error) {
          resolve({ stdout, stderr, code: 0 });
          return;
        }
        void settleFailure(error, {
          what,
          args,
          cwd,
          stdout,
          stderr,
          opts,
          okCodes,
          maxBytes,
        }).then((settled) => (settled instanceof GitError ? reject(settled) : resolve(settled)));
      },
    );
    if (child.stdin) {
      child.stdin.on('error', () => {
        // git may exit before reading all its input (EPIPE); the exit code tells the story.
      });
      child.stdin.end(opts.input ?? '');
    }
  });
}

interface Failure {
  what: string;
  args: readonly string[];
  cwd: string;
  stdout: string;
  stderr: string;
  opts: RunGitOptions;
  okCodes: number[];
  maxBytes: number;
}

/** What a failed execFile means: an accepted exit code, a truncated result, or a GitError. */
async function settleFailure(error: Error, f: Failure): Promise<RunGitResult | GitError> {
  const { what, args, cwd, stdout, stderr, opts } = f;
  const err = error as NodeJS.ErrnoException & {
    code?: string | number | null;
    killed?: boolean;
    signal?: NodeJS.Signals | null;
  };
  const fail = (message: string, kind: GitErrorKind, extra: { hint?: string } = {}) =>
    new GitError(message, { kind, args, cwd, stderr, cause: error, ...extra });
  if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return opts.onOverflow === 'truncate'
      ? { stdout, stderr, code: 0, truncated: true }
      : fail(`${what} produced more than ${f.maxBytes} bytes of output`, 'output-too-large');
  }
  if (err.name === 'AbortError' || err.code === 'ABORT_ERR')
    return fail(`${what} was cancelled`, 'aborted');
  if (err.code === 'ENOENT' && err.syscall?.startsWith('spawn')) {
    // Node reports a missing cwd and a missing binary the same way: tell them apart.
    const dir = await stat(cwd).then(
      (st) => st.isDirectory(),
      () => undefined,
    );
    if (dir === undefined) return fail(`cannot run git: ${cwd} does not exist`, 'bad-cwd');
    if (!dir) return fail(`cannot run git: ${cwd} is not a directory`, 'bad-cwd');
    return fail('git is not installed or not on PATH', 'not-installed', {
      hint: 'Install git (https://git-scm.com) and make sure `git --version` works in this shell.',
    });
  }
  if (typeof err.code === 'number') {
    if (f.okCodes.includes(err.code)) return { stdout, stderr, code: err.code };
    const detail = firstLines(stderr) || firstLines(stdout);
    return new GitError(`${what} failed (exit ${err.code})${detail ? `: ${detail}` : ''}`, {
      kind: 'exit',
      args,
      cwd,
      exitCode: err.code,
      stderr,
      cause: error,
    });
  }
  if (err.killed || err.signal) {
    const timedOut = err.killed === true;
    return fail(
      timedOut
        ? `${what} timed out after ${opts.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS} ms`
        : `${what} was killed by ${String(err.signal)}`,
      timedOut ? 'timeout' : 'spawn',
    );
  }
  return fail(`${what} could not run: ${err.message}`, 'spawn');
}

/**
 * True when `cwd` is inside a git work tree. False when git says it is not a repository (or
 * `cwd` is inside `.git`). Rejects with a GitError when git is missing or fails otherwise
 * (e.g. "dubious ownership"), so callers can tell "not a repo" from "cannot tell".
 */
export async function isGitRepo(cwd: string): Promise<boolean> {
  const res = await runGit(cwd, ['rev-parse', '--is-inside-work-tree'], {
    okCodes: [0, 128],
    timeoutMs: 30_000,
  });
  if (res.code === 0) return res.stdout.trim() === 'true';
  if (/not a git repository/i.test(res.stderr)) return false;
  throw new GitError(`git rev-parse failed in ${cwd}: ${firstLines(res.stderr) || 'exit 128'}`, {
    kind: 'exit',
    args: ['rev-parse', '--is-inside-work-tree'],
    cwd,
    exitCode: 128,
    stderr: res.stderr,
  });
}

/** The absolute top-level directory of the work tree containing `cwd` (rejects outside git). */
export async function repoRoot(cwd: string): Promise<string> {
  const res = await runGit(cwd, ['rev-parse', '--show-toplevel'], { timeoutMs: 30_000 });
  const top = res.stdout.replace(/\r?\n$/, '');
  if (top === '') {
    throw new GitError(`${cwd} is not inside a git work tree`, {
      kind: 'exit',
      args: ['rev-parse', '--show-toplevel'],
      cwd,
      exitCode: 0,
      stderr: res.stderr,
    });
  }
  return top;
}
