/**
 * The opencode backend end to end: a real git repository in a temp dir, a scripted
 * OpenAI-compatible model on 127.0.0.1 that answers with `write` tool calls, and opencode itself —
 * the REAL CLI when installed (scripts/install-opencode.sh or AETHR_OPENCODE_BIN), and always the
 * stand-in `__tests__/support/fake-opencode.mjs` with the same interface. The output says which ran.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Step } from '../../src/config/schema.js';
import {
  createOpencodeBackend as createBackend,
  type OpencodeBackendOptions,
} from '../../src/backends/opencode/opencode-backend.js';
import { createModelGateway } from '../../src/models/gateway.js';
import { OpencodeError } from '../../src/backends/opencode/errors.js';
import { opencodePrompt } from '../../src/backends/opencode/opencode-config.js';
import { editScript, startOpencodeLLMStub, toolNames } from '../support/opencode-llm-stub.js';
import type { OpencodeLLMStub } from '../support/opencode-llm-stub.js';
import { findRealOpencode, standinAgent } from '../support/opencode-agent.js';
import type { OpencodeAgent } from '../support/opencode-agent.js';

const API_KEY = 'sk-aethr-test-key-0123456789';
const MODEL = 'local:stub-model';

/** The backend as a door builds it: its model calls go through a live gateway (via the proxy), test hooks passed. */
function createOpencodeBackend(options: Omit<OpencodeBackendOptions, 'models'>) {
  return createBackend({
    models: createModelGateway({ env: options.env, live: true }),
    passEnv: Object.keys(options.env).filter((k) => k.startsWith('FAKE_OPENCODE_')),
    ...options,
  });
}

const made: string[] = [];
function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A repository (inside its own parent folder, so `../` stays in the temp area) with one commit. */
function makeRepo(): string {
  const repo = join(tempDir('aethr-oc-'), 'repo');
  mkdirSync(join(repo, 'src'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Aethr Test');
  git(repo, 'config', 'user.email', 'test@example.invalid');
  git(repo, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(repo, 'README.md'), '# Demo\n');
  writeFileSync(join(repo, 'src', 'app.txt'), 'line 1\nline 2\nline 3\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'initial');
  return repo;
}

/** Everything in .git that a commit, stash, checkout or reset would change. */
function gitState(repo: string): string {
  return [
    git(repo, 'rev-parse', 'HEAD'),
    git(repo, 'for-each-ref'),
    git(repo, 'rev-list', '--all', '--count'),
    git(repo, 'stash', 'list'),
    git(repo, 'diff', '--cached', '--name-only'),
  ].join('|');
}

function step(over: Partial<Step> = {}): Step {
  return {
    id: 'implement',
    role: 'implementer',
    context: [],
    unsafe_permissions: false,
    history_visibility: 'all',
    backend: 'opencode',
    ...over,
  };
}

const prompt = {
  system: 'You are the implementer.',
  user: '# Task\n\nAdd a greeting file and number the app lines.',
};

function backendEnv(
  llm: OpencodeLLMStub,
  extra: Record<string, string> = {},
): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    LOCAL_BASE_URL: llm.url,
    LOCAL_API_KEY: API_KEY,
    GITHUB_TOKEN: 'ghs_secret_token_123456',
    ...extra,
  };
}

const real = findRealOpencode();
const agents: OpencodeAgent[] = real ? [real, standinAgent()] : [standinAgent()];

beforeAll(() => {
  console.log(
    real
      ? `opencode backend test: using ${real.describe} (and the stand-in for the process-level tests)`
      : `opencode backend test: using stand-in ${standinAgent().bin} (no real opencode found: run scripts/install-opencode.sh or set AETHR_OPENCODE_BIN)`,
  );
});

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each(agents.map((a) => [a.describe, a] as const))('with %s', (_label, agent) => {
  let llm: OpencodeLLMStub;
  afterEach(async () => {
    await llm?.close();
  });

  // Short provider timeout (opencode retries failed requests for over a minute otherwise) and an outer one.
  const limits = { timeoutMs: 45_000, requestTimeoutMs: 4_000 };

  test('edits the working tree; the artifact lists the files with a correct patch; .git untouched', async () => {
    const started = Date.now();
    const repo = makeRepo();
    llm = await startOpencodeLLMStub({
      reply: editScript({
        say: 'Editing now.',
        writes: [
          { file: 'notes/hello.txt', content: 'hello from the model\n' },
          { file: 'src/app.txt', content: 'line 1\nline 2 (numbered)\nline 3\n' },
        ],
        finalText: 'Added notes/hello.txt and updated src/app.txt.',
      }),
    });
    const gitBefore = gitState(repo);
    const deltas: string[] = [];
    const backend = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm),
      bin: agent.bin,
      ...limits,
    });
    const done = await backend.implement({
      step: step(),
      prompt,
      model: MODEL,
      iteration: 1,
      onDelta: (c) => deltas.push(c),
    });

    expect(readFileSync(join(repo, 'notes/hello.txt'), 'utf8')).toBe('hello from the model\n');
    expect(done.artifact).toMatchObject({
      stepId: 'implement',
      iteration: 1,
      changedFiles: ['notes/hello.txt', 'src/app.txt'],
    });
    expect(done.artifact.note).toBeUndefined();
    expect(done.artifact.diffStat).toMatch(/notes\/hello\.txt \| +1 \+/);
    expect(done.artifact.diffStat).toMatch(/src\/app\.txt +\| +2 \+-/);
    expect(done.artifact.patch).toContain('new file mode 100644');
    expect(done.artifact.patch).toContain('+hello from the model');
    expect(done.artifact.patch).toContain('-line 2\n+line 2 (numbered)');

    // The patch is exactly the change: applied to a fresh checkout of HEAD it reproduces the tree.
    const copy = join(tempDir('aethr-oc-copy-'), 'copy');
    git(dirname(copy), 'clone', '-q', repo, basename(copy));
    execFileSync('git', ['apply', '--index', '-'], { cwd: copy, input: done.artifact.patch });
    for (const f of done.artifact.changedFiles)
      expect(readFileSync(join(copy, f), 'utf8')).toBe(readFileSync(join(repo, f), 'utf8'));

    // opencode made no commit, stash, ref or staged change.
    expect(gitState(repo)).toBe(gitBefore);
    expect(git(repo, 'status', '--porcelain')).toBe(' M src/app.txt\n?? notes/\n');

    // The model stand-in saw the routed model, the key, the tools and the task.
    const main = llm.chatRequests().filter((r) => toolNames(r).includes('write'));
    expect(main.length).toBeGreaterThanOrEqual(1);
    expect(main[0]!.body?.model).toBe('stub-model');
    expect(main[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.stringify(main[0]!.body?.messages)).toContain(
      'Add a greeting file and number the app lines.',
    );

    expect(done.output).toContain('Editing now.');
    expect(deltas.join('')).toContain('Editing now.');
    if (agent.kind === 'real')
      expect(done.output).toContain('Added notes/hello.txt and updated src/app.txt.');
    expect(done.usage?.inputTokens).toBeGreaterThan(0);
    expect(done.mock).toBe(false);
    console.log(`opencode backend test (${agent.kind}): edit run took ${Date.now() - started} ms`);
  });

  test('a write outside the tree is rejected without unsafe_permissions: exit 0, judged by the diff', async () => {
    const repo = makeRepo();
    const outside = join(dirname(repo), 'outside.txt');
    llm = await startOpencodeLLMStub({
      reply: editScript({ writes: [{ file: '../outside.txt', content: 'escaped\n' }] }),
    });
    const backend = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm),
      bin: agent.bin,
      ...limits,
    });
    const done = await backend.implement({ step: step(), prompt, model: MODEL, iteration: 2 });
    expect(existsSync(outside)).toBe(false);
    expect(done.artifact.changedFiles).toEqual([]);
    expect(done.artifact.patch).toBe('');
    expect(done.artifact.note).toMatch(
      /opencode changed no files; failed tool calls: write .*outside\.txt: .*rejected permission/,
    );
    expect(done.output).toMatch(/Tool calls that failed:\n- write /);
  });

  test('unsafe_permissions: true maps to the permission bypass', async () => {
    const repo = makeRepo();
    const outside = join(dirname(repo), 'outside.txt');
    llm = await startOpencodeLLMStub({
      reply: editScript({ writes: [{ file: '../outside.txt', content: 'escaped\n' }] }),
    });
    const backend = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm),
      bin: agent.bin,
      ...limits,
    });
    const done = await backend.implement({
      step: step({ unsafe_permissions: true }),
      prompt,
      model: MODEL,
      iteration: 1,
    });
    expect(readFileSync(outside, 'utf8')).toBe('escaped\n');
    // Outside the repository, so not in the artifact.
    expect(done.artifact.changedFiles).toEqual([]);
  });

  test('a provider that does not answer is a clear error, without the key', async () => {
    const repo = makeRepo();
    llm = await startOpencodeLLMStub({ reply: () => ({ text: 'too late', delayMs: 20_000 }) });
    const backend = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm),
      bin: agent.bin,
      timeoutMs: 45_000,
      requestTimeoutMs: 1_500,
    });
    const error = await backend
      .implement({ step: step(), prompt, model: MODEL, iteration: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpencodeError);
    const e = error as OpencodeError;
    expect(e.kind).toBe('error-event');
    expect(e.message).toMatch(/opencode step "implement" failed: .*timed out/i);
    expect(e.hint).toContain('local:stub-model');
    expect(`${e.message} ${e.hint} ${e.stderr}`).not.toContain(API_KEY);
    expect(e.artifact?.changedFiles).toEqual([]);
  });
});

describe('process and interface (stand-in)', () => {
  const standin = standinAgent();
  let llm: OpencodeLLMStub;
  beforeAll(async () => {
    llm = await startOpencodeLLMStub({
      reply: editScript({ writes: [{ file: 'a.txt', content: 'a\n' }], say: 'ok' }),
    });
  });
  afterAll(async () => {
    await llm.close();
  });

  test('missing binary: a clear error with the install hint', async () => {
    const repo = makeRepo();
    for (const options of [
      { bin: '/nonexistent/opencode' },
      { env: { ...backendEnv(llm), PATH: '/nonexistent' } },
    ]) {
      const backend = createOpencodeBackend({ root: repo, env: backendEnv(llm), ...options });
      const error = (await backend
        .implement({ step: step(), prompt, model: MODEL, iteration: 1 })
        .catch((e: unknown) => e)) as OpencodeError;
      expect(error).toBeInstanceOf(OpencodeError);
      expect(error.kind).toBe('not-installed');
      expect(error.message).toContain('the opencode CLI was not found');
      expect(error.hint).toContain('npm i -g opencode-ai');
      expect(error.hint).toContain('backend: patch');
    }
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  test('AETHR_OPENCODE_BIN names the binary', async () => {
    const repo = makeRepo();
    const backend = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm, { AETHR_OPENCODE_BIN: standin.bin }),
    });
    const done = await backend.implement({ step: step(), prompt, model: MODEL, iteration: 1 });
    expect(done.artifact.changedFiles).toEqual(['a.txt']);
  });

  test('timeout: the whole process group is killed and the error names the timeout', async () => {
    const repo = makeRepo();
    const pidFile = join(tempDir('aethr-oc-pid-'), 'pids');
    const backend = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm, { FAKE_OPENCODE_SLEEP_MS: '60000', FAKE_OPENCODE_PID_FILE: pidFile }),
      bin: standin.bin,
      // The pids are checked from here, so no PID namespace (sandbox tests cover that mode).
      isolation: { mode: 'none', description: 'none (test)', tried: [] },
      timeoutMs: 1_500,
      killGraceMs: 500,
    });
    const started = Date.now();
    const error = (await backend
      .implement({ step: step(), prompt, model: MODEL, iteration: 1 })
      .catch((e: unknown) => e)) as OpencodeError;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(OpencodeError);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not finish within the 1500 ms timeout');
    const pids = readFileSync(pidFile, 'utf8').split(' ').map(Number);
    expect(pids).toHaveLength(2);
    // Running = signal 0 reaches it and it is not a zombie (an orphan waits for a reaper that a
    // container's PID 1 may never be).
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
      } catch {
        return false;
      }
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return !/^\d+ \(.*\) [ZX]/.test(stat);
      } catch {
        return process.platform !== 'linux';
      }
    };
    // The agent and the child it started (same group) are both gone.
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  test('what opencode is given: argv, isolation env, config, permission only when unsafe', async () => {
    for (const unsafe of [false, true]) {
      const repo = makeRepo();
      const record = join(tempDir('aethr-oc-rec-'), 'record.json');
      const backend = createOpencodeBackend({
        root: repo,
        env: backendEnv(llm, {
          FAKE_OPENCODE_RECORD: record,
          OPENAI_API_KEY: 'sk-other-key-abcdef123',
        }),
        bin: standin.bin,
        requestTimeoutMs: 7_000,
      });
      await backend.implement({
        step: step({ unsafe_permissions: unsafe }),
        prompt,
        model: MODEL,
        iteration: 3,
      });
      const seen = JSON.parse(readFileSync(record, 'utf8')) as {
        argv: string[];
        cwd: string;
        message: string;
        envNames: string[];
        env: Record<string, string>;
        config: Record<string, unknown> & {
          provider: Record<string, { options: Record<string, unknown> }>;
        };
      };
      expect(seen.argv.slice(0, 8)).toEqual([
        'run',
        '--model',
        'aethr/stub-model',
        '--format',
        'json',
        '--pure',
        '--title',
        'aethr implement (iteration 3)',
      ]);
      expect(seen.argv.includes('--auto')).toBe(unsafe);
      expect(seen.argv.at(-2)).toBe('--');
      expect(seen.argv.at(-1)).toBe(opencodePrompt(prompt));
      expect(seen.cwd).toBe(repo);
      expect('permission' in seen.config).toBe(unsafe);
      if (unsafe) expect(seen.config.permission).toBe('allow');
      // opencode talks to aethr's model proxy with a one-run key, never to the provider.
      const options = seen.config.provider.aethr!.options;
      expect(options).toMatchObject({ timeout: 7_000 });
      expect(options.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(options.baseURL).not.toBe(llm.url);
      expect(options.apiKey).toMatch(/^aethr-proxy-[0-9a-f]{48}$/);
      expect(JSON.stringify(seen)).not.toContain(API_KEY);
      expect(seen.envNames).not.toContain('GITHUB_TOKEN');
      expect(seen.envNames).not.toContain('OPENAI_API_KEY');
      expect(seen.envNames).not.toContain('LOCAL_API_KEY');
      expect(seen.env.HOME).toMatch(/aethr-opencode-[^/]+\/home$/);
      expect(seen.env.XDG_DATA_HOME).toMatch(/aethr-opencode-[^/]+\/data$/);
      expect(seen.env.OPENCODE_DISABLE_PROJECT_CONFIG).toBe('1');
      expect(seen.env.npm_config_registry).toBe('http://127.0.0.1:9/');
      // The isolation folder is removed after the run.
      expect(existsSync(dirname(seen.env.HOME!))).toBe(false);
    }
  });

  test('the API key is redacted from output and deltas', async () => {
    const repo = makeRepo();
    llm.setReply(() => ({ text: `my key is ${API_KEY}` }));
    try {
      const deltas: string[] = [];
      const backend = createOpencodeBackend({ root: repo, env: backendEnv(llm), bin: standin.bin });
      const done = await backend.implement({
        step: step(),
        prompt,
        model: MODEL,
        iteration: 1,
        onDelta: (d) => deltas.push(d),
      });
      expect(done.output).toBe('my key is [redacted]');
      expect(deltas.join('')).toBe('my key is [redacted]');
      expect(done.artifact.note).toBe('opencode changed no files');
    } finally {
      llm.setReply(editScript({ writes: [{ file: 'a.txt', content: 'a\n' }], say: 'ok' }));
    }
  });

  test('files dirty before the run are not reported unless the run changed them', async () => {
    const repo = makeRepo();
    writeFileSync(join(repo, 'README.md'), '# Demo (local edit)\n');
    writeFileSync(join(repo, 'scratch.txt'), 'mine\n');
    const backend = createOpencodeBackend({ root: repo, env: backendEnv(llm), bin: standin.bin });
    const done = await backend.implement({ step: step(), prompt, model: MODEL, iteration: 1 });
    expect(done.artifact.changedFiles).toEqual(['a.txt']);
    expect(done.artifact.patch).not.toContain('README.md');
  });

  test('a run that moves HEAD (commits) is refused with a clear error', async () => {
    const repo = makeRepo();
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    const backend = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm, { FAKE_OPENCODE_COMMIT: '1' }),
      bin: standin.bin,
    });
    const error = (await backend
      .implement({ step: step(), prompt, model: MODEL, iteration: 1 })
      .catch((e: unknown) => e)) as OpencodeError;
    expect(error).toBeInstanceOf(OpencodeError);
    expect(error.kind).toBe('head-moved');
    expect(error.message).toContain(`moved HEAD from ${head} to `);
  });

  test('a root below the top level: opencode runs there, paths are relative to the repository', async () => {
    const repo = makeRepo();
    const record = join(tempDir('aethr-oc-rec-'), 'record.json');
    const backend = createOpencodeBackend({
      root: join(repo, 'src'),
      env: backendEnv(llm, { FAKE_OPENCODE_RECORD: record }),
      bin: standin.bin,
    });
    const done = await backend.implement({ step: step(), prompt, model: MODEL, iteration: 1 });
    expect((JSON.parse(readFileSync(record, 'utf8')) as { cwd: string }).cwd).toBe(
      join(repo, 'src'),
    );
    expect(done.artifact.changedFiles).toEqual(['src/a.txt']);
    expect(done.artifact.patch).toContain('+++ b/src/a.txt');
  });

  test('a model needing a key it does not have is a config error before anything runs', async () => {
    const repo = makeRepo();
    const backend = createOpencodeBackend({
      root: repo,
      env: { PATH: process.env.PATH },
      bin: standin.bin,
    });
    const error = (await backend
      .implement({ step: step(), prompt, model: 'openai:gpt-4o-mini', iteration: 1 })
      .catch((e: unknown) => e)) as OpencodeError;
    expect(error).toBeInstanceOf(OpencodeError);
    expect(error.kind).toBe('config');
    expect(error.message).toContain('OPENAI_API_KEY is not set');
  });

  test('a non-zero exit that changed nothing is an error; one that changed files is a note', async () => {
    const repo = makeRepo();
    const failing = createOpencodeBackend({
      root: repo,
      env: backendEnv(llm, { FAKE_OPENCODE_EXIT: '3' }),
      bin: standin.bin,
    });
    llm.setReply(() => ({ text: 'nothing to do' }));
    try {
      const error = (await failing
        .implement({ step: step(), prompt, model: MODEL, iteration: 1 })
        .catch((e: unknown) => e)) as OpencodeError;
      expect(error).toBeInstanceOf(OpencodeError);
      expect(error.kind).toBe('exit');
      expect(error.message).toContain('exited with code 3 and changed no files');
    } finally {
      llm.setReply(editScript({ writes: [{ file: 'a.txt', content: 'a\n' }], say: 'ok' }));
    }
    const done = await failing.implement({ step: step(), prompt, model: MODEL, iteration: 1 });
    expect(done.artifact.changedFiles).toEqual(['a.txt']);
    expect(done.artifact.note).toBe('opencode exited with code 3');
  });
});
