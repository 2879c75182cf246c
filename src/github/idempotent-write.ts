/**
 * Creating something on GitHub when the answer may be lost: a POST that failed with a 5xx or a
 * dropped connection may still have happened, so it is never sent again blindly. Before each new
 * attempt the thing is looked up (by its hidden marker, fingerprint, or name and head); only when
 * it is not there is it created again. Octokit's own retries are off for these POSTs.
 */
import { mayHaveHappened } from './forge.js';

export interface CreateOnce<T> {
  create: () => Promise<T>;
  /** The thing, if an earlier attempt made it. */
  find: () => Promise<T | undefined>;
  /** Attempts in all (default 3). */
  attempts?: number;
  /** Wait before looking again, doubled each time (default 1 s). */
  delayMs?: number;
}

export async function createOnce<T>(op: CreateOnce<T>): Promise<T> {
  const attempts = op.attempts ?? 3;
  let delay = op.delayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op.create();
    } catch (error) {
      if (!mayHaveHappened(error)) throw error;
      await new Promise((done) => setTimeout(done, delay));
      delay *= 2;
      const made = await op.find().catch(() => undefined);
      if (made !== undefined) return made;
      if (attempt >= attempts) throw error;
    }
  }
}
