/**
 * Runs one agent process (opencode) the bounded way: argv only (never a shell), stdin from
 * /dev/null, its own process group, a hard timeout that stops the whole group (SIGTERM, then
 * SIGKILL after a grace period), stdout read line by line as it arrives, stdout and stderr capped.
 * Whatever the process leaves running in its group when it exits is killed too.
 *
 * execa is imported on first use, so loading this module costs nothing at CLI start-up.
 */
import { StringDecoder } from 'node:string_decoder';

export interface ProcessRunOptions {
  bin: string;
  args: readonly string[];
  cwd: string;
  /** The complete environment (nothing is inherited). */
  env: Record<string, string>;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL on timeout. Default 3000 ms. */
  killGraceMs?: number;
  /** Called with each complete stdout line (without the newline). */
  onLine: (line: string) => void;
  /** Stdout bytes read into lines at most; beyond this stdout is drained unread. Default 64 MiB. */
  maxStdoutBytes?: number;
  /** A single line longer than this is skipped. Default 8 MiB. */
  maxLineBytes?: number;
  /** Stderr tail kept, in bytes. Default 16 KiB. */
  maxStderrBytes?: number;
  /** Stops the process group like a timeout does (e.g. when a budget refused the agent's call). */
  signal?: AbortSignal;
}

export interface ProcessRunResult {
  /** Undefined when the process was killed by a signal or never started. */
  exitCode: number | undefined;
  signal: string | undefined;
  timedOut: boolean;
  /** The last `maxStderrBytes` of stderr. */
  stderr: string;
  stdoutBytes: number;
  /** True when stdout went past `maxStdoutBytes` (later lines were not read). */
  stdoutCapped: boolean;
  durationMs: number;
  /** Set when the process could not be started at all. */
  spawnError?: { message: string; code?: string };
}

export const DEFAULT_KILL_GRACE_MS = 3_000;
const DEFAULT_MAX_STDOUT = 64 * 1024 * 1024;
const DEFAULT_MAX_LINE = 8 * 1024 * 1024;
const DEFAULT_MAX_STDERR = 16 * 1024;

export async function runProcess(options: ProcessRunOptions): Promise<ProcessRunResult> {
  const { execa } = await import('execa');
  const started = Date.now();
  const maxStdout = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT;
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE;
  const maxStderr = options.maxStderrBytes ?? DEFAULT_MAX_STDERR;

  const child = execa(options.bin, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    detached: true,
    windowsHide: true,
  });

  let exited = false;
  const killGroup = (signal: NodeJS.Signals): void => {
    const pid = child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const onParentExit = (): void => killGroup('SIGKILL');
  process.once('exit', onParentExit);

  let timedOut = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    killGroup('SIGTERM');
    graceTimer ??= setTimeout(
      () => killGroup('SIGKILL'),
      options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
    );
    graceTimer.unref?.();
  };
  if (options.signal?.aborted) queueMicrotask(stop);
  options.signal?.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    graceTimer = setTimeout(
      () => killGroup('SIGKILL'),
      options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
    );
    graceTimer.unref?.();
  }, options.timeoutMs);

  child.once('exit', () => {
    exited = true;
    // Anything the agent left behind in its group (a shell, a server) goes with it; this also
    // releases stdout/stderr pipes a straggler still holds, so the run can end.
    killGroup('SIGKILL');
  });

  // stdout, line by line
  let stdoutBytes = 0;
  let stdoutCapped = false;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let skipping = false;
  const feed = (text: string): void => {
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      start = nl + 1;
      if (skipping) {
        skipping = false;
        pending = '';
        continue;
      }
      const line = pending + piece;
      pending = '';
      try {
        options.onLine(line);
      } catch {
        // A consumer's bug must not wedge the pipe.
      }
    }
    if (!skipping) pending += text.slice(start);
    if (pending.length > maxLine) {
      pending = '';
      skipping = true;
    }
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    if (stdoutCapped) return;
    stdoutBytes += chunk.length;
    if (stdoutBytes > maxStdout) {
      stdoutCapped = true;
      return;
    }
    feed(decoder.write(chunk));
  });

  // stderr, tail only
  let stderrChunks: Buffer[] = [];
  let stderrSize = 0;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrChunks.push(chunk);
    stderrSize += chunk.length;
    if (stderrSize > maxStderr * 2) {
      const all = Buffer.concat(stderrChunks);
      const tail = all.subarray(all.length - maxStderr);
      stderrChunks = [tail];
      stderrSize = tail.length;
    }
  });

  try {
    const result = await child;
    if (!stdoutCapped) {
      const rest = pending + decoder.end();
      if (!skipping && rest.trim() !== '') {
        try {
          options.onLine(rest);
        } catch {
          // see above
        }
      }
    }
    const stderrAll = Buffer.concat(stderrChunks);
    const stderr = stderrAll.subarray(Math.max(0, stderrAll.length - maxStderr)).toString('utf8');
    const out: ProcessRunResult = {
      exitCode: typeof result.exitCode === 'number' ? result.exitCode : undefined,
      signal: result.signal ?? undefined,
      timedOut,
      stderr,
      stdoutBytes,
      stdoutCapped,
      durationMs: Date.now() - started,
    };
    if (
      !exited &&
      result.failed &&
      out.exitCode === undefined &&
      out.signal === undefined &&
      !timedOut
    ) {
      const cause = (result as { cause?: unknown }).cause as NodeJS.ErrnoException | undefined;
      out.spawnError = {
        message: cause?.message ?? result.shortMessage ?? 'could not start',
        ...(cause?.code ? { code: cause.code } : {}),
      };
    }
    return out;
  } finally {
    clearTimeout(timer);
    if (graceTimer) clearTimeout(graceTimer);
    process.removeListener('exit', onParentExit);
    options.signal?.removeEventListener('abort', stop);
  }
}
