/**
 * The CLI as people meet it, through the bundled bin: usage errors, pipes, the findings list and
 * --fail-on, --base, doctor in mock mode, auth login/status, and what init writes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { SCHEMA_COMMENT } from '../../src/project.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { CLI_BUNDLE, runCli } from '../support/run-cli.js';

let stub: OpenAIStub;
beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => stub.close());

/** A repository on `main` with one commit, then a feature branch with a committed change. */
function featureBranchRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-cli-usage-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  writeFileSync(join(dir, 'calc.py'), 'def add(a, b):\n    return a + b\n');
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  git('add', '.');
  git('commit', '-qm', 'init');
  git('checkout', '-qb', 'feature');
  writeFileSync(join(dir, 'calc.py'), 'def add(a, b):\n    return a - b\n');
  git('commit', '-qam', 'break add');
  return dir;
}

const live = () => ({
  AETHR_LIVE: '1',
  OPENAI_API_KEY: 'sk-test-usage-123456',
  OPENAI_BASE_URL: stub.url,
});

const NO_STACK = /\n\s+at /;

describe('usage errors exit 2 with the usage line and a did-you-mean', () => {
  it.each([
    [['run', 'x', '--wrokflow', 'a.yaml'], 'aethr run: unknown option "--wrokflow"', '--workflow'],
    [['rnu', 'x'], 'aethr: unknown command "rnu"', 'run'],
    [
      ['init', 'revew-existing-diff'],
      'aethr init: unknown preset "revew-existing-diff"',
      'review-existing-diff',
    ],
    [['run', 'x', '--fail-on', 'hihg'], 'aethr run: --fail-on does not take "hihg"', 'high'],
    [['doctor', '--workflw', 'x'], 'aethr doctor: unknown option "--workflw"', '--workflow'],
    [['auth', 'login', 'opneai'], 'aethr auth: unknown provider "opneai"', 'openai'],
    [['pr', '--evnt', 'e.json'], 'aethr pr: unknown option "--evnt"', '--event'],
  ])('%j', async (args, message, suggestion) => {
    const out = await runCli(args, { cwd: tmpdir() });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
    expect(out.stderr).toContain(`hint: Did you mean "${suggestion}"?`);
    expect(out.stderr).toMatch(/\nUsage: aethr /);
    expect(out.stderr).not.toMatch(NO_STACK);
    expect(out.stderr).not.toMatch(/unexpected error/);
  });

  it('a flag missing its value says so', async () => {
    const out = await runCli(['run', 'x', '--workflow'], { cwd: tmpdir() });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^aethr run: option "--workflow" needs a value\nUsage: aethr run/);
  });
});

describe('pipes and plain output', () => {
  it('| head ends quietly with exit 0, even when aethr has far more to write', () => {
    const dir = featureBranchRepo();
    // Far more than a pipe buffer of prompt, so aethr is still writing when head exits.
    writeFileSync(join(dir, 'big.txt'), 'line of text for the prompt preview\n'.repeat(20_000));
    const done = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${CLI_BUNDLE}" run x --workflow review-existing-diff --show-prompt | head -2`,
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout.split('\n').length).toBeLessThanOrEqual(3);
    expect(done.stdout).toContain('══ step review');
  });

  it('prints no control codes when stdout is not a terminal, colour or not', async () => {
    const dir = featureBranchRepo();
    const out = await runCli(
      ['run', 'review', '--workflow', 'review-existing-diff', '--base', 'main'],
      {
        cwd: dir,
        env: { FORCE_COLOR: '0' },
      },
    );
    expect(out.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(out.stdout).not.toMatch(/[\u001b\r]/);
  });
});

describe('aethr run: findings, --fail-on, --base', () => {
  const reply = (severity: string) =>
    `The change flips add.\n\n\`\`\`json\n${JSON.stringify({
      status: 'revise',
      findings: [
        { path: 'calc.py', line: 2, severity, title: 'add subtracts', body: 'a - b' },
        {
          path: 'calc.py',
          line: 1,
          severity: 'info',
          title: 'Name \u001b[31mit\u001b[0m',
          body: '',
        },
      ],
    })}\n\`\`\`\nReview status: revise\n`;

  it('lists the findings and --fail-on high exits 1 on a high finding, 0 below it', async () => {
    const dir = featureBranchRepo();
    stub.setReply(() => ({ text: reply('high') }));
    const args = ['run', 'review', '--workflow', 'review-existing-diff', '--base', 'main'];
    const high = await runCli([...args, '--fail-on', 'high'], { cwd: dir, env: live() });
    expect(high.code).toBe(1);
    expect(high.stdout).toMatch(
      /Findings \(2, review status: revise\):\n {2}HIGH {4}calc\.py:2 {2}add subtracts\n {2}INFO {4}calc\.py:1 {2}Name \[31mit\[0m\n/,
    );
    expect(high.stderr).toContain('aethr: 1 finding at or above "high" (--fail-on high).');
    expect(high.stderr).not.toMatch(NO_STACK);

    stub.setReply(() => ({ text: reply('medium') }));
    const medium = await runCli([...args, '--fail-on', 'high'], { cwd: dir, env: live() });
    expect(medium.code).toBe(0);
    const none = await runCli(args, { cwd: dir, env: live() });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('MEDIUM  calc.py:2');
  });

  it('--base main reviews the committed branch; without it git_diff is empty', async () => {
    const dir = featureBranchRepo();
    const args = ['run', 'review', '--workflow', 'review-existing-diff', '--show-prompt'];
    const branch = await runCli([...args, '--base', 'main'], { cwd: dir });
    expect(branch.code).toBe(0);
    expect(branch.stdout).toContain('git diff (working tree vs the merge base with main');
    expect(branch.stdout).toContain('-    return a + b\n+    return a - b');
    const head = await runCli(args, { cwd: dir });
    expect(head.stdout).not.toContain('+    return a - b');
    expect(head.stdout).toContain('No changes in the working tree');

    const typo = await runCli([...args, '--base', 'mian'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('hint: Did you mean "main"?');
  });
});

describe('aethr doctor', () => {
  it('in mock mode warns about a missing key and passes; live, it is a problem', async () => {
    const dir = featureBranchRepo();
    await runCli(['init', 'review-existing-diff'], { cwd: dir });
    const mock = await runCli(['doctor'], { cwd: dir });
    expect(mock.code).toBe(0);
    expect(mock.stdout).toMatch(
      /!\s+role reviewer\s+openai:gpt-4o-mini: OPENAI_API_KEY is not set/,
    );
    expect(mock.stdout).toContain('All checks passed (1 warning).');

    const liveNoKey = await runCli(['doctor'], { cwd: dir, env: { AETHR_LIVE: '1' } });
    expect(liveNoKey.code).toBe(1);
    expect(liveNoKey.stdout).toMatch(/✗\s+role reviewer/);
    expect(liveNoKey.stdout).toContain('1 problem to fix.');
  });

  it('counts every problem of a broken workflow file', async () => {
    const dir = featureBranchRepo();
    writeFileSync(
      join(dir, '.aethr.yaml'),
      'workflow: w\nroles:\n  reviewer: R\nsteps:\n  - id: a\n    role: reviewr\n    histroy_visibility: none\n',
    );
    const out = await runCli(['doctor'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('2 problems to fix.');
  });
});

describe('aethr auth', () => {
  const KEY = 'sk-proj-Secret_Value-0123456789';

  it('login writes the key to .env, ignores .env in git, and status never prints it', async () => {
    const dir = featureBranchRepo();
    writeFileSync(join(dir, '.env'), '# mine\nOTHER=1\nOPENAI_API_KEY=old\n');
    const login = await runCli(['auth', 'login', 'openai'], { cwd: dir, stdin: `${KEY}\n` });
    expect(login.code).toBe(0);
    const env = readFileSync(join(dir, '.env'), 'utf8');
    expect(env).toBe(`# mine\nOTHER=1\nOPENAI_API_KEY=${KEY}\n`);
    expect(parseEnv(env)['OPENAI_API_KEY']).toBe(KEY);
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    expect(login.stdout + login.stderr).not.toContain(KEY);
    const ignored = spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: dir });
    expect(ignored.status).toBe(0);

    const status = await runCli(['auth', 'status'], { cwd: dir });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/✓\s+openai\s+OPENAI_API_KEY\s+set in \.env/);
    expect(status.stdout).toMatch(/·\s+anthropic\s+ANTHROPIC_API_KEY\s+not set/);
    expect(status.stdout + status.stderr).not.toContain(KEY);
    expect(status.stdout).not.toContain('sk-');

    // The key now serves live runs from .env.
    const doctor = await runCli(['doctor', '--workflow', 'review-existing-diff'], {
      cwd: dir,
      env: { AETHR_LIVE: '1', OPENAI_BASE_URL: stub.url },
    });
    expect(doctor.stdout).toMatch(
      /✓\s+role reviewer\s+openai:gpt-4o-mini .*key from OPENAI_API_KEY/,
    );
  });

  it('refuses an empty key and writes nothing', async () => {
    const dir = featureBranchRepo();
    const out = await runCli(['auth', 'login', 'gemini'], { cwd: dir, stdin: '\n' });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('No key was given; nothing was written.');
    expect(() => statSync(join(dir, '.env'))).toThrow();
  });
});

describe('aethr init', () => {
  it('writes the $schema line and a Next: command that runs this aethr', async () => {
    const dir = featureBranchRepo();
    const out = await runCli(['init', 'custom'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(readFileSync(join(dir, '.aethr.yaml'), 'utf8').split('\n')[0]).toBe(SCHEMA_COMMENT);
    const next = /^Next: (.+) run "describe your task"$/m.exec(out.stdout);
    expect(next?.[1]).toBe(`node ${CLI_BUNDLE}`);
  });
});
