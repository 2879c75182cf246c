import { describe, expect, it } from '@jest/globals';
import {
  extractLearnings,
  LEARNINGS_HEADER,
  MAX_LEARNINGS_FILE_CHARS,
  MAX_LEARNINGS_PER_REPLY,
  mergeLearnings,
} from '../../src/engine/learnings.js';
import { renderPrompt } from '../../src/engine/prompt.js';
import { parseWorkflowText } from '../../src/config/load-workflow.js';

describe('extractLearnings', () => {
  it('reads the bullets of the last fenced learnings block, sanitised and capped', () => {
    const reply = [
      'Done.',
      '```learnings',
      '- an earlier block',
      '```',
      '```diff',
      '- not a learning',
      '```',
      '~~~~ Learnings',
      '- Tests live in __tests__/ \u001b[31m',
      '* use `npm test -- <path>`',
      '',
      `- ${'y'.repeat(300)}`,
      '~~~~',
    ].join('\n');
    const got = extractLearnings(reply);
    expect(got.slice(0, 2)).toEqual(['Tests live in __tests__/ [31m', 'use `npm test -- <path>`']);
    expect(got[2]!.length).toBeLessThanOrEqual(200);
    expect(got[2]!.endsWith('…')).toBe(true);
  });

  it('ignores an unclosed block and keeps at most a handful per reply', () => {
    expect(extractLearnings('```learnings\n- never closed')).toEqual([]);
    const many = `\`\`\`learnings\n${Array.from({ length: 20 }, (_, i) => `- fact ${i}`).join('\n')}\n\`\`\``;
    expect(extractLearnings(many)).toHaveLength(MAX_LEARNINGS_PER_REPLY);
  });
});

describe('mergeLearnings', () => {
  it('starts the file with a header, and appends only what is new', () => {
    const first = mergeLearnings(undefined, ['Money is in cents.', 'money is in cents']);
    expect(first.text).toBe(`${LEARNINGS_HEADER}\n- Money is in cents.\n`);
    expect(first.added).toEqual(['Money is in cents.']);
    const again = mergeLearnings(first.text, ['MONEY is in `cents`', 'Dates are UTC']);
    expect(again.added).toEqual(['Dates are UTC']);
    expect(again.text).toBe(`${LEARNINGS_HEADER}\n- Money is in cents.\n- Dates are UTC\n`);
    expect(mergeLearnings(again.text, ['dates are utc.']).added).toEqual([]);
  });

  it('drops the oldest learnings first to stay under the cap, never prose people wrote', () => {
    const prose = '# Notes\n\nWritten by a person; keep this.\n';
    const old = Array.from(
      { length: 200 },
      (_, i) => `- old learning number ${i} ${'z'.repeat(80)}`,
    );
    const merged = mergeLearnings(`${prose}\n${old.join('\n')}\n`, ['the newest one']);
    expect(merged.text.length).toBeLessThanOrEqual(MAX_LEARNINGS_FILE_CHARS);
    expect(merged.dropped).toBeGreaterThan(0);
    expect(merged.text.startsWith(prose)).toBe(true);
    expect(merged.text).not.toContain('old learning number 0 ');
    expect(merged.text).toContain('old learning number 199');
    expect(merged.text.trimEnd().endsWith('- the newest one')).toBe(true);
  });
});

describe('the learnings contract in prompts', () => {
  const workflow = (extra: string) =>
    parseWorkflowText(
      [
        'workflow: w',
        'roles: { implementer: I, reviewer: R }',
        extra,
        'steps:',
        '  - { id: implement, role: implementer, backend: patch }',
        '  - { id: review, role: reviewer }',
      ].join('\n'),
      'w.yaml',
    );
  const system = (w: ReturnType<typeof workflow>, i: number) =>
    renderPrompt({ workflow: w, step: w.steps[i]!, task: 't', history: [], context: [] }).system;

  it('asks implement steps, and only them, for a learnings block when the workflow keeps learnings', () => {
    const kept = workflow('learnings: .aethr/learnings.md');
    expect(system(kept, 0)).toMatch(/```learnings block/);
    expect(system(kept, 1)).not.toMatch(/learnings/);
    expect(system(workflow(''), 0)).not.toMatch(/learnings/);
  });
});
