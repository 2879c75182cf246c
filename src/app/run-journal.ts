/**
 * What the queue keeps of a run while it works, so a later attempt (or the note that abandons it)
 * can finish what this one started: the run's subject as the publishers got it, and every check
 * run it created until that check run is completed.
 */
import type { Forge } from '../github/forge.js';
import type { Publisher } from '../github/publisher.js';
import type { QueuedRun, RunQueue } from './run-queue.js';

/** The Forge with each check run this attempt creates or completes recorded in the queue. */
export function journalForge(forge: Forge, queue: RunQueue, run: QueuedRun): Forge {
  return {
    ...forge,
    async createCheckRun(checkRun) {
      const made = await forge.createCheckRun(checkRun);
      queue.recordCheckRun(run.id, made.id, run.attempts);
      return made;
    },
    async updateCheckRun(id, update) {
      await forge.updateCheckRun(id, update);
      if (update.conclusion) queue.closeCheckRun(run.id, id);
    },
  };
}

/** First of the run's publishers: records the subject before anything is written on GitHub. */
export function journalPublisher(queue: RunQueue, run: QueuedRun): Publisher {
  return {
    name: 'app journal',
    async start(subject) {
      queue.recordSubject(run.id, JSON.stringify(subject));
    },
    async finish() {},
  };
}

/** Check runs an earlier attempt left `in_progress` (it died): completed as cancelled. */
export async function closeEarlierCheckRuns(
  forge: Forge,
  queue: RunQueue,
  run: QueuedRun,
  log: (message: string) => void,
): Promise<void> {
  for (const id of queue.openCheckRuns(run.id)) {
    await forge.updateCheckRun(id, {
      conclusion: 'cancelled',
      output: {
        title: 'Interrupted',
        summary:
          'The aethr App stopped while this run was working. The run was taken up again (or abandoned with a note on the pull request); its own check run carries the verdict.',
      },
    });
    queue.closeCheckRun(run.id, id);
    log(
      `Completed check run ${id}, left in progress by attempt ${run.attempts - 1}, as cancelled.`,
    );
  }
}
