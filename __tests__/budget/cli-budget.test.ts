/**
 * `aethr run` in mock mode (offline): a budget stop writes a checkpoint, prints the resume command
 * and the ledger; `--ledger FILE` writes the JSON; resuming with a raised budget finishes the run.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCommand } from '../../src/cli/commands/run.js';
import type { LedgerJson } from '../../src/models/ledger.js';

const workflow = (runUsd: number): string => `
workflow: three-steps
roles:
  planner: Plan the change.
  builder: Describe the change.
  reviewer: Review the change.
models:
  default: openai:gpt-4o-mini
steps:
  - id: plan
    role: planner
    history_visibility: none
  - id: build
    role: builder
    history_visibility: none
  - id: review
    role: reviewer
    history_visibility: none
budget:
  run_usd: ${runUsd}
limits:
  max_output_tokens_per_call: 200
pricing:
  "openai:gpt-4o-mini": { input_per_mtok: 1000, output_per_mtok: 1000 }
`;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const saved: Record<string, string | undefined> = {};
let dir: string;
const cleanup: string[] = [];
beforeAll(async () => {
  for (const name of ['AETHR_LIVE', 'AETHR_MODEL']) {
    saved[name] = process.env[name];
    delete process.env[name];
  }
  dir = await mkdtemp(join(tmpdir(), 'aethr-cli-budget-'));
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved))
    if (value !== undefined) process.env[name] = value;
  for (const path of [dir, ...cleanup]) await rm(path, { recursive: true, force: true });
});

describe('aethr run with a budget', () => {
  it('stops cleanly before the third call, with a checkpoint, the ledger and a working resume', async () => {
    const file = join(dir, '.aethr.yaml');
    // A first run with a generous budget measures each call (the mock model is deterministic).
    await writeFile(file, workflow(1000));
    const first = capture();
    expect(await runCommand(['Add a flag', '--ledger', 'first.json'], first.io, dir)).toBe(0);
    const measured = JSON.parse(await readFile(join(dir, 'first.json'), 'utf8')) as LedgerJson;
    expect(measured.calls.map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);
    const [c1, c2, c3] = measured.calls;
    // Enough for the first two calls' projections, not for the third.
    const budget = Math.max(c1!.projectedUsd!, c1!.costUsd! + c2!.projectedUsd!) + 0.0001;
    expect(c1!.costUsd! + c2!.costUsd! + c3!.projectedUsd!).toBeGreaterThan(budget);

    await writeFile(file, workflow(budget));
    const run = capture();
    expect(await runCommand(['Add a flag', '--ledger', 'ledger.json'], run.io, dir)).toBe(1);
    const out = run.out.join('');
    const err = run.err.join('');
    expect(err).toMatch(
      /aethr: Step "review" failed: Not calling openai:gpt-4o-mini for step "review" \(role reviewer\)/,
    );
    expect(err).toContain('(budget.run_usd)');
    expect(err).toContain('hint: Raise budget.run_usd in .aethr.yaml');
    const resume =
      /Checkpoint written\. Resume with:\n {2}aethr run --resume-checkpoint (\S+)\n/.exec(err);
    expect(resume).not.toBeNull();
    const checkpoint = resume![1]!;
    cleanup.push(dirname(checkpoint));

    // The ledger table, printed on failure too.
    expect(out).toContain('── model calls ──');
    expect(out).toMatch(/blocked \(run_usd\)/);
    expect(out).toMatch(/total .*3 calls, 1 blocked/);
    const ledger = JSON.parse(await readFile(join(dir, 'ledger.json'), 'utf8')) as LedgerJson;
    expect(ledger.version).toBe(1);
    expect(ledger.calls.map((c) => `${c.stepId}:${c.status}`)).toEqual([
      'plan:ok',
      'build:ok',
      'review:blocked',
    ]);
    expect(ledger.summary.totals).toMatchObject({ calls: 3, ok: 2, blocked: 1, liveUsd: 0 });

    const saved = JSON.parse(await readFile(checkpoint, 'utf8')) as {
      failedStep: string;
      state: { nextStep: number; results: unknown[] };
    };
    expect(saved.failedStep).toBe('review');
    expect(saved.state.nextStep).toBe(2);
    expect(saved.state.results).toHaveLength(2);

    // Raise the budget and resume: only the review step runs.
    await writeFile(file, workflow(1000));
    const resumed = capture();
    expect(
      await runCommand(
        ['--resume-checkpoint', checkpoint, '--ledger', 'resumed.json'],
        resumed.io,
        dir,
      ),
    ).toBe(0);
    expect(resumed.out.join('')).toContain(
      'Resuming "three-steps" at step "review" (2 earlier result(s) kept)',
    );
    const after = JSON.parse(await readFile(join(dir, 'resumed.json'), 'utf8')) as LedgerJson;
    expect(after.calls.map((c) => `${c.stepId}:${c.status}`)).toEqual(['review:ok']);
  });
});
