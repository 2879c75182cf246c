import { describe, expect, it } from '@jest/globals';
import {
  WORD_JOINER,
  codeSpan,
  escapeCommentText,
  escapeInlineText,
  escapeTableCell,
  fenceFor,
  fencedBlock,
  inlineCodeRanges,
  scanFences,
  splitLines,
  truncateMarkdown,
  demoteHeadings,
} from '../../src/github/markdown.js';

describe('scanFences', () => {
  it('follows CommonMark for fence characters, lengths and info strings', () => {
    const lines = ['text', '````ts', '```', 'code', '````', '```a```', '~~~', '```', '~~~~'];
    expect(scanFences(lines).kinds).toEqual([
      'text',
      'fence',
      'code',
      'code',
      'fence',
      'text',
      'fence',
      'code',
      'fence',
    ]);
    expect(scanFences(['    ```', 'x']).kinds).toEqual(['text', 'text']);
    expect(scanFences(['    ```', 'x'], { maxIndent: Infinity }).kinds).toEqual(['fence', 'code']);
    expect(scanFences(['```', 'x']).open).toEqual({ char: '`', length: 3, indent: 0 });
  });
});

describe('inlineCodeRanges', () => {
  it('pairs backtick runs of equal length and leaves unmatched ones literal', () => {
    expect(inlineCodeRanges('a `b` c')).toEqual([[2, 5]]);
    expect(inlineCodeRanges('a ``b ` c`` d')).toEqual([[2, 11]]);
    expect(inlineCodeRanges('a ` b')).toEqual([]);
    expect(inlineCodeRanges('\\`a` b`')).toEqual([[3, 7]]);
  });
});

describe('fences and code spans we write', () => {
  it('uses a fence longer than any backtick run in the content', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ```` b')).toBe('`````');
    const block = fencedBlock('```\n/* close? */\n```', 'suggestion');
    expect(block.startsWith('````suggestion\n')).toBe(true);
    expect(scanFences(splitLines(block)).kinds).toEqual(['fence', 'code', 'code', 'code', 'fence']);
    expect(fencedBlock('', 'suggestion')).toBe('```suggestion\n```');
  });

  it('makes code spans for any text', () => {
    expect(codeSpan('src/a.ts')).toBe('`src/a.ts`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
  });
});

describe('escapeCommentText', () => {
  it('breaks HTML comments so text can neither hide content nor forge markers', () => {
    const out = escapeCommentText(
      'hi <!-- hidden --> there\n<!-- aethr:finding fp=0123456789abcdef -->',
    );
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('-->');
    expect(out.replaceAll('\u200B', '')).toContain('<!-- hidden -->');
  });

  it('stops @mentions from pinging outside code, and keeps code as written', () => {
    const out = escapeCommentText(
      'ping @octocat and @github/security, mail a@b.c, `@decorator`\n\n```py\n@property\n```',
    );
    expect(out).toContain(`@${WORD_JOINER}octocat`);
    expect(out).toContain(`@${WORD_JOINER}github/security`);
    expect(out).toContain('a@b.c');
    expect(out).toContain('`@decorator`');
    expect(out).toContain('\n@property\n');
  });

  it('closes a fence the text leaves open, so what follows is not swallowed', () => {
    const out = escapeCommentText('see:\n````js\nlet a = 1;');
    expect(out.endsWith('\n````')).toBe(true);
    expect(scanFences(splitLines(`${out}\n\nafter`)).open).toBeUndefined();
  });

  it('escapes lines a list item would already have closed the fence before', () => {
    const out = escapeCommentText('- item\n  ```\nnot code any more @octocat\n  ```');
    expect(out).toContain(`@${WORD_JOINER}octocat`);
  });

  it('neutralises raw HTML blocks that run to a closing tag', () => {
    expect(escapeCommentText('<pre>\nswallow')).toBe('&lt;pre>\nswallow');
    expect(escapeCommentText('```\n<pre>\n```')).toBe('```\n<pre>\n```');
  });
});

describe('one-line and table text', () => {
  it('flattens and escapes', () => {
    expect(escapeInlineText('a\n  b <!-- c --> @d')).toBe(
      `a b <!-\u200B- c -\u200B-> @${WORD_JOINER}d`,
    );
    expect(escapeTableCell('a | b\nc')).toBe('a \\| b c');
  });
});

describe('truncateMarkdown', () => {
  it('cuts at a line, closes an open fence and stays within the limit', () => {
    const text = [
      'intro',
      '```',
      ...Array.from({ length: 200 }, (_, i) => `line ${i}`),
      '```',
      'end',
    ].join('\n');
    const out = truncateMarkdown(text, 300, '… cut');
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('… cut')).toBe(true);
    expect(scanFences(splitLines(out)).open).toBeUndefined();
    expect(truncateMarkdown('short', 300)).toBe('short');
  });

  it('never splits a surrogate pair', () => {
    const out = truncateMarkdown('😀'.repeat(100), 51, '…');
    expect(out.length).toBeLessThanOrEqual(51);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out)).toBe(false);
  });
});

describe('demoteHeadings', () => {
  it('raises ATX and setext headings outside code to the minimum level', () => {
    const text =
      '# Title\n\nSub\n---\n\nBig\n===\n\n###### deep\n\n```md\n# not a heading\n```\n\n- item\n---';
    expect(demoteHeadings(text, 4)).toBe(
      '#### Title\n\n#### Sub\n\n#### Big\n\n###### deep\n\n```md\n# not a heading\n```\n\n- item\n---',
    );
    expect(demoteHeadings('#hashtag and #1', 4)).toBe('#hashtag and #1');
  });
});
