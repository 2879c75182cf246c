import { describe, expect, it } from '@jest/globals';
import { parseReview } from '../../src/engine/review-parse.js';

const finding = {
  path: 'src/a.ts',
  line: 3,
  severity: 'high',
  title: 'Null deref',
  body: 'x may be null',
};

describe('parseReview', () => {
  it('reads a fenced json block and the status line', () => {
    const reply = `Looks risky.\n\n\`\`\`json\n${JSON.stringify({ status: 'revise', findings: [finding] })}\n\`\`\`\n\nReview status: revise\n`;
    const out = parseReview(reply);
    expect(out).toMatchObject({ status: 'revise', statusSource: 'line', notes: [] });
    expect(out.findings).toEqual([finding]);
  });

  it('reads a pure JSON reply', () => {
    const out = parseReview(JSON.stringify({ status: 'pass', findings: [] }));
    expect(out).toMatchObject({ status: 'pass', statusSource: 'json', findings: [] });
  });

  it('honours the status line over the JSON, and says so', () => {
    const out = parseReview(
      `\`\`\`json\n{"status":"pass","findings":[]}\n\`\`\`\n**Review status:** revise`,
    );
    expect(out.status).toBe('revise');
    expect(out.notes.join(' ')).toMatch(/status line wins/);
  });

  it('derives the status from findings when none is given', () => {
    expect(
      parseReview(`\`\`\`json\n{"findings":[${JSON.stringify(finding)}]}\n\`\`\``).status,
    ).toBe('revise');
    const low = { ...finding, severity: 'low' };
    expect(parseReview(`\`\`\`json\n{"findings":[${JSON.stringify(low)}]}\n\`\`\``)).toMatchObject({
      status: 'pass',
      statusSource: 'derived',
    });
  });

  it('tolerates trailing commas, prose around a bare object, and severity aliases', () => {
    const reply = `Here you go: {"status": "revise", "findings": [{"path": "a.py", "line": "7", "severity": "Critical", "title": "t", "body": "b",},],} thanks`;
    const out = parseReview(reply);
    expect(out.status).toBe('revise');
    expect(out.findings[0]).toMatchObject({ path: 'a.py', line: 7, severity: 'high' });
  });

  it('never throws on garbage and explains what it could not read', () => {
    for (const reply of [
      '',
      '{{{{',
      '```json\n{"findings": [oops]}\n```',
      'null',
      '[1,2,3]',
      '\u0000\uffff',
    ]) {
      const out = parseReview(reply);
      expect(['pass', 'revise', 'none']).toContain(out.status);
      expect(Array.isArray(out.findings)).toBe(true);
    }
    expect(parseReview('```json\n{"findings": [oops]}\n```').notes.join(' ')).toMatch(
      /could not be read/,
    );
    expect(parseReview('nothing here').notes.join(' ')).toMatch(/no "Review status:" line/);
  });

  it('drops invalid findings with a note and keeps valid ones', () => {
    const reply = JSON.stringify({
      findings: [
        finding,
        { path: '', line: 1 },
        { path: 'x', line: -2 },
        { path: 'y', line: 2, end_line: 5, suggestion: 'z' },
      ],
    });
    const out = parseReview(reply);
    expect(out.findings.map((f) => f.path)).toEqual(['src/a.ts', 'y']);
    expect(out.findings[1]).toMatchObject({
      end_line: 5,
      suggestion: 'z',
      severity: 'info',
      title: 'Finding',
    });
    expect(out.notes).toHaveLength(2);
  });

  it('takes the last json block when a reply restates it', () => {
    const reply =
      '```json\n{"status":"revise","findings":[]}\n```\nCorrected:\n```json\n{"status":"pass","findings":[]}\n```';
    expect(parseReview(reply).status).toBe('pass');
  });
});
