/**
 * The `aethr` CLI end to end: the bundled dist/cli/index.js in real git repositories, with an
 * OpenAI-compatible stand-in on 127.0.0.1 for live runs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { runCli } from '../support/run-cli.js';

let stub: OpenAIStub;
beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => stub.close());

function repoWithChange(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-cli-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
  git('init', '-q');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  writeFileSync(join(dir, 'calc.py'), 'def add(a, b):\n    return a + b\n');
  git('add', '.');
  git('commit', '-qm', 'init');
  writeFileSync(join(dir, 'calc.py'), 'def add(a, b):\n    return a - b\n');
  writeFileSync(join(dir, 'new_module.py'), 'VALUE = 42\n');
  return dir;
}

const live = () => ({
  AETHR_LIVE: '1',
  OPENAI_API_KEY: 'sk-test-cli-123456',
  OPENAI_BASE_URL: stub.url,
});

describe('aethr init and run --show-prompt', () => {
  it('renders the prompt with the diff (new files included), makes no model call, exits 0', async () => {
    const dir = repoWithChange();
    const init = await runCli(['init', 'review-existing-diff'], { cwd: dir });
    expect(init.code).toBe(0);
    const before = stub.requests.length;
    const out = await runCli(['run', 'review my change', '--show-prompt'], {
      cwd: dir,
      env: live(),
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('-    return a + b');
    expect(out.stdout).toContain('+    return a - b');
    expect(out.stdout).toContain('+VALUE = 42');
    expect(out.stdout).toContain('review my change');
    expect(stub.requests.length).toBe(before);
  });

  it('refuses to overwrite .aethr.yaml without --force, and lists presets', async () => {
    const dir = repoWithChange();
    await runCli(['init', 'custom'], { cwd: dir });
    const again = await runCli(['init', 'docs-sync'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*\n.*--force/);
    expect(readFileSync(join(dir, '.aethr.yaml'), 'utf8')).toContain('workflow: custom');
    expect((await runCli(['init', 'docs-sync', '--force'], { cwd: dir })).code).toBe(0);
    const list = await runCli(['init', '--list'], { cwd: dir });
    for (const name of [
      'plan-implement-review',
      'review-existing-diff',
      'debug-failing-test',
      'add-tests',
      'docs-sync',
      'custom',
    ]) {
      expect(list.stdout).toContain(name);
    }
  });

  it('shows a placeholder where an earlier step output would be', async () => {
    const dir = repoWithChange();
    await runCli(['init', 'plan-implement-review'], { cwd: dir });
    const out = await runCli(['run', 'add sub()', '--show-prompt'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      '[placeholder: the output of step "plan" (planner) appears here when the workflow runs]',
    );
    expect(out.stdout).toContain('No implementation artifact yet');
  });
});

describe('aethr run', () => {
  it('prints a deterministic mock review without keys and exits 0', async () => {
    const dir = repoWithChange();
    await runCli(['init', 'review-existing-diff'], { cwd: dir });
    const a = await runCli(['run', 'review my change'], { cwd: dir });
    const b = await runCli(['run', 'review my change'], { cwd: dir });
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/mock mode/);
    expect(a.stdout).toContain('Review status: pass');
    // Durations differ from run to run, and so does their padding in the table ("999ms", "1.0s").
    const strip = (s: string) => s.replace(/ *\d+(\.\d+)?m?s\b/g, ' T');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });

  it('streams a live reply from an OpenAI-compatible server', async () => {
    const dir = repoWithChange();
    await runCli(['init', 'review-existing-diff'], { cwd: dir });
    stub.setReply(() => ({
      text: 'Line one of the live review.\nSecond line.\nReview status: pass\n',
      chunks: 5,
    }));
    const before = stub.chatRequests().length;
    const out = await runCli(['run', 'review my change'], { cwd: dir, env: live() });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Line one of the live review.\nSecond line.');
    const request = stub.chatRequests()[before]!;
    expect(request.body?.stream).toBe(true);
    expect(request.headers.authorization).toBe('Bearer sk-test-cli-123456');
    expect(JSON.stringify(request.body?.messages)).toContain('+    return a - b');
  });

  const loopWorkflow = `workflow: loop
roles:
  planner: Plan.
  implementer: Implement.
  reviewer: Review.
models:
  planner: openai:gpt-4o-mini
  implementer: openai:gpt-4o-mini
  reviewer: openai:gpt-4o-mini
steps:
  - id: plan
    role: planner
  - id: implement
    role: implementer
    history_visibility: latest
  - id: review
    role: reviewer
    context: [latest_diff]
    repeat:
      back_to: implement
      until_review_pass: true
      max_iterations: 3
`;

  function scriptReviews(statuses: string[]) {
    const queue = [...statuses];
    stub.setReply((req) => {
      const system = String(req.body?.messages?.[0]?.content ?? '');
      if (/You are the reviewer/.test(system)) {
        const status = queue.length > 1 ? queue.shift()! : queue[0]!;
        return { text: `Looked at it.\nReview status: ${status}\n` };
      }
      return { text: /You are the planner/.test(system) ? 'the plan' : 'implemented' };
    });
  }

  function stepsRequested(from: number): string[] {
    return stub
      .chatRequests()
      .slice(from)
      .map((r) => /step "([^"]+)"/.exec(String(r.body?.messages?.[0]?.content))![1]!);
  }

  it('loops: revise then pass runs implement twice and stops', async () => {
    const dir = repoWithChange();
    writeFileSync(join(dir, '.aethr.yaml'), loopWorkflow);
    scriptReviews(['revise', 'pass']);
    const before = stub.chatRequests().length;
    const out = await runCli(['run', 'do it'], { cwd: dir, env: live() });
    expect(out.code).toBe(0);
    expect(stepsRequested(before)).toEqual(['plan', 'implement', 'review', 'implement', 'review']);
    expect(out.stdout).toMatch(/Review passed at iteration 2\/3/);
  });

  it('loops: only revise stops at max_iterations and says so', async () => {
    const dir = repoWithChange();
    writeFileSync(join(dir, '.aethr.yaml'), loopWorkflow);
    scriptReviews(['revise']);
    const before = stub.chatRequests().length;
    const out = await runCli(['run', 'do it'], { cwd: dir, env: live() });
    expect(out.code).toBe(0);
    expect(stepsRequested(before).filter((s) => s === 'implement')).toHaveLength(3);
    expect(out.stdout).toMatch(/max_iterations reached/);
  });

  it('writes a checkpoint on failure and resumes without rerunning finished steps', async () => {
    const dir = repoWithChange();
    writeFileSync(join(dir, '.aethr.yaml'), loopWorkflow);
    stub.setReply((req) =>
      /You are the implementer/.test(String(req.body?.messages?.[0]?.content))
        ? {
            status: 400,
            error: { message: 'bad request from the stand-in', type: 'invalid_request_error' },
          }
        : { text: 'the plan' },
    );
    const failed = await runCli(['run', 'do it'], { cwd: dir, env: live() });
    expect(failed.code).toBe(1);
    const resume = /aethr run --resume-checkpoint (\S+)/.exec(failed.stderr);
    expect(resume).not.toBeNull();
    expect(failed.stderr).not.toMatch(/\n\s+at /);

    scriptReviews(['pass']);
    const before = stub.chatRequests().length;
    const resumed = await runCli(['run', '--resume-checkpoint', resume![1]!], {
      cwd: dir,
      env: live(),
    });
    expect(resumed.code).toBe(0);
    expect(stepsRequested(before)).toEqual(['implement', 'review']);
  });

  it('without a task and without a terminal, fails with a clear message', async () => {
    const dir = repoWithChange();
    await runCli(['init', 'custom'], { cwd: dir });
    const out = await runCli(['run'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/No task given.*\nhint: Pass the task as an argument/);
  });
});

describe('malformed workflow files', () => {
  const bad = resolve('__tests__/fixtures/workflows/bad');
  const files = readdirSync(bad).filter((f) => f.endsWith('.yaml'));

  it('has at least 15 fixtures', () => expect(files.length).toBeGreaterThanOrEqual(15));

  it.each(files)('%s exits non-zero with file:line and a fix, no stack trace', async (file) => {
    const out = await runCli(['run', 'x', '--workflow', join(bad, file), '--show-prompt'], {
      cwd: tmpdir(),
    });
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')}:\\d+:\\d+: `));
    expect(out.stderr).toMatch(/hint: /);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('a 10 MB file and non-UTF-8 bytes are refused clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aethr-bad-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'workflow: x\n');
    truncateSync(big, 10 * 1024 * 1024);
    const bytes = join(dir, 'latin1.yaml');
    writeFileSync(bytes, Buffer.from('workflow: caf\xe9\n', 'latin1'));
    for (const file of [big, bytes]) {
      const out = await runCli(['run', 'x', '--workflow', file], { cwd: dir });
      expect(out.code).not.toBe(0);
      expect(out.stderr).toMatch(/\.yaml:\d+:\d+: /);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('aethr doctor, version, help', () => {
  it('doctor prints a table and, for live runs, exits non-zero without keys, zero with them', async () => {
    const dir = repoWithChange();
    await runCli(['init', 'review-existing-diff'], { cwd: dir });
    const missing = await runCli(['doctor'], { cwd: dir, env: { AETHR_LIVE: '1' } });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(
      /✗\s+role reviewer\s+openai:gpt-4o-mini: OPENAI_API_KEY is not set/,
    );
    const ok = await runCli(['doctor'], { cwd: dir, env: live() });
    expect(ok.stdout).toMatch(/✓\s+role reviewer/);
    expect(ok.code).toBe(0);
  });

  it('version matches package.json', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((await runCli(['version'], { cwd: tmpdir() })).stdout).toBe(`aethr ${pkg.version}\n`);
  });

  it.each(['run', 'init', 'doctor', 'auth', 'pr'])('%s --help prints usage', async (command) => {
    const out = await runCli([command, '--help'], { cwd: tmpdir() });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Usage: aethr ${command}`));
  });
});
