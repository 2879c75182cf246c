/** The model-call ledger as a Markdown table, for the job summary. */
import type { CallRecord } from '../models/gateway.js';
import { escapeTableCell } from './markdown.js';

const MAX_ROWS = 200;

export function renderLedgerMarkdown(calls: readonly CallRecord[]): string {
  if (calls.length === 0) return '';
  const rows = calls
    .slice(0, MAX_ROWS)
    .map((c) =>
      [
        c.stepId,
        c.role,
        `${c.ref}${c.mock ? ' (mock)' : ''}`,
        c.status + (c.limit ? ` (${c.limit})` : ''),
        String(c.estimatedInputTokens ?? ''),
        String(c.inputTokens ?? ''),
        String(c.outputTokens ?? ''),
        c.costUsd === undefined ? '?' : `$${c.costUsd.toFixed(4)}`,
        `${(c.durationMs / 1000).toFixed(1)}s`,
      ]
        .map((cell) => escapeTableCell(cell))
        .join(' | '),
    );
  const more =
    calls.length > MAX_ROWS
      ? `\n\n… ${calls.length - MAX_ROWS} more calls (see the ledger JSON).`
      : '';
  return (
    [
      '### Model calls',
      '',
      '| step | role | model | status | est. input | input | output | cost | time |',
      '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r} |`),
    ].join('\n') +
    more +
    '\n'
  );
}
