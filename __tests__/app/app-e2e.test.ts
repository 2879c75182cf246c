/**
 * The bundled App as a process on 127.0.0.1: the installation token flow against the GitHub
 * stand-in, real signed deliveries (@octokit/webhooks-examples), the model stand-in. It posts
 * what the Action posts for the same PR; refuses forged and unsigned deliveries before anything
 * starts; runs a redelivered or repeated trigger once; and acknowledges at once however slow
 * the model is.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KEY,
  reviewReply,
  startActionFixture,
  type ActionFixture,
} from '../support/action-fixture.js';
import {
  APP_BOT,
  WEBHOOK_SECRET,
  appEnv,
  appKeys,
  asAppDelivery,
  deliver,
  get,
  standinApp,
  startAppProcess,
  type AppProcess,
} from '../support/app-process.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { prCommentPayload } from '../support/webhook-examples.js';

let stub: OpenAIStub;
let delayMs = 0;
const fixtures: ActionFixture[] = [];
const apps: AppProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  if (!existsSync('dist/app/index.js'))
    throw new Error('dist/app/index.js is missing: npm run build');
  stub = await startOpenAIStub({
    reply: () => ({
      delayMs,
      text: reviewReply(
        [
          { path: 'a.py', line: 1, severity: 'high', title: 'x changed', body: 'Keep x = 1.' },
          { path: 'README.md', line: 1, severity: 'low', title: 'no docs', body: 'Say why.' },
        ],
        'revise',
      ),
    }),
  });
});
afterAll(async () => stub.close());
afterEach(async () => {
  delayMs = 0;
  for (const app of apps.splice(0)) await app.kill('SIGKILL');
  for (const fx of fixtures.splice(0)) await fx.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function appFixture(extra: Record<string, string> = {}) {
  const fx = await startActionFixture({ stub, standin: { app: standinApp() } });
  fixtures.push(fx);
  const dir = mkdtempSync(join(tmpdir(), 'aethr-app-'));
  dirs.push(dir);
  const dataDir = join(dir, 'data');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const app = await startAppProcess(
    appEnv({
      gh: fx.gh,
      dataDir,
      modelUrl: stub.url,
      extra: { OPENAI_API_KEY: KEY, AETHR_WRITE_SPACING_MS: '0', TMPDIR: tmp, ...extra },
    }),
  );
  apps.push(app);
  const prEvent = (action = 'opened', sender = 'maintainer') =>
    asAppDelivery(fx.prEvent(action, sender), fx.repo.originUrl);
  return { fx, app, dataDir, tmp, prEvent };
}

const sticky = (fx: ActionFixture) =>
  fx.gh.state.issueComments
    .filter((c) => c.body.includes('aethr:summary'))
    .map((c) =>
      c.body
        .replace(/issuecomment-\d+/g, 'issuecomment-N')
        // The App links to its server (the stand-in, as a GitHub Enterprise host) and has no run log.
        .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'https://github.com')
        .replace(/ · \[run log\]\([^)]*\)/g, ''),
    );

it('reviews a PR from a signed delivery as the Action does, as its own bot, through the installation token flow', async () => {
  const action = await startActionFixture({ stub });
  fixtures.push(action);
  expect((await action.run()).code).toBe(0);

  const { fx, app, tmp, prEvent } = await appFixture();
  const sent = await deliver(app.url, 'pull_request', prEvent());
  expect(sent.status).toBe(200);
  const status = await app.waitForStatus((s) => s.done + s.failed === 1);
  expect(status.recent[0]).toMatchObject({ pr: 'acme/calc#7', intent: 'review', state: 'done' });

  expect(fx.gh.violations).toEqual([]);
  expect(fx.gh.responseViolations).toEqual([]);
  expect(sticky(fx)).toHaveLength(1);
  expect(sticky(fx)).toEqual(sticky(action));
  const inline = (f: ActionFixture) =>
    f.gh.state.reviewComments.map((c) => [c.path, c.line, c.body]);
  expect(inline(fx)).toEqual(inline(action));
  const checks = (f: ActionFixture) =>
    f.gh.state.checkRuns.map((c) => [c.name, c.conclusion, c.annotations.length]);
  expect(checks(fx)).toEqual(checks(action));
  // Posted as the App's own bot, with a token minted from the App's JWT.
  expect(fx.gh.state.issueComments.every((c) => c.user === APP_BOT)).toBe(true);
  expect(fx.gh.calls('apps/get-authenticated')).toHaveLength(1);
  expect(fx.gh.calls('apps/get-repo-installation').length).toBeGreaterThan(0);
  expect(fx.gh.calls('apps/create-installation-access-token').length).toBeGreaterThan(0);
  // The temp clone is gone; nothing secret reached the log.
  expect(readdirSync(tmp)).toEqual([]);
  const log = app.stdout() + app.stderr();
  for (const secret of [
    appKeys().privateKey.split('\n')[1]!,
    WEBHOOK_SECRET,
    KEY,
    ...fx.gh.installationTokens,
  ])
    expect(log).not.toContain(secret);
  expect(log).toContain('"delivery"');
});

it('refuses a forged or missing signature with a 4xx before anything starts', async () => {
  const { fx, app, prEvent } = await appFixture();
  const calls = stub.chatRequests().length;
  const forged = await deliver(app.url, 'pull_request', prEvent(), { secret: 'not-the-secret' });
  const unsigned = await deliver(app.url, 'pull_request', prEvent(), { signature: null });
  const garbage = await deliver(app.url, 'pull_request', prEvent(), { signature: 'sha256=00' });
  for (const r of [forged, unsigned, garbage]) {
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  }
  // A signed delivery afterwards is taken: the refusals left nothing behind.
  const status = await app.status();
  expect(status.recent).toEqual([]);
  expect(status.queued + status.running + status.done).toBe(0);
  expect(fx.gh.requests.filter((r) => !r.operationId?.startsWith('apps/'))).toEqual([]);
  expect(stub.chatRequests()).toHaveLength(calls);
  expect((await get(`${app.url}/healthz`)).status).toBe(200);
});

it('runs a redelivered delivery and five duplicate triggers of one head once', async () => {
  const { fx, app, prEvent } = await appFixture();
  const before = stub.chatRequests().length;
  const first = await deliver(app.url, 'pull_request', prEvent('opened'));
  const again = await deliver(app.url, 'pull_request', prEvent('opened'), { id: first.id });
  const triggers = await Promise.all(
    ['opened', 'reopened', 'synchronize', 'synchronize', 'ready_for_review'].map((action) =>
      deliver(app.url, 'pull_request', prEvent(action)),
    ),
  );
  for (const r of [first, again, ...triggers]) expect(r.status).toBe(200);
  const status = await app.waitForStatus((s) => s.done === 1 && s.queued + s.running === 0);
  expect(status.recent).toHaveLength(1);
  expect(stub.chatRequests().length - before).toBe(1);
  expect(fx.gh.state.checkRuns).toHaveLength(1);
  expect(fx.gh.state.issueComments.filter((c) => c.body.includes('aethr:summary'))).toHaveLength(1);
  // The App's own comments and pushes start nothing.
  const own = await deliver(
    app.url,
    'issue_comment',
    asAppDelivery(
      prCommentPayload({
        owner: 'acme',
        repo: 'calc',
        number: fx.repo.number,
        body: '/aethr review',
        author: APP_BOT,
        authorType: 'Bot',
        commentId: 991,
      }),
      fx.repo.originUrl,
    ),
  );
  const push = await deliver(app.url, 'pull_request', prEvent('synchronize', APP_BOT));
  expect([own.status, push.status]).toEqual([200, 200]);
  const after = await app.status();
  expect(after.recent).toHaveLength(1);
  expect(after.ignored).toBe(2);
});

it('acknowledges 40 deliveries well under 200 ms each while the model takes 4 s', async () => {
  delayMs = 4000;
  const { app, prEvent, fx } = await appFixture({ AETHR_POOL_SIZE: '2' });
  const times: number[] = [];
  const bodies = Array.from({ length: 40 }, (_, i) =>
    i % 2 === 0
      ? prEvent('synchronize')
      : asAppDelivery(
          prCommentPayload({
            owner: 'acme',
            repo: 'calc',
            number: fx.repo.number,
            body: '/aethr review',
            author: 'maintainer',
            commentId: 5000 + i,
          }),
          fx.repo.originUrl,
        ),
  );
  for (const [i, body] of bodies.entries()) {
    const r = await deliver(app.url, i % 2 === 0 ? 'pull_request' : 'issue_comment', body);
    expect(r.status).toBe(200);
    times.push(r.ms);
    // Deliveries arrive while runs are waiting on the model.
    if (i === 1) await app.waitForStatus((s) => s.running > 0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1]!;
  expect(stub.chatRequests().length).toBeGreaterThan(0);
  expect(Math.max(...times)).toBeLessThan(200);
  console.log(
    `ack ms with a 4 s model: median ${sorted[20]!.toFixed(1)}, p99 ${p99.toFixed(1)}, max ${Math.max(...times).toFixed(1)}`,
  );
});
