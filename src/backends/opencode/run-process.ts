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
  const group = superviseGroup(child, options);

  const stdout = new LineSplitter(
    options.onLine,
    options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT,
    options.maxLineBytes ?? DEFAULT_MAX_LINE,
  );
  child.stdout?.on('data', (chunk: Buffer) => stdout.write(chunk));
  const stderr = new TailBuffer(maxStderr);
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

  try {
    const result = await child;
    stdout.end();
    const out: ProcessRunResult = {
      exitCode: typeof result.exitCode === 'number' ? result.exitCode : undefined,
      signal: result.signal ?? undefined,
      timedOut: group.timedOut,
      stderr: stderr.text(),
      stdoutBytes: stdout.bytes,
      stdoutCapped: stdout.capped,
      durationMs: Date.now() - started,
    };
    if (
      !group.exited &&
      result.failed &&
      out.exitCode === undefined &&
      out.signal === undefined &&
      !group.timedOut
    ) {
      const cause = (result as { cause?: unknown }).cause as NodeJS.ErrnoException | undefined;
      out.spawnError = {
        message: cause?.message ?? result.shortMessage ?? 'could not start',
        ...(cause?.code ? { code: cause.code } : {}),
      };
    }
    return out;
  } finally {
    group.release();
  }
}

interface GroupWatch {
  /** The timeout fired. */
  readonly timedOut: boolean;
  /** The process exited (as opposed to never starting). */
  readonly exited: boolean;
  /** Clears the timers and listeners. */
  release(): void;
}

/**
 * Watches the child's process group: stopped (SIGTERM, SIGKILL after the grace period) on the
 * timeout or the abort signal; killed outright when the child exits (stragglers) or we do.
 */
function superviseGroup(
  child: { pid?: number | undefined; once(event: 'exit', listener: () => void): unknown },
  options: Pick<ProcessRunOptions, 'timeoutMs' | 'killGraceMs' | 'signal'>,
): GroupWatch {
  const state = { timedOut: false, exited: false };
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
    state.timedOut = true;
    stop();
  }, options.timeoutMs);

  child.once('exit', () => {
    state.exited = true;
    // Anything the agent left behind in its group (a shell, a server) goes with it; this also
    // releases stdout/stderr pipes a straggler still holds, so the run can end.
    killGroup('SIGKILL');
  });

  return {
    get timedOut() {
      return state.timedOut;
    },
    get exited() {
      return state.exited;
    },
    release() {
      clearTimeout(timer);
      if (graceTimer) clearTimeout(graceTimer);
      process.removeListener('exit', onParentExit);
      options.signal?.removeEventListener('abort', stop);
    },
  };
}

/**
 * A byte stream cut into lines for `onLine` (without the newline): reading stops past `maxBytes`
 * (later bytes are counted, not read), a line longer than `maxLine` is skipped, a consumer that
 * throws does not stop the stream. `end()` hands over an unterminated last line.
 */
export class LineSplitter {
  /** Bytes written, up to the first chunk past the cap. */
  bytes = 0;
  capped = false;
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private skipping = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxBytes: number,
    private readonly maxLine: number,
  ) {}

  write(chunk: Buffer): void {
    if (this.capped) return;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.capped = true;
      return;
    }
    this.feed(this.decoder.write(chunk));
  }

  end(): void {
    if (this.capped) return;
    const rest = this.pending + this.decoder.end();
    if (!this.skipping && rest.trim() !== '') this.emit(rest);
  }

  private feed(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      start = nl + 1;
      if (this.skipping) {
        this.skipping = false;
        this.pending = '';
        continue;
      }
      const line = this.pending + piece;
      this.pending = '';
      this.emit(line);
    }
    if (!this.skipping) this.pending += text.slice(start);
    if (this.pending.length > this.maxLine) {
      this.pending = '';
      this.skipping = true;
    }
  }

  private emit(line: string): void {
    try {
      this.onLine(line);
    } catch {
      // A consumer's bug must not wedge the pipe.
    }
  }
}

/** The last `max` bytes of a stream, kept without holding more than twice that. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size > this.max * 2) {
      const all = Buffer.concat(this.chunks);
      const tail = all.subarray(all.length - this.max);
      this.chunks = [tail];
      this.size = tail.length;
    }
  }

  text(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.max)).toString('utf8');
  }
}
