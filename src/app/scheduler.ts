/**
 * The bounded pool over the queue (after aetherflow's daemon: a pool of slots, crash retries,
 * drain): at most `poolSize` runs at once and never two of one PR (the queue's `claimNext`), a
 * run whose attempt throws is retried later until it runs out of attempts, and `drain` stops
 * taking work and waits for the running runs up to a deadline.
 */
import { toError } from '../errors.js';
import type { QueuedRun, RunQueue, RunState } from './run-queue.js';

/** How an attempt ended; a thrown error means "try again later" (until attempts run out). */
export interface AttemptResult {
  state: Exclude<RunState, 'queued' | 'running'>;
  /** One line for /status: `finished:pass`, `skipped:denied`, `dispatched`, … */
  outcome: string;
  note?: string;
}

export type Executor = (run: QueuedRun) => Promise<AttemptResult>;

export interface SchedulerEvents {
  started?(run: QueuedRun): void;
  ended?(run: QueuedRun, result: AttemptResult | { retry: string } | { abandon: string }): void;
}

export interface SchedulerOptions {
  queue: RunQueue;
  poolSize: number;
  maxAttempts: number;
  execute: Executor;
  events?: SchedulerEvents;
  /** Delay before attempt n+1 (default 2 s, 8 s, 32 s, … capped at 5 min). */
  retryDelayMs?: (attempt: number) => number;
  /** Applied to error messages before they are stored (they show in /status). */
  redact?: (text: string) => string;
}

export class Scheduler {
  private readonly active = new Map<number, Promise<void>>();
  private draining = false;
  /** Set by `close`: attempts still going record nothing. */
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly o: SchedulerOptions) {}

  /** Runs now working. */
  get running(): number[] {
    return [...this.active.keys()];
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Starts whatever may start now; call after an enqueue. */
  kick(): void {
    // A full pool is kicked again as each run ends.
    if (this.draining || this.active.size >= this.o.poolSize) return;
    while (this.active.size < this.o.poolSize) {
      const run = this.o.queue.claimNext();
      if (!run) break;
      this.startAttempt(run);
    }
    this.armTimer();
  }

  /** Wakes up when the earliest delayed retry may start. */
  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.draining) return;
    const at = this.o.queue.nextWakeAt();
    if (at === undefined) return;
    const wait = Math.max(50, at - Date.now());
    this.timer = setTimeout(() => this.kick(), Math.min(wait, 60_000));
    this.timer.unref();
  }

  private startAttempt(run: QueuedRun): void {
    this.o.events?.started?.(run);
    const work = this.attempt(run).finally(() => {
      this.active.delete(run.id);
      if (!this.closed) this.kick();
    });
    this.active.set(run.id, work);
  }

  private async attempt(run: QueuedRun): Promise<void> {
    const { queue, events } = this.o;
    try {
      const result = await this.o.execute(run);
      // Past the drain deadline the queue may be closed: the run was put back, nothing to record.
      if (this.closed) return;
      queue.finish(run.id, result.state, result.outcome, result.note);
      events?.ended?.(run, result);
    } catch (error) {
      if (this.closed) return;
      const first = toError(error).message.split('\n')[0]!.slice(0, 500);
      const message = this.o.redact ? this.o.redact(first) : first;
      if (run.abandon) {
        // Even the note could not be posted; nothing more will be tried.
        queue.finish(run.id, 'abandoned', 'abandoned', `the note could not be posted: ${message}`);
        events?.ended?.(run, { abandon: message });
      } else if (run.attempts < this.o.maxAttempts) {
        const delay = (this.o.retryDelayMs ?? defaultRetryDelay)(run.attempts);
        queue.retryLater(run.id, `attempt ${run.attempts} failed: ${message}`, delay);
        events?.ended?.(run, { retry: message });
      } else {
        queue.markForAbandon(run.id, `all ${run.attempts} attempt(s) failed; the last: ${message}`);
        events?.ended?.(run, { abandon: message });
      }
    }
  }

  /**
   * Stops taking work and waits for running runs, at most `deadlineMs`. Returns the runs still
   * working at the deadline (the caller puts them back in the queue as it exits).
   */
  async drain(deadlineMs: number): Promise<number[]> {
    this.draining = true;
    if (this.timer) clearTimeout(this.timer);
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((done) => {
      timeout = setTimeout(done, deadlineMs);
    });
    await Promise.race([Promise.allSettled([...this.active.values()]), deadline]);
    clearTimeout(timeout);
    return this.running;
  }

  /** After `drain`: attempts still going (cut off by the deadline) no longer touch the queue. */
  close(): void {
    this.closed = true;
  }
}

function defaultRetryDelay(attempt: number): number {
  return Math.min(2000 * 4 ** (attempt - 1), 300_000);
}
