/**
 * The App door, put together: configuration → the App's identity (GET /app) → the durable queue
 * (orphans of a dead process reclaimed) → Probot's verified webhooks feeding the queue → the
 * scheduler running (or dispatching) the work → HTTP. `stop` drains: it stops taking work, lets
 * running runs finish up to the deadline, puts the others back in the queue, and closes.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { collectSecrets } from '../security/outbound-filter.js';
import { loadEncoder } from '../models/tokens.js';
import { AppGitHub, createProbot } from './app-github.js';
import { createAppLogger, SecretSet } from './app-log.js';
import { appIntentOptions } from './app-settings.js';
import { parseAppConfig, type AppConfig } from './config.js';
import { createHttpServer } from './http-server.js';
import { createIntake, createWebhookRoute } from './receive-event.js';
import { createExecutor } from './run-attempt.js';
import { RunQueue, type QueuedRun } from './run-queue.js';
import { Scheduler } from './scheduler.js';

const RECENT_RUNS = 50;
const RETENTION_MS = 30 * 24 * 3600_000;

export interface RunningApp {
  config: AppConfig;
  /** Every secret in play (for the last words of a crash). */
  secrets: string[];
  /** The port the server listens on (useful with PORT=0). */
  port: number;
  /** Drains and closes; resolves when the process may exit. */
  stop(reason: string): Promise<void>;
}

export async function startApp(env: Record<string, string | undefined>): Promise<RunningApp> {
  const config = parseAppConfig(env);
  const secrets = new SecretSet([
    config.privateKey,
    config.webhookSecret,
    config.statusToken,
    ...collectSecrets(config.modelEnv),
  ]);
  const logger = createAppLogger(config.logLevel, secrets);
  // The queue first: a folder another app holds fails before any network.
  const queue = RunQueue.open(config.dataDir);
  const probot = createProbot(config, logger);
  const github = new AppGitHub(probot, secrets);
  let identity;
  try {
    identity = await github.identity();
  } catch (error) {
    queue.close();
    throw error;
  }

  const pruned = queue.prune(RETENTION_MS);
  reclaimOrphans(queue, config, logger);

  const scheduler = new Scheduler({
    queue,
    poolSize: config.poolSize,
    maxAttempts: config.maxAttempts,
    execute: createExecutor({ config, github, queue, logger, secrets, botIds: new Map() }),
    redact: (text) => secrets.redact(text),
    events: {
      started: (run) =>
        logger.info(runFields(run), `Run ${run.id} starts (attempt ${run.attempts}).`),
      ended: (run, result) =>
        logger.info(runFields(run), `Run ${run.id} ended: ${JSON.stringify(result)}`),
    },
  });
  const ignored = { count: 0 };
  const intake = createIntake({
    queue,
    options: appIntentOptions(config, identity),
    log: logger,
    queued: () => scheduler.kick(),
    ignored,
  });
  // Deliveries a dead process accepted and had not filed yet.
  intake.fileNow();
  const webhooks = createWebhookRoute({
    secret: config.webhookSecret,
    path: config.webhookPath,
    intake,
    log: logger,
  });
  await warmUp();

  let health: 'ready' | 'starting' | 'draining' = 'starting';
  const startedAt = Date.now();
  const server = createHttpServer({
    webhookPath: config.webhookPath,
    webhooks,
    statusToken: config.statusToken,
    health: () => health,
    status: (recentCount = RECENT_RUNS) => ({
      app: identity.botLogin,
      mode: config.mode,
      state: health,
      startedAt: new Date(startedAt).toISOString(),
      pool: { size: config.poolSize, running: scheduler.running.length },
      ...queue.counts(),
      ignored: ignored.count,
      recent: queue.recent(recentCount).map(statusRow),
    }),
  });
  const port = await listen(server, config);
  health = 'ready';
  // Said whatever LOG_LEVEL is: where the app listens is what an operator (or a test) looks for.
  logger
    .child({}, { level: 'info' })
    .info(
      { port, host: config.host, mode: config.mode, app: identity.botLogin, pruned },
      `aethr App ${identity.botLogin} listening on ${config.host}:${port} (${config.mode} mode).`,
    );
  scheduler.kick();

  let stopping: Promise<void> | undefined;
  return {
    config,
    get secrets() {
      return secrets.list();
    },
    port,
    stop(reason) {
      health = 'draining';
      stopping ??= drain(reason, { config, logger, scheduler, queue, server, intake });
      return stopping;
    },
  };
}

function reclaimOrphans(queue: RunQueue, config: AppConfig, logger: Logger): void {
  const { retried, abandoned } = queue.reclaimOrphans(config.maxAttempts);
  for (const run of retried)
    logger.warn(runFields(run), `Taking up run ${run.id} again: the app stopped while it ran.`);
  for (const run of abandoned)
    logger.warn(runFields(run), `Abandoning run ${run.id}: ${run.attempts} attempt(s) died.`);
}

function listen(server: Server, config: AppConfig): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `PORT ${config.port} is already in use on ${config.host}; set PORT to a free port.`,
            )
          : error,
      ),
    );
    server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops taking work, lets running runs finish up to the deadline, requeues the rest, closes. */
async function drain(
  reason: string,
  app: {
    config: AppConfig;
    logger: Logger;
    scheduler: Scheduler;
    queue: RunQueue;
    server: Server;
    intake: { fileNow(): void };
  },
): Promise<void> {
  const { config, logger, scheduler, queue, server, intake } = app;
  logger.info(
    { running: scheduler.running },
    `${reason}: draining (up to ${config.drainTimeoutMs / 1000}s for ${scheduler.running.length} running run(s)).`,
  );
  const left = await scheduler.drain(config.drainTimeoutMs);
  scheduler.close();
  for (const id of left) queue.requeueInterrupted(id);
  if (left.length)
    logger.warn({ runs: left }, `Put ${left.length} unfinished run(s) back in the queue.`);
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  intake.fileNow();
  queue.close();
  logger.info('Stopped.');
}

/**
 * What the first run would load lazily — the tokenizers (megabytes of tables) and the model SDK —
 * loaded before the server listens, so a run starting never stalls the acknowledgements.
 */
async function warmUp(): Promise<void> {
  const [o200k, cl100k] = await Promise.all([
    loadEncoder('o200k_base'),
    loadEncoder('cl100k_base'),
    import('openai'),
  ]);
  o200k('warm up');
  cl100k('warm up');
}

function runFields(run: QueuedRun) {
  return { run: run.id, delivery: run.delivery, pr: run.subject };
}

function statusRow(run: QueuedRun) {
  const ms = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: run.id,
    pr: run.subject,
    intent: run.kind,
    state: run.state,
    head: run.headSha,
    attempts: run.attempts,
    outcome: run.outcome,
    note: run.note,
    delivery: run.delivery,
    queuedAt: ms(run.queuedAt),
    startedAt: ms(run.startedAt),
    finishedAt: ms(run.finishedAt),
    durationMs:
      run.startedAt !== null && run.finishedAt !== null ? run.finishedAt - run.startedAt : null,
  };
}
