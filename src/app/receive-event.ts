/**
 * The acknowledgement path of a delivery, after Probot verified its signature: normalise it into
 * the same `Intent` the Action uses, commit it to the queue's inbox, and return — the webhook
 * answer never waits for a model. Accepted deliveries are filed as runs (dedupe, supersede) in a
 * batch moments later. An event that starts nothing is only counted.
 */
import type { Logger } from 'pino';
import { Webhooks, createNodeMiddleware } from '@octokit/webhooks';
import { isCarriable } from '../github/carried-intent.js';
import { normaliseEvent, type IntentOptions } from '../github/event-intent.js';
import {
  field,
  isFields,
  text,
  type PullRequestEvent,
  type WebhookRepository,
} from '../github/payload-readers.js';
import { runKeyOf } from './run-key.js';
import type { RunQueue } from './run-queue.js';

export interface ReceiveDeps {
  queue: RunQueue;
  options: IntentOptions;
  log: Logger;
  /** Called after runs were filed (the scheduler starts what it can). */
  queued(): void;
  /** Deliveries that started nothing, since start. */
  ignored: { count: number };
}

/** How soon accepted deliveries are filed as runs (in one batch: cheaper than one by one). */
const FILE_AFTER_MS = 10;

export interface Intake {
  /** The acknowledgement path: resolves once the delivery is durably accepted (or ignored). */
  receive(event: { id: string; name: string; payload: unknown }): Promise<'accepted' | 'ignored'>;
  /** Files what was accepted as runs now (at start, after a crash; before a shutdown). */
  fileNow(): void;
}

export function createIntake(deps: ReceiveDeps): Intake {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fileNow = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const filed = deps.queue.absorb();
    if (filed.length === 0) return;
    // One line per batch (every delivery id and PR in it): a burst costs one log write, not 25.
    const counts: Record<string, number> = {};
    for (const { result } of filed) counts[result.status] = (counts[result.status] ?? 0) + 1;
    deps.log.info(
      {
        runs: filed.map(({ run, result }) => ({
          delivery: run.delivery,
          pr: run.key.subject,
          kind: run.key.kind,
          ...(run.key.headSha ? { head: run.key.headSha.slice(0, 7) } : {}),
          run: result.id,
          status: result.status,
        })),
      },
      `Filed ${filed.length} deliver${filed.length === 1 ? 'y' : 'ies'}: ${Object.entries(counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(', ')}.`,
    );
    if (filed.length) deps.queued();
  };
  return {
    fileNow,
    async receive(event) {
      const intent = normaliseEvent({ name: event.name, payload: event.payload }, deps.options);
      if (!isCarriable(intent)) {
        deps.ignored.count++;
        const reason =
          intent.kind === 'ignore' ? intent.reason : `${intent.event} is not handled by the App`;
        deps.log.debug({ delivery: event.id, event: event.name }, `Nothing to do: ${reason}`);
        return 'ignored';
      }
      const payload = event.payload;
      // Apps' deliveries name the installation (the Action's events do not, hence no typed field).
      const installation = isFields(payload) ? payload['installation'] : undefined;
      const installationId = isFields(installation) ? installation['id'] : undefined;
      const cloneUrl = text(
        field<WebhookRepository>(field<PullRequestEvent>(payload, 'repository'), 'clone_url'),
      );
      await deps.queue.accept({
        delivery: event.id,
        key: runKeyOf(intent),
        event: event.name,
        ...(typeof installationId === 'number' ? { installationId } : {}),
        ...(cloneUrl ? { cloneUrl } : {}),
        intent: JSON.stringify(intent),
      });
      timer ??= setTimeout(fileNow, FILE_AFTER_MS);
      return 'accepted';
    },
  };
}

/**
 * The webhook route: @octokit/webhooks (Probot's own verifier) checks the signature before it
 * parses the body and answers a bad or missing one with 400; verified deliveries go to the
 * intake. Probot's per-delivery context (an Octokit per event) is left out: the acknowledgement
 * path never calls GitHub, and each run makes its own installation client.
 */
export function createWebhookRoute(o: {
  secret: string;
  path: string;
  intake: Intake;
  log: Logger;
}): ReturnType<typeof createNodeMiddleware> {
  const webhooks = new Webhooks({ secret: o.secret });
  webhooks.onAny(async (event) => {
    await o.intake.receive({ id: event.id, name: event.name, payload: event.payload });
  });
  webhooks.onError((error) => {
    o.log.warn({ delivery: (error as { event?: { id?: string } }).event?.id }, error.message);
  });
  const log = {
    debug: (m: string) => o.log.debug(m),
    info: (m: string) => o.log.info(m),
    warn: (m: string) => o.log.warn(m),
    error: (m: unknown) => o.log.warn({ err: m }, 'webhook delivery refused'),
  };
  return createNodeMiddleware(webhooks, { path: o.path, log });
}
