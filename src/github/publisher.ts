/**
 * The Publisher port: where a run's progress and outcome go. A door composes the publishers it
 * needs (the PR comments and check run everywhere; the step outputs and job summary in the
 * Action; the terminal in `aethr pr`), and every run kind ends through the same `finish`.
 *
 * Publishers are made per run and may keep what `start` created (a comment id, a check run id).
 * They share one `Publication` record, in order: the PR comments publisher places the findings
 * and leaves the summary's URL, which later publishers link to. A failing publisher never hides
 * the run's own outcome: its error is logged and the others go on.
 */
import { toError } from '../errors.js';
import type { AnchorResult } from './diff-anchor.js';
import type { PriorRun, RunOutcome, RunSubject } from './run-outcome.js';
import type { RunLog } from './run-log.js';

/** What publishers of one run tell each other. */
export interface Publication {
  /** Notes for the people reading the summary (e.g. "add checks: write for the check run"). */
  notes: string[];
  /** The sticky summary comment. */
  summaryUrl?: string;
  /** The findings as placed: inline on diff lines, or listed in the summary. */
  placed?: AnchorResult;
  /** Finding fingerprint → its inline comment, for links from the summary. */
  inlineUrls?: ReadonlyMap<string, string>;
}

export interface Publisher {
  readonly name: string;
  /** A failed `start` stops the run before it spends anything (the PR comments: nowhere to report). */
  readonly required?: boolean;
  /** The run is authorised and about to work. May return what earlier runs left. */
  start?(subject: RunSubject, publication: Publication): Promise<Partial<PriorRun> | void>;
  /** Exactly once per run, whatever happened. */
  finish(outcome: RunOutcome, publication: Publication): Promise<void>;
}

export interface ComposedPublisher {
  start(subject: RunSubject): Promise<PriorRun>;
  finish(outcome: RunOutcome): Promise<Publication>;
  /** The subject `start` was given: a run that failed before it has nothing to update. */
  readonly subject: RunSubject | undefined;
}

export function composePublishers(
  publishers: readonly Publisher[],
  log: RunLog,
): ComposedPublisher {
  let subject: RunSubject | undefined;
  const publication: Publication = { notes: [] };
  const guarded = async <T>(
    p: Publisher,
    what: string,
    fn: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      log.warning(`Could not ${what} (${p.name}): ${toError(error).message}`);
      return undefined;
    }
  };
  return {
    get subject() {
      return subject;
    },
    async start(s) {
      subject = s;
      const prior: PriorRun = { spentUsd: 0 };
      for (const p of publishers) {
        if (!p.start) continue;
        const begin = (): Promise<Partial<PriorRun> | void> => p.start!(s, publication);
        const found = p.required
          ? await begin()
          : await guarded(p, 'publish the start of the run', begin);
        if (found?.spentUsd !== undefined)
          prior.spentUsd = Math.max(prior.spentUsd, found.spentUsd);
      }
      return prior;
    },
    async finish(outcome) {
      for (const p of publishers) {
        await guarded(p, 'publish the outcome', () => p.finish(outcome, publication));
      }
      return publication;
    },
  };
}
