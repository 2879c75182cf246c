import { describe, expect, it } from '@jest/globals';
import {
  MAX_ONE_LINE,
  cutLine,
  formatCommitMessage,
  renderCommitMessage,
  sanitizeOneLine,
  sanitizeStepId,
} from '../../src/git/commit-message.js';

describe('formatCommitMessage', () => {
  it('builds `aethr(<step>): <one line> (iteration i/n)` with the run trailer', () => {
    expect(
      formatCommitMessage(
        'implement',
        'Handle empty input',
        2,
        3,
        'https://github.com/o/r/actions/runs/9',
      ),
    ).toEqual({
      subject: 'aethr(implement): Handle empty input (iteration 2/3)',
      trailers: { 'Aethr-Run': 'https://github.com/o/r/actions/runs/9' },
    });
    expect(formatCommitMessage('fix', 'x', 1, 1)).toEqual({
      subject: 'aethr(fix): x (iteration 1/1)',
      trailers: {},
    });
  });

  it('removes newlines, control and bidi characters from model text', () => {
    const message = formatCommitMessage(
      'implement',
      'Fix\nSigned-off-by: evil <e@x>\r\n\u001b[31mred\u202e\u0000 done\t!',
      1,
      2,
    );
    expect(message.subject).toBe(
      'aethr(implement): Fix Signed-off-by: evil <e@x> [31mred done ! (iteration 1/2)',
    );
    // eslint-disable-next-line no-control-regex
    expect(message.subject).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('cuts a long one-line to ~72 characters and keeps the whole text in the body', () => {
    const long =
      'Refactor the configuration loader so that every error carries a file, line and column and a fix';
    const message = formatCommitMessage('implement', long, 1, 5);
    const summary = message.subject
      .replace(/^aethr\(implement\): /, '')
      .replace(/ \(iteration 1\/5\)$/, '');
    expect(Array.from(summary).length).toBeLessThanOrEqual(MAX_ONE_LINE);
    expect(summary.endsWith('…')).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(message.body).toBe(long);
  });

  it('falls back to a default line, a safe step id and sane iteration numbers', () => {
    expect(formatCommitMessage('', '  \n ', 0, -1).subject).toBe(
      'aethr(implement): apply review feedback (iteration 1/1)',
    );
    expect(sanitizeStepId('impl ement/$(rm -rf)')).toBe('impl-ement-rm--rf');
    expect(formatCommitMessage('a', 'b', 3, 2).subject).toBe('aethr(a): b (iteration 3/3)');
  });

  it('drops a run URL that is only whitespace', () => {
    expect(formatCommitMessage('s', 'x', 1, 1, ' \n').trailers).toEqual({});
  });
});

describe('renderCommitMessage', () => {
  it('joins subject, body and trailers with blank lines', () => {
    expect(
      renderCommitMessage({
        subject: 'aethr(x): y (iteration 1/1)',
        body: 'Line one\r\nline two',
        trailers: { 'Aethr-Run': 'u' },
      }),
    ).toBe('aethr(x): y (iteration 1/1)\n\nLine one\nline two\n\nAethr-Run: u\n');
  });

  it('keeps a caller subject on one line and drops invalid trailers', () => {
    expect(
      renderCommitMessage({
        subject: 'a\nb',
        trailers: { 'Bad Key': 'v', Good: 'v\nw', Empty: ' ' },
      }),
    ).toBe('a b\n\nGood: v w\n');
  });
});

describe('helpers', () => {
  it('sanitizeOneLine collapses whitespace', () => {
    expect(sanitizeOneLine('  a \u2028 b\u200b  ')).toBe('a b');
  });
  it('cutLine cuts at a word boundary', () => {
    expect(cutLine('one two three four', 12)).toBe('one two…');
    expect(cutLine('short', 12)).toBe('short');
  });
});
