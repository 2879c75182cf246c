/**
 * The publishers every GitHub door uses, in order: the PR comments (which place the findings and
 * make the summary others link to), the check run, and the replies to whoever asked. A door adds
 * its own after these (the Action: outputs and job summary).
 */
import { randomUUID } from 'node:crypto';
import type { Forge } from './forge.js';
import { createCheckRunPublisher } from './publish-check-run.js';
import { createPrCommentsPublisher } from './publish-pr-comments.js';
import { createRequestReplyPublisher } from './publish-request-reply.js';
import type { Publisher } from './publisher.js';
import type { RunLog } from './run-log.js';
import type { DoorSettings } from './settings.js';

export function githubPublishers(forge: Forge, log: RunLog, settings: DoorSettings): Publisher[] {
  const publishers = [
    createPrCommentsPublisher({
      forge,
      log,
      botLogin: settings.botLogin,
      links: settings.links,
      retryDelayMs: settings.githubRetryBaseMs,
    }),
  ];
  if (settings.checkRun !== 'off') {
    publishers.push(
      createCheckRunPublisher({
        forge,
        log,
        failOn: settings.failOn,
        links: settings.links,
        externalId: `aethr-${settings.links.runId ?? 'run'}-${randomUUID()}`,
        retryDelayMs: settings.githubRetryBaseMs,
      }),
    );
  }
  publishers.push(
    createRequestReplyPublisher({
      forge,
      log,
      botLogin: settings.botLogin,
      retryDelayMs: settings.githubRetryBaseMs,
    }),
  );
  return publishers;
}
