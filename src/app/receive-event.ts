/**
 * The acknowledgement path of a delivery, after Probot verified its signature: normalise it into
 * the same `Intent` the Action uses, record the run in the durable queue, and return — the
 * webhook answer never waits for a model. An event that starts nothing is only counted.
 */
import type { Logger } from 'pino';
import type { ApplicationFunction } from 'probot';
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
import type { EnqueueResult, RunQueue } from './run-queue.js';

export interface ReceiveDeps {
  queue: RunQueue;
  options: IntentOptions;
  log: Logger;
  /** Called after a run was queued (the scheduler starts what it can). */
  queued(): void;
  /** Deliveries that started nothing, since start. */
  ignored: { count: number };
}

export type Received = EnqueueResult | { status: 'ignored'; reason: string };

export function receiveEvent(
  deps: ReceiveDeps,
  event: { id: string; name: string; payload: unknown },
): Received {
  const intent = normaliseEvent({ name: event.name, payload: event.payload }, deps.options);
  if (!isCarriable(intent)) {
    deps.ignored.count++;
    const reason =
      intent.kind === 'ignore' ? intent.reason : `${intent.event} is not handled by the App`;
    deps.log.debug({ delivery: event.id, event: event.name }, `Nothing to do: ${reason}`);
    return { status: 'ignored', reason };
  }
  const key = runKeyOf(intent);
  const payload = event.payload;
  // Apps' deliveries name the installation (the Action's events do not, hence no typed field).
  const installation = isFields(payload) ? payload['installation'] : undefined;
  const installationId = isFields(installation) ? installation['id'] : undefined;
  const cloneUrl = text(
    field<WebhookRepository>(field<PullRequestEvent>(payload, 'repository'), 'clone_url'),
  );
  const result = deps.queue.enqueue({
    delivery: event.id,
    key,
    event: event.name,
    ...(typeof installationId === 'number' ? { installationId } : {}),
    ...(cloneUrl ? { cloneUrl } : {}),
    intent: JSON.stringify(intent),
  });
  deps.log.info(
    { delivery: event.id, pr: key.subject, run: result.id, event: event.name },
    `${result.status === 'queued' || result.status === 'revived' ? 'Queued' : 'Already have'} ${key.kind} of ${key.subject}${key.headSha ? ` at ${key.headSha.slice(0, 7)}` : ''} (${result.status}).`,
  );
  if (result.status === 'queued' || result.status === 'revived') deps.queued();
  return result;
}

/** The Probot app: every verified delivery goes through `receiveEvent`. */
export function aethrApp(deps: ReceiveDeps): ApplicationFunction {
  return (app) => {
    app.onAny(async (context) => {
      receiveEvent(deps, { id: context.id, name: context.name, payload: context.payload });
    });
  };
}
