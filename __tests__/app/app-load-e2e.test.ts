/**
 * The bundled App under a burst: 200 signed deliveries for 20 pull requests, in random order from
 * 10 senders — pushes arriving out of order, and `/aethr review` comments — with the mock model.
 * Each PR's latest head gets one automatic review, every command runs, and no two runs of one PR
 * ever overlap (checked from the check runs the stand-in saw, not from the app's own records).
 */
import { afterAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appEnv,
  asAppDelivery,
  deliver,
  standinApp,
  startAppProcess,
  type AppProcess,
} from '../support/app-process.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { createMultiPrRepo, type MultiPrRepo } from '../support/multi-pr-repo.js';
import { prCommentPayload, pullRequestPayload } from '../support/webhook-examples.js';

const PRS = 20;
const PUSHES = 8;
const COMMENTS = 2;
let repo: MultiPrRepo | undefined;
let gh: GitHubStandin | undefined;
let app: AppProcess | undefined;
let dir: string | undefined;

afterAll(async () => {
  await app?.kill('SIGKILL');
  await gh?.close();
  repo?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A reproducible shuffle (mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

it('200 deliveries for 20 PRs: each latest head reviewed once, never two runs of one PR at once', async () => {
  repo = createMultiPrRepo(PRS, PUSHES);
  const r = repo;
  gh = await startGitHubStandin({
    token: 'ghs_not_used_by_the_app',
    owner: 'acme',
    repo: 'calc',
    gitDir: r.origin,
    app: standinApp(),
    validateResponses: false,
    permissions: { maintainer: 'write' },
    pulls: r.pulls.map((p) => ({
      number: p.number,
      title: `Change ${p.number}`,
      author: 'author',
      head: { sha: p.heads.at(-1)!, ref: p.ref },
      base: { sha: r.baseSha, ref: 'main' },
      diff: p.diff,
    })),
  });
  dir = mkdtempSync(join(tmpdir(), 'aethr-app-load-'));
  app = await startAppProcess(
    appEnv({
      gh,
      dataDir: join(dir, 'data'),
      extra: { AETHR_MOCK: 'true', AETHR_WRITE_SPACING_MS: '0' },
    }),
  );

  let commentId = 9000;
  const deliveries = r.pulls.flatMap((p) => [
    ...p.heads.map((headSha) => ({
      name: 'pull_request',
      payload: pullRequestPayload('synchronize', {
        owner: 'acme',
        repo: 'calc',
        number: p.number,
        headSha,
        baseSha: r.baseSha,
        headRef: p.ref,
        baseRef: 'main',
        sender: 'maintainer',
      }),
    })),
    ...Array.from({ length: COMMENTS }, () => ({
      name: 'issue_comment',
      payload: prCommentPayload({
        owner: 'acme',
        repo: 'calc',
        number: p.number,
        body: '/aethr review',
        author: 'maintainer',
        commentId: ++commentId,
      }),
    })),
  ]);
  expect(deliveries).toHaveLength(200);
  const queue = shuffled(deliveries, 42);
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const sent = await deliver(app!.url, d.name, asAppDelivery(d.payload, r.originUrl));
        statuses.push(sent.status);
      }
    }),
  );
  expect(statuses.filter((s) => s !== 200)).toEqual([]);

  const status = await app.waitForStatus(
    (s) => s.queued === 0 && s.running === 0 && s.recent.length === 200,
    150_000,
    1000,
  );
  expect([status.failed, status.abandoned]).toEqual([0, 0]);
  expect(gh.violations).toEqual([]);

  for (const p of r.pulls) {
    const rows = status.recent.filter((row) => row.pr === `acme/calc#${p.number}`);
    const reviewed = rows.filter((row) => row.intent === 'review' && row.state === 'done');
    expect(reviewed.map((row) => row.head)).toEqual([p.heads.at(-1)]);
    const commands = rows.filter((row) => row.intent === 'command:review');
    expect(commands.map((row) => row.state)).toEqual(['done', 'done']);
    // Every automatic review that did not run gave way to a newer head.
    expect(
      rows.filter((row) => row.intent === 'review' && row.state !== 'done').map((row) => row.state),
    ).toEqual(Array(PUSHES - 1).fill('superseded'));
  }

  // What GitHub saw: per PR, 1 + 2 check runs on the latest head, each finished before the
  // next one began.
  const heads = new Map(r.pulls.map((p) => [p.heads.at(-1)!, p.number]));
  const checks = gh.state.checkRuns;
  expect(checks.every((c) => c.status === 'completed' && heads.has(c.head_sha))).toBe(true);
  const created = new Map(
    gh.calls('checks/create').map((q) => [(q.response as { id: number }).id, q.at]),
  );
  const completed = new Map(
    gh
      .calls('checks/update')
      .filter((q) => (q.body as { conclusion?: string }).conclusion)
      .map((q) => [(q.response as { id: number }).id, q.at]),
  );
  for (const p of r.pulls) {
    const spans = checks
      .filter((c) => heads.get(c.head_sha) === p.number)
      .map((c) => [created.get(c.id)!, completed.get(c.id)!] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(spans).toHaveLength(1 + COMMENTS);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    expect(
      gh.state.issueComments.filter(
        (c) => c.issue_number === p.number && c.body.includes('aethr:summary'),
      ),
    ).toHaveLength(1);
  }
}, 180_000);
