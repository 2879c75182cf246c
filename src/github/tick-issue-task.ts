/**
 * Ticking a task's box in the issue body without losing what others wrote meanwhile.
 *
 * GitHub has no conditional update for issues (PATCH takes no ETag / If-Match), so the edit is
 * made as close to a compare-and-swap as the API allows: read the body fresh, tick the box in
 * that body (found by the task's text, not its position), write it, and read it back. If the
 * read-back lacks the tick, someone saved over it (an editor opened before our write): the loop
 * starts again from their body, so their text and our tick both survive. What this cannot see is
 * an edit landing in the one round trip between our read and our write; that window is a single
 * request long, never the minutes a task takes, because the body is never cached across tasks.
 *
 * The body written is GitHub's own copy with one box ticked, never text aethr wrote, so it does
 * not go through the outbound filter (which could rewrite an author's links or withhold their
 * whole description for a token-shaped word in it).
 */
import type { Forge } from './forge.js';
import { tickTask } from './milestone-tasks.js';

export type TickOutcome =
  | { ok: true; status: 'ticked' | 'already' }
  | { ok: false; reason: 'missing' | 'conflict'; message: string };

/** Attempts before giving up on a body that keeps changing under us. */
const ATTEMPTS = 4;

export async function tickIssueTask(
  forge: Forge,
  issueNumber: number,
  task: { text: string; occurrence: number },
): Promise<TickOutcome> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const fresh = (await forge.getIssue(issueNumber)).body;
    const ticked = tickTask(fresh, task.text, task.occurrence);
    if (ticked.status === 'already')
      return { ok: true, status: attempt === 1 ? 'already' : 'ticked' };
    if (ticked.status === 'missing') {
      return {
        ok: false,
        reason: 'missing',
        message: `The task "${task.text}" is no longer in the task list of #${issueNumber} (the issue was edited), so its box was not ticked.`,
      };
    }
    await forge.updateIssueBody(issueNumber, ticked.body);
    const after = (await forge.getIssue(issueNumber)).body;
    // Our box is ticked in what GitHub holds now: done, whatever else changed since.
    if (tickTask(after, task.text, task.occurrence).status === 'already')
      return { ok: true, status: 'ticked' };
  }
  return {
    ok: false,
    reason: 'conflict',
    message: `The description of #${issueNumber} kept changing while aethr ticked "${task.text}" (${ATTEMPTS} attempts); tick it by hand.`,
  };
}
