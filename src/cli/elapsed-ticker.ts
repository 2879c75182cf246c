/**
 * An elapsed-time line while a model or backend works and nothing is printed, e.g.
 * `⠹ review · openai:gpt-4o-mini · 4.2s`, redrawn in place. Only for a terminal: the caller
 * creates none when stdout is not a TTY, so pipes and logs never see a control code.
 *
 * It draws only at the start of a line and only after a moment without output, and it erases
 * itself before anything else is written, so streamed text is never interleaved with it.
 */
export interface Timer {
  stop(): void;
}

export interface TickerOptions {
  write: (text: string) => void;
  now?: () => number;
  /** Calls `fn` every `ms` until stopped; default setInterval, unref'd. */
  every?: (ms: number, fn: () => void) => Timer;
}

export interface ElapsedTicker {
  /** Starts timing `label` (stops an earlier one). */
  start(label: string): void;
  /** Output is about to be written: erase the line if it is drawn. `atLineStart` after it. */
  beforeOutput(): void;
  /** Whether the cursor is at the start of a line after the output just written. */
  afterOutput(atLineStart: boolean): void;
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const TICK_MS = 100;
/** Quiet time before the line appears, so it does not flash between streamed lines. */
const IDLE_MS = 400;
const ERASE = '\r\u001b[2K';

const defaultEvery = (ms: number, fn: () => void): Timer => {
  const handle = setInterval(fn, ms);
  handle.unref();
  return { stop: () => clearInterval(handle) };
};

export function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
}

export function createElapsedTicker(options: TickerOptions): ElapsedTicker {
  const now = options.now ?? Date.now;
  const every = options.every ?? defaultEvery;
  let timer: Timer | undefined;
  let label = '';
  let startedAt = 0;
  let lastOutput = 0;
  let atLineStart = true;
  let drawn = false;
  let frame = 0;

  const erase = (): void => {
    if (drawn) options.write(ERASE);
    drawn = false;
  };
  const tick = (): void => {
    const t = now();
    if (!atLineStart || t - lastOutput < IDLE_MS) return;
    frame = (frame + 1) % FRAMES.length;
    options.write(`${ERASE}${FRAMES[frame]} ${label} · ${formatElapsed(t - startedAt)}`);
    drawn = true;
  };
  const stop = (): void => {
    timer?.stop();
    timer = undefined;
    erase();
  };

  return {
    start(newLabel) {
      stop();
      label = newLabel;
      startedAt = lastOutput = now();
      atLineStart = true;
      timer = every(TICK_MS, tick);
    },
    beforeOutput: erase,
    afterOutput(lineStart) {
      atLineStart = lineStart;
      lastOutput = now();
    },
    stop,
  };
}
