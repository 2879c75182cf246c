/**
 * Checklist: a review that did not happen never passes (empty, refused, cut off, unreadable);
 * the findings cap keeps the most severe and says what it dropped; a cut model stream is asked
 * again; counting tokens stays linear on a pathological file (asserted on the work the tokenizer
 * is given, not on time).
 */
import { expect } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewReply } from '../support/action-fixture.js';
import { checklistCase, withFixture, type ChecklistCase } from '../support/checklist-kit.js';
import type { StubReply } from '../support/openai-stub.js';

const c = checklistCase;

/** No verdict: review-status=error, the check run is not a success, fail-on fails the job. */
const noVerdictCase = (id: string, what: string, reply: StubReply): ChecklistCase =>
  c(id, `no verdict (${what}) → review-status=error, check run not success, fail-on fails`, () =>
    withFixture({ reply: () => reply }, async (fx) => {
      const out = await fx.run('pull_request', undefined, { 'fail-on': 'high' });
      expect(out.outputs['review-status']).toBe('error');
      expect(out.code).not.toBe(0);
      expect(fx.gh.state.checkRuns).toHaveLength(1);
      expect(fx.gh.state.checkRuns[0]!.conclusion).not.toBe('success');
      const summary = fx.summaries().join('\n');
      expect(summary).toMatch(/no verdict/i);
      expect(summary).not.toMatch(/✅/);
    }),
  );

const LOW = (i: number) => ({
  path: 'a.py',
  line: 1 + (i % 40),
  severity: 'low',
  title: `low ${i}`,
  body: 'minor',
});
const HIGH = (i: number) => ({
  path: 'a.py',
  line: 1 + (i % 40),
  severity: 'high',
  title: `HIGH-${i}`,
  body: 'serious',
});
const FORTY_LINES = Array.from({ length: 40 }, (_, i) => `v${i} = ${i}\n`).join('');

/** A preload for the action's Node: records what the tokenizer's pre-split regex is given. */
const SPLIT_PROBE = `
import { writeFileSync } from 'node:fs';
const stats = { calls: 0, chars: 0, longestChunk: 0 };
const original = String.prototype.matchAll;
String.prototype.matchAll = function (re) {
  if (!(re instanceof RegExp) || !re.unicode || !re.source.includes('\\\\p{L}')) return original.call(this, re);
  stats.calls++;
  stats.chars += this.length;
  const it = original.call(this, re);
  return (function* () {
    for (const m of it) {
      if (m[0].length > stats.longestChunk) stats.longestChunk = m[0].length;
      yield m;
    }
  })();
};
process.on('exit', () => writeFileSync(process.env.AETHR_TEST_SPLIT_STATS, JSON.stringify(stats)));
`;

export const VERDICT_CASES: ChecklistCase[] = [
  noVerdictCase('V01', 'empty reply', { text: '' }),
  noVerdictCase('V02', 'refusal', { text: "I'm sorry, but I can't help with reviewing this." }),
  noVerdictCase('V03', 'finish_reason length', {
    text: 'Looks fine so far.\nReview status: pass\n```json\n{"status": "pass", "findi',
    finishReason: 'length',
  }),
  noVerdictCase('V04', 'garbage', { text: '\u0000\u0001 }{ ```json\n{{{ not json' }),
  c(
    'V05',
    'findings cap by severity: 300 lows then 10 highs keeps every high, counts the dropped',
    () =>
      withFixture(
        {
          base: { 'a.py': '' },
          head: { 'a.py': FORTY_LINES },
          reply: () => ({
            text: reviewReply(
              [
                ...Array.from({ length: 300 }, (_, i) => LOW(i)),
                ...Array.from({ length: 10 }, (_, i) => HIGH(i)),
              ],
              'revise',
            ),
          }),
        },
        async (fx) => {
          const out = await fx.run();
          expect(out.code).toBe(0);
          const findings = JSON.parse(out.outputs['findings-json'] ?? '[]') as Array<{
            title: string;
          }>;
          for (let i = 0; i < 10; i++) expect(findings.map((f) => f.title)).toContain(`HIGH-${i}`);
          const summary = fx.summaries().join('\n');
          for (let i = 0; i < 10; i++) expect(summary).toContain(`HIGH-${i}`);
          expect(summary).toMatch(/110 findings over the cap of 200 were dropped \(110 low\)/);
        },
      ),
  ),
  c('V06', 'a cut model stream is asked again, and the review completes', () =>
    withFixture(
      {
        reply: (_req, index) =>
          index === 0
            ? { text: reviewReply([], 'pass'), chunks: 6, cutAfterChunks: 2 }
            : { text: reviewReply([], 'pass') },
      },
      async (fx) => {
        const out = await fx.run();
        expect(out.code).toBe(0);
        expect(out.outputs['review-status']).toBe('pass');
        expect(fx.chats().length).toBeGreaterThanOrEqual(2);
        expect(fx.chats()[0]!.body?.stream).toBe(true);
      },
    ),
  ),
  c(
    'V07',
    'linear token counting: a 200 KB one-line file gives the tokenizer no long chunk',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aethr-split-'));
      try {
        writeFileSync(join(dir, 'probe.mjs'), SPLIT_PROBE);
        const stats = join(dir, 'stats.json');
        const blob = `${'Q'.repeat(200_000)}\n`;
        await withFixture(
          {
            base: { 'a.py': 'x = 1\n' },
            head: { 'a.py': 'x = 2\n', 'public/blob.js': blob },
            reply: () => ({ text: reviewReply([], 'pass') }),
          },
          async (fx) => {
            const out = await fx.run(
              'pull_request',
              undefined,
              {},
              {
                NODE_OPTIONS: `--import=${join(dir, 'probe.mjs')}`,
                AETHR_TEST_SPLIT_STATS: stats,
              },
            );
            expect(out.code).toBe(0);
            const s = JSON.parse(readFileSync(stats, 'utf8')) as {
              calls: number;
              chars: number;
              longestChunk: number;
            };
            expect(s.calls).toBeGreaterThan(0); // the tokenizer did count
            expect(s.longestChunk).toBeLessThanOrEqual(512);
            expect(s.chars).toBeLessThan(4 * (blob.length + 50_000));
          },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  ),
];
