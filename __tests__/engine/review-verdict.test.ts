import { describe, expect, it } from '@jest/globals';
import { MAX_FINDINGS, parseReview } from '../../src/engine/review-parse.js';
import { reportedVerdict } from '../../src/github/review-verdict.js';

describe('no verdict is not a pass', () => {
  it.each([
    ['empty', '', /empty/],
    ['refusal', "I'm sorry, but I can't help with reviewing this.", /no "Review status:" line/],
    ['unreadable JSON', '```json\n{"findings": [oops\n```', /could not be read/],
  ])('%s reply: status none with the reason', (_label, reply, reason) => {
    const out = parseReview(reply);
    expect(out.status).toBe('none');
    expect(out.statusSource).toBe('none');
    expect(out.noVerdictReason).toMatch(reason);
    expect(reportedVerdict(out)).toMatchObject({ summary: 'failed', output: 'error' });
  });

  it('a truncated reply (finish_reason length) has no verdict even if it began with a status', () => {
    const out = parseReview('Review status: pass\n\n```json\n{"findings": [', {
      finishReason: 'length',
    });
    expect(out.status).toBe('none');
    expect(out.noVerdictReason).toMatch(/finish_reason: length/);
  });

  it('a readable findings block without a status still derives one', () => {
    expect(parseReview('```json\n{"findings": []}\n```').status).toBe('pass');
    expect(reportedVerdict(parseReview('Review status: revise'))).toEqual({
      summary: 'revise',
      output: 'revise',
    });
  });
});

describe('findings cap', () => {
  it('keeps highs first, then by position, and says what was dropped', () => {
    const lows = Array.from({ length: 300 }, (_, i) => ({
      path: 'a.ts',
      line: i + 1,
      severity: 'low',
      title: `l${i}`,
    }));
    const highs = Array.from({ length: 10 }, (_, i) => ({
      path: 'z.ts',
      line: 10 - i,
      severity: 'high',
      title: `h${i}`,
    }));
    const out = parseReview(JSON.stringify({ status: 'revise', findings: [...lows, ...highs] }));
    expect(out.findings).toHaveLength(MAX_FINDINGS);
    expect(out.findings.slice(0, 10).every((f) => f.severity === 'high')).toBe(true);
    expect(out.findings.slice(0, 10).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(out.findings[10]).toMatchObject({ path: 'a.ts', line: 1 });
    expect(out.dropped).toEqual({ count: 110, bySeverity: { low: 110 } });
    expect(out.notes.join(' ')).toMatch(
      /110 findings over the cap of 200 were dropped \(110 low\)/,
    );
  });
});
