/**
 * The ledger: every model call of a run (the gateway's `CallRecord`s), summed and shown.
 *
 * - `summariseLedger` totals tokens and USD for the run and per role, step and model.
 * - `formatLedgerTable` is the terminal table the CLI prints after a run (and after a failed one).
 * - `ledgerJson` is the JSON written by `aethr run --ledger FILE` and uploaded as an artifact.
 *
 * Input tokens are the provider's reported count, or the pre-call estimate when it reported none;
 * output tokens are reported counts. USD sums only calls whose price is known: `unpricedCalls`
 * counts the others, so a total is never silently low. `liveUsd` is what was really spent (mock
 * calls are priced to exercise budgets offline, but cost nothing).
 */
import type { RunRecord } from '../engine/run-record.js';
import type { CallRecord } from './gateway.js';
import { formatUsd } from './pricing.js';

export interface LedgerTotals {
  calls: number;
  ok: number;
  errors: number;
  /** Refused by a budget or limit (nothing sent). */
  blocked: number;
  mock: number;
  /** Pre-call estimates, summed over calls that were counted. */
  estimatedInputTokens: number;
  inputTokens: number;
  outputTokens: number;
  /** USD of calls with a known price (mock calls included). */
  usd: number;
  /** USD of live calls only: what was really spent. */
  liveUsd: number;
  /** Calls that ran but whose cost is unknown (no price, or no budget guard). */
  unpricedCalls: number;
}

export interface LedgerSummary {
  totals: LedgerTotals;
  byRole: Record<string, LedgerTotals>;
  byStep: Record<string, LedgerTotals>;
  byModel: Record<string, LedgerTotals>;
}

export const LEDGER_VERSION = 1;

export interface LedgerJson {
  version: typeof LEDGER_VERSION;
  summary: LedgerSummary;
  calls: CallRecord[];
  /** The workflow as it ran, for `aethr promote` (written by `aethr run`). */
  run?: RunRecord;
}

function emptyTotals(): LedgerTotals {
  return {
    calls: 0,
    ok: 0,
    errors: 0,
    blocked: 0,
    mock: 0,
    estimatedInputTokens: 0,
    inputTokens: 0,
    outputTokens: 0,
    usd: 0,
    liveUsd: 0,
    unpricedCalls: 0,
  };
}

function add(totals: LedgerTotals, call: CallRecord): void {
  totals.calls++;
  if (call.status === 'ok') totals.ok++;
  else if (call.status === 'blocked') totals.blocked++;
  else totals.errors++;
  if (call.mock && call.status !== 'blocked') totals.mock++;
  totals.estimatedInputTokens += call.estimatedInputTokens ?? 0;
  if (call.status === 'blocked') return;
  totals.inputTokens +=
    call.inputTokens ?? (call.status === 'ok' ? (call.estimatedInputTokens ?? 0) : 0);
  totals.outputTokens += call.outputTokens ?? 0;
  if (call.costUsd !== undefined) {
    totals.usd += call.costUsd;
    if (!call.mock) totals.liveUsd += call.costUsd;
  } else if (call.status === 'ok') {
    totals.unpricedCalls++;
  }
}

export function summariseLedger(calls: readonly CallRecord[]): LedgerSummary {
  const summary: LedgerSummary = { totals: emptyTotals(), byRole: {}, byStep: {}, byModel: {} };
  for (const call of calls) {
    add(summary.totals, call);
    add((summary.byRole[call.role] ??= emptyTotals()), call);
    add((summary.byStep[call.stepId] ??= emptyTotals()), call);
    add((summary.byModel[call.ref] ??= emptyTotals()), call);
  }
  return summary;
}

export function ledgerJson(calls: readonly CallRecord[], run?: RunRecord): LedgerJson {
  return {
    version: LEDGER_VERSION,
    summary: summariseLedger(calls),
    calls: calls.map((c) => ({ ...c })),
    ...(run ? { run } : {}),
  };
}

const n = (value: number | undefined): string =>
  value === undefined ? '-' : value.toLocaleString('en-US');

function duration(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function statusText(call: CallRecord): string {
  if (call.status === 'blocked') return `blocked (${call.limit ?? 'limit'})`;
  if (call.status === 'error') return `error${call.errorKind ? ` (${call.errorKind})` : ''}`;
  return 'ok';
}

/** The ledger as a terminal table, with a totals line and what the totals leave out. */
export function formatLedgerTable(calls: readonly CallRecord[]): string {
  if (calls.length === 0) return '\n── model calls: none ──\n';
  const header = [
    '#',
    'step',
    'role',
    'model',
    'tier',
    'effort',
    'status',
    'est in',
    'in',
    'out',
    'USD',
    'time',
  ];
  const rows = calls.map((call, i) => [
    String(i + 1),
    call.stepId,
    call.role,
    `${call.ref}${call.mock && call.status !== 'blocked' ? ' (mock)' : ''}`,
    call.serviceTier ?? '-',
    call.reasoningEffort ?? '-',
    statusText(call),
    n(call.estimatedInputTokens),
    n(call.inputTokens),
    n(call.outputTokens),
    call.costUsd === undefined ? (call.status === 'ok' ? '?' : '-') : formatUsd(call.costUsd),
    call.status === 'blocked' ? '-' : duration(call.durationMs),
  ]);
  const { totals } = summariseLedger(calls);
  const parts = [`${totals.calls} call${totals.calls === 1 ? '' : 's'}`];
  if (totals.blocked) parts.push(`${totals.blocked} blocked`);
  if (totals.errors) parts.push(`${totals.errors} failed`);
  rows.push([
    '',
    'total',
    '',
    parts.join(', '),
    '',
    '',
    '',
    n(totals.estimatedInputTokens),
    n(totals.inputTokens),
    n(totals.outputTokens),
    formatUsd(totals.usd),
    '',
  ]);
  const numeric = new Set([0, 7, 8, 9, 10, 11]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const out = [
    '',
    '── model calls ──',
    line(header),
    ...rows.slice(0, -1).map(line),
    line(rows[rows.length - 1]!),
  ];
  const notes: string[] = [];
  if (totals.mock > 0 && totals.usd > 0) {
    notes.push(
      `mock calls are priced to exercise budgets but cost nothing; spent on live calls: ${formatUsd(totals.liveUsd)}`,
    );
  }
  if (totals.unpricedCalls > 0) {
    notes.push(
      `${totals.unpricedCalls} call(s) have no known price ("?"): the USD total leaves them out; add them under pricing: in .aethr.yaml`,
    );
  }
  for (const note of notes) out.push(`note: ${note}`);
  return `${out.join('\n')}\n`;
}
