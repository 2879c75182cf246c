/** `aethr app`: the CLI bundle runs the same App, configured from the environment. */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { CLI_BUNDLE, runCli } from '../support/run-cli.js';
import { startAppFixture, type AppFixture } from '../support/app-fixture.js';
import { deliver, get, startAppProcess } from '../support/app-process.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

let stub: OpenAIStub;
let f: AppFixture;
beforeAll(async () => {
  stub = await startOpenAIStub();
  f = await startAppFixture({ stub, env: { AETHR_MOCK: 'true' } });
});
afterAll(async () => {
  await f.close();
  await stub.close();
});

it('aethr app serves the App until SIGTERM', async () => {
  const app = await startAppProcess(f.env, [CLI_BUNDLE, 'app']);
  try {
    expect((await get(`${app.url}/healthz`)).status).toBe(200);
    expect((await deliver(app.url, 'pull_request', f.prEvent())).status).toBe(200);
    await app.waitForStatus((s) => s.done === 1);
    expect(f.fx.gh.state.checkRuns.map((c) => c.conclusion)).toEqual(['success']);
  } finally {
    app.child.kill('SIGTERM');
  }
  expect(await app.exited).toBe(0);
});

it('aethr app --help, and a bad setting as one line', async () => {
  const help = await runCli(['app', '--help'], { cwd: f.tmp });
  expect(help.stdout).toMatch(/^Usage: aethr app\n/);
  expect((await runCli(['help'], { cwd: f.tmp })).stdout).toMatch(
    /\n {2}app {6}Run the aethr GitHub App/,
  );
  const bad = await runCli(['app'], { cwd: f.tmp, env: { ...f.env, AETHR_POOL_SIZE: 'many' } });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toBe(
    'aethr app: AETHR_POOL_SIZE is "many"; expected a whole number from 1 to 64.\n',
  );
});
