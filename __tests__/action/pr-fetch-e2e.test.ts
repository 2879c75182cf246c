/**
 * The PR fetch of a review: one fetch reaches the merge base of a PR longer than the first
 * fetch's least depth, sized by the commit count the API reports (the payload's can be stale),
 * and the model reads the diff exactly as git computes merge-base...head.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewReply, startActionFixture, type ActionFixture } from '../support/action-fixture.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { git } from '../support/pr-repo.js';

let stub: OpenAIStub;
let fx: ActionFixture;
let traces: string;

beforeAll(async () => {
  stub = await startOpenAIStub({ reply: () => ({ text: reviewReply([], 'pass') }) });
  traces = mkdtempSync(join(tmpdir(), 'aethr-fetch-trace-'));
});
afterAll(async () => {
  await stub.close();
  rmSync(traces, { recursive: true, force: true });
});
afterEach(async () => fx?.close());

/** The fetches a run made, from git's trace2 events (top-level commands only). */
function fetchesIn(traceFile: string): string[][] {
  return readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; sid: string; argv?: string[] })
    .filter((e) => e.event === 'start' && !e.sid.includes('/') && e.argv?.includes('fetch'))
    .map((e) => e.argv!);
}

it('a 70-commit PR whose payload says 1 commit: one fetch, the diff byte for byte', async () => {
  fx = await startActionFixture({ stub });
  const seed = join(fx.repo.dir, 'seed');
  git(seed, 'checkout', '-q', fx.repo.headRef);
  for (let k = 0; k < 69; k++) git(seed, 'commit', '-q', '--allow-empty', '-m', `step ${k}`); // history only
  git(seed, 'checkout', '-q', fx.repo.baseRef);
  const pushed = fx.repo.push({ 'b.py': 'y = 1\n' }); // the 71st commit, and the refs
  fx.gh.updatePull(fx.repo.number, {
    head: { sha: pushed.headSha },
    diff: pushed.diff,
    commits: 71,
  });
  const event = fx.prEvent();
  expect((event.pull_request as { commits: number }).commits).toBe(1); // stale, as sent
  const trace = join(traces, 'run.trace');
  const before = stub.chatRequests().length;
  const out = await fx.run('pull_request', event, {}, { GIT_TRACE2_EVENT: trace });
  expect(out.code).toBe(0);
  expect(fx.gh.violations).toEqual([]);

  const fetches = fetchesIn(trace);
  expect(fetches).toHaveLength(1);
  expect(fetches[0]).toContain('--depth=72');
  const mergeBase = git(fx.repo.origin, 'merge-base', fx.repo.baseRef, pushed.headSha);
  const diff = `${git(fx.repo.origin, 'diff', '--no-ext-diff', '-M', mergeBase, pushed.headSha)}\n`;
  expect(diff).toContain('+y = 1');
  const prompt = JSON.stringify(stub.chatRequests()[before]!.body?.messages);
  expect(prompt).toContain(JSON.stringify(diff).slice(1, -1));
});
