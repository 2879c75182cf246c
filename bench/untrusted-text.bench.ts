/**
 * Untrusted-text filters on hostile shapes (unclosed tags, hidden attributes, `![x](<` runs,
 * private-key headers, backtick runs …): time at 100 KB and at 1 MB, for the prompt sanitiser and
 * the outbound filter, against one `String.replace` pass over the same text (the baseline). Linear
 * work grows about 10× from 100 KB to 1 MB; quadratic work 100×. Target: every growth below 30×
 * (medians of 5; times under 2 ms count as 2 ms).
 */
import { expect, it } from '@jest/globals';
import { sanitizeUntrustedText } from '../src/context/sanitize-untrusted.js';
import { filterOutbound } from '../src/security/outbound-filter.js';
import { printTable } from './support/measure.js';

const SHAPES: Record<string, string> = {
  'unclosed <div hidden': '<div hidden ',
  'unclosed <a "': '<a "',
  'hidden styled <b>': '<b style="display:none">',
  'image with <url': '![x](<',
  'image with open title': '![x](u "',
  '<img src="': '<img src="',
  'url with query': 'https://e.x/?',
  'private key header': '-----BEGIN PRIVATE KEY-----',
  'sk- prefix': 'sk-',
  'backtick runs': '`a',
  'fence lines': '```\n',
};

/** Median of 5 runs (after one warm-up), so JIT and GC noise do not pass for growth. */
function time(fn: () => void): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    fn();
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

it('hostile untrusted text is filtered in linear time', () => {
  const rows: string[][] = [];
  let worst = 0;
  for (const [name, unit] of Object.entries(SHAPES)) {
    const at = (bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));
    const small = at(100_000);
    const large = at(1_000_000);
    const base = time(() => large.replace(/x/g, 'y'));
    const s1 = time(() => sanitizeUntrustedText(small));
    const s2 = time(() => sanitizeUntrustedText(large));
    const o1 = time(() => filterOutbound(small, { secrets: ['a-run-secret-1234'] }));
    const o2 = time(() => filterOutbound(large, { secrets: ['a-run-secret-1234'] }));
    const growth = Math.max(s2 / Math.max(s1, 2), o2 / Math.max(o1, 2));
    worst = Math.max(worst, growth);
    rows.push([
      name,
      base.toFixed(1),
      `${s1.toFixed(1)} → ${s2.toFixed(1)}`,
      `${o1.toFixed(1)} → ${o2.toFixed(1)}`,
      `${growth.toFixed(1)}×`,
    ]);
  }
  printTable(
    'Untrusted text, 100 KB → 1 MB (ms)',
    ['shape', 'baseline replace 1 MB', 'sanitize', 'outbound filter', 'growth (target < 30×)'],
    rows,
  );
  expect(worst).toBeLessThan(30);
});
