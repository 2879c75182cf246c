/**
 * The App's acknowledgement path under load: signed `pull_request` deliveries (GitHub's example
 * payload, ~25 KB, a new head each) from 10 concurrent senders over keep-alive connections, to
 * the bundled App (signature check, normalise, group-committed to the SQLite queue, filed and
 * superseded in batches, one log line per batch) and to a bare Probot app with a no-op handler,
 * interleaved in the same run. Targets: at least 80% of the bare app's rate, p99 under 50 ms.
 *
 * Both verify with @octokit/webhooks; the App skips Probot's per-delivery Octokit (it never calls
 * GitHub while acknowledging). Its runs are held back (the stand-in answers the installation
 * lookup with 500, so each claimed run fails at once and waits for its retry): the figures are
 * the acknowledgement path, not runs competing for the CPU.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import {
  appEnv,
  appKeys,
  asAppDelivery,
  deliver,
  standinApp,
  startAppProcess,
  APP_ID,
  WEBHOOK_SECRET,
  type AppProcess,
} from '../__tests__/support/app-process.js';
import { startGitHubStandin, type GitHubStandin } from '../__tests__/support/github-standin.js';
import { pullRequestPayload } from '../__tests__/support/webhook-examples.js';
import { benchEnv, median, printTable } from './support/measure.js';

const SENDERS = 10;
const PER_ROUND = Number(process.env.BENCH_DELIVERIES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BARE = resolve('bench/support/bare-probot-app.mjs');

let gh: GitHubStandin;
let work: string;
let sequence = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'aethr-bench-app-'));
  gh = await startGitHubStandin({
    token: 'ghs_bench',
    owner: 'acme',
    repo: 'calc',
    app: standinApp(),
    validateResponses: false,
  });
  gh.failNext({ status: 500, count: 1e9, match: { operationId: 'apps/get-repo-installation' } });
});
afterAll(async () => {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

/** The next delivery: a push to one of 50 PRs, a head never seen before. */
function nextPayload(): string {
  const i = sequence++;
  const payload = pullRequestPayload('synchronize', {
    owner: 'acme',
    repo: 'calc',
    number: 1 + (i % 50),
    headSha: createHash('sha1').update(`head ${i}`).digest('hex'),
    baseSha: 'b'.repeat(40),
    headRef: `change-${i % 50}`,
    baseRef: 'main',
    sender: 'maintainer',
  });
  return JSON.stringify(asAppDelivery(payload, 'https://github.com/acme/calc.git'));
}

interface Round {
  perSecond: number;
  latencies: number[];
}

async function load(app: AppProcess, count: number): Promise<Round> {
  const bodies = Array.from({ length: count }, nextPayload);
  const agent = new Agent({ keepAlive: true, maxSockets: SENDERS });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      for (let i = next++; i < count; i = next++) {
        const r = await deliver(app.url, 'pull_request', bodies[i]!, { agent });
        if (r.status !== 200) throw new Error(`delivery answered ${r.status}: ${r.body}`);
        latencies.push(r.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { perSecond: count / seconds, latencies };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

it('signed deliveries acknowledged per second and p99, the App next to a bare Probot app', async () => {
  const env = benchEnv(
    appEnv({
      gh,
      dataDir: join(work, 'data'),
      extra: { LOG_LEVEL: 'info' },
    }),
  );
  const apps: Record<string, AppProcess> = {};
  const results: Record<string, Round[]> = {};
  try {
    apps['bare Probot app (no-op handler)'] = await startAppProcess(
      { ...env, APP_ID: String(APP_ID), PRIVATE_KEY: appKeys().privateKey, WEBHOOK_SECRET },
      BARE,
    );
    apps['aethr App (dist/app, enqueue path)'] = await startAppProcess(env);
    for (const name of Object.keys(apps)) results[name] = [];
    for (const app of Object.values(apps)) await load(app, 300); // warm-up
    for (let round = 0; round < ROUNDS; round++)
      for (const [name, app] of Object.entries(apps))
        results[name]!.push(await load(app, PER_ROUND));
    const aethr = apps['aethr App (dist/app, enqueue path)']!;
    const status = await aethr.status();
    // Every delivery was accepted: as a queued, superseded or (held back) retried run.
    const states = ['queued', 'running', 'done', 'failed', 'superseded', 'abandoned'] as const;
    expect(states.reduce((n, s) => n + status[s], 0)).toBe(300 + ROUNDS * PER_ROUND);
  } finally {
    for (const app of Object.values(apps)) await app.kill('SIGKILL');
  }

  const [bareName, appName] = Object.keys(apps) as [string, string];
  const rate = (name: string) => median(results[name]!.map((r) => r.perSecond));
  const all = (name: string) => results[name]!.flatMap((r) => r.latencies);
  // Each App round against the bare round just before it: drift on a shared machine cancels.
  const ratio = median(
    results[appName]!.map((r, i) => r.perSecond / results[bareName]![i]!.perSecond),
  );
  const p99 = percentile(all(appName), 0.99);
  printTable(
    `Webhook acknowledgements: ${SENDERS} concurrent senders, ${ROUNDS} interleaved rounds of ${PER_ROUND} signed pull_request deliveries (acks/s: median of rounds; × bare: median of paired rounds)`,
    ['server', 'acks/s', '× bare', 'p50 ms', 'p99 ms', 'max ms', 'target'],
    [bareName, appName].map((name) => [
      name,
      rate(name).toFixed(0),
      name === appName ? ratio.toFixed(2) : '1.00',
      percentile(all(name), 0.5).toFixed(1),
      percentile(all(name), 0.99).toFixed(1),
      Math.max(...all(name)).toFixed(1),
      name === appName
        ? `≥ 0.80× ${ratio >= 0.8 ? 'PASS' : 'FAIL'}, p99 < 50 ms ${p99 < 50 ? 'PASS' : 'FAIL'}`
        : '',
    ]),
  );
});
