/**
 * Answers to whoever asked for a run explicitly: reactions on the `/aethr` comment (👀 when the
 * run starts, 👍 when it finishes, 😕 when it fails), a reply when a command fails before there
 * is a summary to say so, the outcome as a comment on an issue a label was put on, and a short
 * reply to a denied request. Automatic runs (PR events, schedules) get none of these.
 */
import { permissionAtLeast, type Forge, type PermissionLevel, type Reaction } from './forge.js';
import type { Publisher } from './publisher.js';
import { replyOnce, tryReact, type ReplyOnceOptions } from './reply-once.js';
import type { RunLog } from './run-log.js';
import type { RunOutcome, RunRequest } from './run-outcome.js';

/** Marks our replies to denied requests, to send at most one per PR and day. */
const DENIAL_MARKER = '<!-- aethr:denied -->';
const DENIAL_REPLY_EVERY_MS = 24 * 60 * 60 * 1000;

export function createRequestReplyPublisher(o: {
  forge: Forge;
  log: RunLog;
  botLogin: string;
  /** For tests: the clock that rate-limits denial replies. */
  now?: () => number;
  /** Wait before a lost write is looked up again (createOnce's default when undefined). */
  retryDelayMs?: number;
}): Publisher {
  let started = false;
  const react = async (request: RunRequest, reaction: Reaction): Promise<void> => {
    if (request.commentId !== undefined) await tryReact(o, request.commentId, reaction);
  };
  return {
    name: 'replies',
    async start(subject) {
      started = true;
      await react(subject, 'eyes');
    },
    async finish(outcome) {
      const request = outcome.request;
      const explicit = request.trigger === 'comment' || request.trigger === 'label';
      const on = request.issueNumber ?? request.pullNumber;
      switch (outcome.kind) {
        case 'skipped':
          if (outcome.reason === 'denied' && explicit && on !== undefined && outcome.denial)
            await replyDenial(o, on, request.actor ?? '', outcome.denial);
          return;
        case 'finished': {
          await react(request, '+1');
          const issue =
            outcome.delivery?.issue ??
            (request.kind === 'branch' ? request.issueNumber : undefined);
          if (issue !== undefined && outcome.delivery)
            await replyOnce(o, issue, outcome.delivery.note);
          return;
        }
        case 'failed':
          if (!explicit) return;
          // Whose permission could not be checked gets no write at all.
          if (outcome.cause === 'unverified') return;
          await replyFailure(o, outcome, started);
          await react(request, 'confused');
      }
    },
  };
}

/**
 * A denied request is answered only for people who triage the repository (they can ask a
 * maintainer), once per PR and day: anyone else gets no write at all, so nobody can make the
 * bot post by commenting.
 */
async function replyDenial(
  o: ReplyOnceOptions & { log: RunLog; now?: () => number },
  on: number,
  actor: string,
  denial: { level: string; minimum: string },
): Promise<void> {
  if (!permissionAtLeast(denial.level as PermissionLevel, 'triage')) {
    o.log.info(`No reply to ${actor}: below triage, denials are silent.`);
    return;
  }
  const now = o.now?.() ?? Date.now();
  const recent = (await o.forge.listIssueComments(on)).some(
    (c) =>
      c.author.toLowerCase() === o.botLogin.toLowerCase() &&
      c.body.includes(DENIAL_MARKER) &&
      (c.createdAt === undefined || now - Date.parse(c.createdAt) < DENIAL_REPLY_EVERY_MS),
  );
  if (recent) {
    o.log.info(`No reply to ${actor}: a denial was already answered on #${on} today.`);
    return;
  }
  await replyOnce(
    o,
    on,
    `@${actor} aethr runs need **${denial.minimum}** permission on this repository; yours is **${denial.level}**. Ask a maintainer to run it.\n\n${DENIAL_MARKER}`,
  );
}

async function replyFailure(
  o: ReplyOnceOptions,
  outcome: Extract<RunOutcome, { kind: 'failed' }>,
  started: boolean,
): Promise<void> {
  const request = outcome.request;
  if (request.kind === 'branch' && request.issueNumber !== undefined) {
    await replyOnce(o, request.issueNumber, `aethr could not finish: ${outcome.message}`);
  } else if (!started && request.pullNumber !== undefined) {
    // Failed before the summary existed (a bad workflow file, an API error, a moved head): the
    // person who asked is waiting for an answer.
    const what = request.trigger === 'label' ? 'the label request' : 'this command';
    await replyOnce(
      o,
      request.pullNumber,
      `@${request.actor} aethr could not run ${what}:\n\n${outcome.message}`,
    );
  }
}
