/**
 * A pull request (action-fixture.ts: real git repositories and the GitHub stand-in, with the App
 * installed) and the bundled App configured for it, startable more than once on the same data
 * folder (to kill and restart it).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY, startActionFixture, type ActionFixture } from './action-fixture.js';
import {
  appEnv,
  asAppDelivery,
  standinApp,
  startAppProcess,
  type AppProcess,
} from './app-process.js';
import type { GitHubStandinOptions } from './github-standin/types.js';
import type { OpenAIStub } from './openai-stub.js';
import { prCommentPayload } from './webhook-examples.js';

export interface AppFixture {
  fx: ActionFixture;
  dataDir: string;
  /** The app's TMPDIR (its clones go here). */
  tmp: string;
  env: Record<string, string>;
  /** Starts the app (again) with the fixture's environment and `extra`. */
  start(extra?: Record<string, string>): Promise<AppProcess>;
  prEvent(action?: string, sender?: string): Record<string, unknown>;
  commentEvent(body: string, commentId: number, author?: string): Record<string, unknown>;
  close(): Promise<void>;
}

export async function startAppFixture(o: {
  stub: OpenAIStub;
  env?: Record<string, string>;
  standin?: Partial<GitHubStandinOptions>;
}): Promise<AppFixture> {
  const fx = await startActionFixture({
    stub: o.stub,
    standin: { app: standinApp(), ...o.standin },
  });
  const dir = mkdtempSync(join(tmpdir(), 'aethr-app-'));
  const dataDir = join(dir, 'data');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const env = appEnv({
    gh: fx.gh,
    dataDir,
    modelUrl: o.stub.url,
    extra: { OPENAI_API_KEY: KEY, AETHR_WRITE_SPACING_MS: '0', TMPDIR: tmp, ...o.env },
  });
  const started: AppProcess[] = [];
  return {
    fx,
    dataDir,
    tmp,
    env,
    async start(extra = {}) {
      const app = await startAppProcess({ ...env, ...extra });
      started.push(app);
      return app;
    },
    prEvent: (action = 'opened', sender = 'maintainer') =>
      asAppDelivery(fx.prEvent(action, sender), fx.repo.originUrl),
    commentEvent: (body, commentId, author = 'maintainer') =>
      asAppDelivery(
        prCommentPayload({
          owner: 'acme',
          repo: 'calc',
          number: fx.repo.number,
          body,
          author,
          commentId,
        }),
        fx.repo.originUrl,
      ),
    async close() {
      for (const app of started) await app.kill('SIGKILL');
      await fx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
