import { describe, expect, it } from '@jest/globals';
import { extractOverview, finalOverview, MAX_OVERVIEW } from '../../src/engine/review-overview.js';
import type { RunResult } from '../../src/engine/types.js';

const JSON_BLOCK = '```json\n{"status": "revise", "findings": [{"path": "a.ts", "line": 1}]}\n```';

describe('extractOverview', () => {
  it('keeps the prose and drops the findings block and the status line', () => {
    const reply = `## Summary\n\nThe change breaks \`add\`.\n\n${JSON_BLOCK}\n\n**Review status:** revise\n`;
    expect(extractOverview(reply)).toBe('## Summary\n\nThe change breaks `add`.');
  });

  it('keeps code blocks that are not the contract JSON', () => {
    const reply =
      'Try this:\n\n```ts\nconst status = "pass";\n```\n\n```json\n{"other": 1}\n```\nReview status: pass';
    expect(extractOverview(reply)).toBe(
      'Try this:\n\n```ts\nconst status = "pass";\n```\n\n```json\n{"other": 1}\n```',
    );
  });

  it('is empty for a pure JSON reply or a bare status line', () => {
    expect(extractOverview('{"status": "pass", "findings": []}')).toBe('');
    expect(extractOverview('Review status: pass\n')).toBe('');
    expect(extractOverview('')).toBe('');
  });

  it('drops a contract block left open by a truncated reply, keeps other open blocks', () => {
    expect(extractOverview('Looks fine.\n\n```json\n{"status": "pass", "findi')).toBe(
      'Looks fine.',
    );
    expect(extractOverview('See:\n```sh\nnpm test')).toBe('See:\n```sh\nnpm test');
  });

  it('removes control, zero-width and bidi characters, and collapses blank runs', () => {
    const reply = 'A\u202Eevil\u200B\u0007 text\r\n\r\n\r\n\r\nB';
    expect(extractOverview(reply)).toBe('Aevil text\n\nB');
  });

  it('caps the size at a line and says so', () => {
    const reply = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i} of the review.`).join(
      '\n\n',
    );
    const out = extractOverview(reply);
    expect(out.length).toBeLessThanOrEqual(MAX_OVERVIEW);
    expect(out.endsWith('… (overview cut)')).toBe(true);
    expect(out).toMatch(/of the review\.\n\n… \(overview cut\)$/);
    expect(extractOverview('x'.repeat(100), 50).length).toBeLessThanOrEqual(50);
  });
});

describe('finalOverview', () => {
  it('reads the last review step of a run', () => {
    const step = (stepId: string, output: string, review: boolean) => ({
      stepId,
      role: 'r',
      iteration: 1,
      model: 'm',
      mock: true,
      output,
      durationMs: 1,
      ...(review
        ? {
            review: {
              status: 'pass' as const,
              statusSource: 'line' as const,
              findings: [],
              notes: [],
            },
          }
        : {}),
    });
    const result: RunResult = {
      workflow: 'w',
      task: 't',
      loops: [],
      results: [
        step('review', 'First pass.\nReview status: revise', true),
        step('implement', 'Changed things.', false),
        step('review', 'Second pass is fine.\nReview status: pass', true),
      ],
    };
    expect(finalOverview(result)).toBe('Second pass is fine.');
    expect(finalOverview({ ...result, results: [result.results[1]!] })).toBe('');
  });
});
