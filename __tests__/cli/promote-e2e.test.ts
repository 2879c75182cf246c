/**
 * Workflow promotion end to end through the bundled CLI: a failed live run's checkpoint, and a
 * successful mock run's ledger, become workflow files that `aethr run --show-prompt` renders
 * exactly as the original run's prompts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAIStub, type OpenAIStub, type StubRequest } from '../support/openai-stub.js';
import { runCli } from '../support/run-cli.js';

let stub: OpenAIStub;
beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => stub.close());

function repoWithChange(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-promote-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
  git('init', '-q');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  writeFileSync(join(dir, 'calc.py'), 'def add(a, b):\n    return a + b\n');
  writeFileSync(join(dir, 'README.md'), '# calc\n');
  git('add', '.');
  git('commit', '-qm', 'init');
  writeFileSync(join(dir, 'calc.py'), 'def add(a, b):\n    return a - b\n');
  return dir;
}

/** Outside the repository, so writing them never changes the diff the prompts show. */
const scratch = (): string => mkdtempSync(join(tmpdir(), 'aethr-promote-out-'));

const WORKFLOW = `workflow: triage-and-review
roles:
  triager: Say which files matter for the task.
  reviewer: Review the change. yes, really.
models:
  default: openai:gpt-4o-mini
steps:
  - id: triage
    role: triager
    context: [git_diff, file:README.md]
    instructions: Be brief.
  - id: review
    role: reviewer
    history_visibility: summary
    context: [git_diff]
    repeat: { back_to: review, until_review_pass: true, max_iterations: 2 }
`;

const sent = (r: StubRequest) => ({
  system: String(r.body?.messages?.[0]?.content ?? ''),
  user: String(r.body?.messages?.[1]?.content ?? ''),
});

describe('aethr promote', () => {
  it("turns a failed run's checkpoint into a workflow whose prompts are the run's own", async () => {
    const dir = repoWithChange();
    const out = scratch();
    const original = join(out, 'original.yaml');
    writeFileSync(original, WORKFLOW);
    const env = {
      AETHR_LIVE: '1',
      OPENAI_API_KEY: 'sk-promote-123456',
      OPENAI_BASE_URL: stub.url,
      AETHR_MODEL: 'openai:gpt-4.1-mini',
    };
    stub.setReply((req) =>
      /You are the reviewer/.test(sent(req).system)
        ? {
            status: 400,
            error: { message: 'refused by the stand-in', type: 'invalid_request_error' },
          }
        : { text: 'calc.py matters.' },
    );
    const before = stub.chatRequests().length;
    const failed = await runCli(['run', 'check the sign', '--workflow', original], {
      cwd: dir,
      env,
    });
    expect(failed.code).toBe(1);
    const checkpoint = /--resume-checkpoint (\S+)/.exec(failed.stderr)![1]!;
    const triageSent = sent(stub.chatRequests()[before]!);

    const promoted = join(out, 'promoted.yaml');
    const promote = await runCli(['promote', '--from', checkpoint, '--out', promoted], {
      cwd: dir,
    });
    expect(promote.stderr).toBe('');
    expect(promote.code).toBe(0);
    expect(promote.stdout).toMatch(/Next: .+ run --workflow \S*promoted\.yaml --show-prompt/);
    const text = readFileSync(promoted, 'utf8');
    expect(text).toMatch(/#\s+check the sign/);
    expect(text).toMatch(/triager: openai:gpt-4\.1-mini/);
    expect(text).toMatch(/# ran 1 pass\n\s+- id: triage/);
    expect(text).toMatch(/# failed here\n\s+- id: review/);

    // Never over an existing file without --force.
    const again = await runCli(['promote', '--from', checkpoint, '--out', promoted], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists[\s\S]*--force/);

    // The promoted file, without the override, previews what the run rendered with it.
    const { AETHR_MODEL: _override, ...plain } = env;
    const preview = (workflow: string, e: Record<string, string>) =>
      runCli(['run', 'check the sign', '--workflow', workflow, '--show-prompt'], {
        cwd: dir,
        env: e,
      });
    const fromOriginal = await preview(original, env);
    const fromPromoted = await preview(promoted, plain);
    expect(fromPromoted.code).toBe(0);
    expect(fromPromoted.stdout).toBe(fromOriginal.stdout);
    // And the first step's prompt is byte for byte what the run sent.
    expect(fromPromoted.stdout).toContain(
      `── system ──\n${triageSent.system}\n── user ──\n${triageSent.user}\n`,
    );
    expect(fromPromoted.stdout).toContain('(triager · openai:gpt-4.1-mini)');
  });

  it('after a successful run of a preset with AETHR_MODEL, prints the promote command that keeps it', async () => {
    const dir = repoWithChange();
    const out = scratch();
    const env = { AETHR_MODEL: 'anthropic:claude-sonnet-4-5' };
    const run = await runCli(['run', 'review my change', '--workflow', 'review-existing-diff'], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(0);
    const command = / promote --ledger (\S+) --out \.aethr\.yaml/.exec(run.stdout);
    expect(command).not.toBeNull();
    const promoted = join(out, 'aethr.yaml');
    const promote = await runCli(['promote', '--ledger', command![1]!, '--out', promoted], {
      cwd: dir,
    });
    expect(promote.code).toBe(0);
    const preview = (workflow: string, e: Record<string, string>) =>
      runCli(['run', 'review my change', '--workflow', workflow, '--show-prompt'], {
        cwd: dir,
        env: e,
      });
    expect((await preview(promoted, {})).stdout).toBe(
      (await preview('review-existing-diff', env)).stdout,
    );

    // Without an override there is nothing to keep, so no such line.
    const plainRun = await runCli(
      ['run', 'review my change', '--workflow', 'review-existing-diff'],
      {
        cwd: dir,
      },
    );
    expect(plainRun.stdout).not.toMatch(/promote --ledger/);
  });

  it('needs exactly one source, and says what an old ledger lacks', async () => {
    const dir = repoWithChange();
    const none = await runCli(['promote'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/exactly one of --from CHECKPOINT or --ledger FILE/);
    const ledger = join(scratch(), 'old.json');
    writeFileSync(ledger, JSON.stringify({ version: 1, summary: {}, calls: [] }));
    const old = await runCli(['promote', '--ledger', ledger], { cwd: dir });
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/does not record its run's workflow/);
  });
});
