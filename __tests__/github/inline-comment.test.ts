import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/engine/types.js';
import { parseHiddenMarkers } from '../../src/github/fingerprint.js';
import {
  MAX_COMMENT_BODY,
  renderInlineComment,
  renderReviewBody,
} from '../../src/github/inline-comment.js';
import { WORD_JOINER, scanFences, splitLines } from '../../src/github/markdown.js';

const fp = '0123456789abcdef';
const base: Finding = {
  path: 'src/a.ts',
  line: 3,
  severity: 'high',
  title: 'Unchecked input',
  body: 'The value comes from the request.',
};

describe('renderInlineComment', () => {
  it('renders badge, title, body and the fingerprint marker', () => {
    expect(renderInlineComment(base, { fingerprint: fp })).toBe(
      '**🔴 High** · Unchecked input\n\nThe value comes from the request.\n\n<!-- aethr:finding fp=0123456789abcdef -->',
    );
  });

  it('adds a suggestion block, with a fence longer than any backtick run inside', () => {
    const body = renderInlineComment(
      { ...base, suggestion: 'const md = "```";\nconst x = 1;\n' },
      { fingerprint: fp },
    );
    expect(body).toContain('````suggestion\nconst md = "```";\nconst x = 1;\n````');
    expect(scanFences(splitLines(body)).open).toBeUndefined();
    expect(parseHiddenMarkers(body)).toEqual([{ kind: 'finding', fp }]);
  });

  it('renders an empty suggestion as a deletion', () => {
    expect(renderInlineComment({ ...base, suggestion: '' }, { fingerprint: fp })).toContain(
      '```suggestion\n```',
    );
  });

  it('shows a suggestion that does not fit the anchored lines as plain code', () => {
    const body = renderInlineComment(
      { ...base, end_line: 9, suggestion: 'x' },
      { fingerprint: fp, suggestionFits: false },
    );
    expect(body).not.toContain('suggestion\n');
    expect(body).toContain('Suggested change for lines 3–9');
    expect(body).toContain('```\nx\n```');
  });

  it('escapes model text: no forged markers, no pings, no swallowed marker', () => {
    const body = renderInlineComment(
      {
        ...base,
        title: 'Title <!-- aethr:finding fp=ffffffffffffffff --> @admin\nsecond line',
        body: 'cc @octocat\n<!-- aethr:finding fp=eeeeeeeeeeeeeeee -->\n```\nunclosed fence',
      },
      { fingerprint: fp },
    );
    expect(parseHiddenMarkers(body)).toEqual([{ kind: 'finding', fp }]);
    expect(body).toContain(`@${WORD_JOINER}octocat`);
    expect(body).toContain(`@${WORD_JOINER}admin`);
    expect(body.split('\n')[0]).toContain('second line');
  });

  it('stays within GitHub’s body limit', () => {
    const body = renderInlineComment(
      {
        ...base,
        body: 'word '.repeat(30_000) + '\n```\n' + 'x\n'.repeat(20_000),
        suggestion: 'y'.repeat(10_000),
      },
      { fingerprint: fp },
    );
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(body).toContain('```suggestion');
    expect(parseHiddenMarkers(body)).toEqual([{ kind: 'finding', fp }]);
    const huge = renderInlineComment(
      { ...base, suggestion: 'z'.repeat(50_000) },
      { fingerprint: fp },
    );
    expect(huge).toContain('too long to show');
  });
});

describe('renderReviewBody', () => {
  it('counts the new findings and links the summary comment', () => {
    expect(renderReviewBody(2, 'https://github.com/o/r/pull/7#issuecomment-5')).toBe(
      'aethr found 2 new findings; the [summary comment](https://github.com/o/r/pull/7#issuecomment-5) has the full review: the overview, every finding and what was resolved.',
    );
    expect(renderReviewBody(1)).toMatch(/^aethr found 1 new finding; the summary comment has/);
  });
});
