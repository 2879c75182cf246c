import { describe, expect, it } from '@jest/globals';
import type { CallRecord } from '../../src/models/gateway.js';
import { formatLedgerTable, ledgerJson, summariseLedger } from '../../src/models/ledger.js';

const base = (overrides: Partial<CallRecord>): CallRecord => ({
  provider: 'openai',
  model: 'gpt-4o-mini',
  ref: 'openai:gpt-4o-mini',
  role: 'builder',
  stepId: 'build',
  mock: false,
  startedAt: 0,
  durationMs: 1200,
  status: 'ok',
  ...overrides,
});

const CALLS: CallRecord[] = [
  base({
    stepId: 'plan',
    role: 'planner',
    estimatedInputTokens: 100,
    inputTokens: 101,
    outputTokens: 50,
    costUsd: 0.01,
    serviceTier: 'flex',
  }),
  base({
    estimatedInputTokens: 200,
    inputTokens: 205,
    outputTokens: 80,
    costUsd: 0.02,
    reasoningEffort: 'high',
  }),
  base({
    ref: 'openai:gpt-4o',
    model: 'gpt-4o',
    status: 'error',
    errorKind: 'server',
    estimatedInputTokens: 200,
  }),
  base({ ref: 'ollama:llama3.2', estimatedInputTokens: 300, outputTokens: 10 }),
  base({
    mock: true,
    stepId: 'review',
    role: 'reviewer',
    estimatedInputTokens: 50,
    inputTokens: 40,
    outputTokens: 20,
    costUsd: 0.005,
  }),
  base({
    stepId: 'review',
    role: 'reviewer',
    status: 'blocked',
    limit: 'run_usd',
    estimatedInputTokens: 60,
    error: 'Not calling ...',
  }),
];

describe('ledger', () => {
  it('sums tokens and USD for the run and per role, step and model', () => {
    const summary = summariseLedger(CALLS);
    expect(summary.totals).toEqual({
      calls: 6,
      ok: 4,
      errors: 1,
      blocked: 1,
      mock: 1,
      estimatedInputTokens: 910,
      // Reported where reported; the ollama call reported no input, so its estimate counts.
      inputTokens: 101 + 205 + 300 + 40,
      outputTokens: 160,
      usd: expect.closeTo(0.035, 10),
      liveUsd: expect.closeTo(0.03, 10),
      unpricedCalls: 1,
    });
    expect(summary.byRole['builder']).toMatchObject({ calls: 3, ok: 2, errors: 1 });
    expect(summary.byStep['review']).toMatchObject({ calls: 2, blocked: 1, mock: 1 });
    expect(summary.byModel['openai:gpt-4o-mini']!.usd).toBeCloseTo(0.035);
    expect(Object.keys(summary.byModel)).toEqual([
      'openai:gpt-4o-mini',
      'openai:gpt-4o',
      'ollama:llama3.2',
    ]);
  });

  it('formats a terminal table with a totals line and notes', () => {
    const table = formatLedgerTable(CALLS);
    const lines = table.split('\n');
    expect(lines[1]).toBe('── model calls ──');
    expect(lines[2]).toMatch(
      /^#\s+step\s+role\s+model\s+tier\s+effort\s+status\s+est in\s+in\s+out\s+USD\s+time$/,
    );
    expect(table).toMatch(
      /^1 +plan +planner +openai:gpt-4o-mini +flex +- +ok +100 +101 +50 +\$0\.0100 +1\.2s$/m,
    );
    expect(table).toMatch(/error \(server\)/);
    expect(table).toMatch(/blocked \(run_usd\)/);
    expect(table).toMatch(/openai:gpt-4o-mini \(mock\)/);
    expect(table).toMatch(/total +6 calls, 1 blocked, 1 failed +910 +646 +160 +\$0\.0350/);
    expect(table).toContain('1 call(s) have no known price');
    expect(table).toContain('spent on live calls: $0.0300');
    expect(formatLedgerTable([])).toBe('\n── model calls: none ──\n');
  });

  it('ledgerJson: version, summary and a copy of every call', () => {
    const json = ledgerJson(CALLS);
    expect(json.version).toBe(1);
    expect(json.calls).toHaveLength(6);
    expect(json.calls[0]).not.toBe(CALLS[0]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.summary.totals.calls).toBe(6);
  });
});
