/**
 * Creating something on GitHub when the answer may be lost: a POST that failed with a 5xx or a
 * dropped connection may still have happened, so it is never sent again blindly. Before each new
 * attempt the thing is looked up (by its hidden marker, fingerprint, or name and head; a check
 * run's annotations, which each update appends, by the run's count); only when it is not there
 * is it created again. Octokit's own retries are off for these requests. A write refused for a rate
 * limit made nothing: it is sent again after a wait.
 */
import { ForgeError, mayHaveHappened } from './forge.js';

export interface CreateOnce<T> {
  create: () => Promise<T>;
  /** The thing, if an earlier attempt made it. */
  find: () => Promise<T | undefined>;
  /** Creates in all, and failed look-ups in all (default 3 each). */
  attempts?: number;
  /** Wait before looking again, doubled each time up to 8 times (default 1 s). */
  delayMs?: number;
}

export async function createOnce<T>(op: CreateOnce<T>): Promise<T> {
  const attempts = op.attempts ?? 3;
  const base = op.delayMs ?? 1000;
  let delay = base;
  let creates = 0;
  let failedLookups = 0;
  for (;;) {
    try {
      creates++;
      return await op.create();
    } catch (error) {
      // Rate-limited past the client's own retries: GitHub made nothing, so wait and send again.
      if (isRateLimited(error) && creates < attempts) {
        await new Promise((done) => setTimeout(done, delay));
        delay = Math.min(delay * 2, base * 8);
        continue;
      }
      if (!mayHaveHappened(error)) throw error;
      // Only GitHub saying "it is not there" sends it again: a look-up that fails says nothing.
      for (;;) {
        await new Promise((done) => setTimeout(done, delay));
        delay = Math.min(delay * 2, base * 8);
        const looked = await op.find().then(
          (made) => ({ made }),
          () => undefined,
        );
        if (looked?.made !== undefined) return looked.made;
        if (looked === undefined && ++failedLookups < attempts) continue;
        if (looked === undefined || creates >= attempts) throw error;
        break;
      }
    }
  }
}

function isRateLimited(error: unknown): boolean {
  return error instanceof ForgeError && error.kind === 'rate-limit';
}
