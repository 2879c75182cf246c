/**
 * A comment the bot posts once, whatever happens to GitHub's answer: the body ends with a marker
 * unique to this write, so a reply whose answer was lost after GitHub made it is found again by
 * that marker instead of being posted twice (createOnce), and a reply of an earlier run with the
 * same text is never taken for this one.
 */
import { randomUUID } from 'node:crypto';
import { toError } from '../errors.js';
import type { Forge, ForgeComment, Reaction } from './forge.js';
import { createOnce } from './idempotent-write.js';
import type { RunLog } from './run-log.js';

export interface ReplyOnceOptions {
  forge: Forge;
  /** Only comments by this login count as ours: markers can be copied. */
  botLogin: string;
  /** Wait before a lost reply is looked up (createOnce's default when undefined). */
  retryDelayMs?: number;
}

export function replyOnce(
  o: ReplyOnceOptions,
  number: number,
  text: string,
): Promise<ForgeComment> {
  const marker = `<!-- aethr:reply ${randomUUID()} -->`;
  return createOnce({
    create: () => o.forge.createIssueComment(number, `${text}\n\n${marker}`),
    // By the marker, not the body: the outbound filter may rewrite the text (redactions, a
    // withheld post) but keeps aethr's marker lines.
    find: async () =>
      (await o.forge.listIssueComments(number)).find(
        (c) => c.author.toLowerCase() === o.botLogin.toLowerCase() && c.body.includes(marker),
      ),
    delayMs: o.retryDelayMs,
  });
}

/**
 * A reaction on the comment that asked: a courtesy, so one GitHub keeps refusing is logged and
 * never fails the request it answers.
 */
export async function tryReact(
  o: { forge: Forge; log: RunLog },
  commentId: number,
  reaction: Reaction,
): Promise<boolean> {
  try {
    await o.forge.addReaction(commentId, reaction);
    return true;
  } catch (error) {
    o.log.info(`Could not add the ${reaction} reaction: ${toError(error).message}`);
    return false;
  }
}
