import { describe, expect, it } from '@jest/globals';
import { parseContextSource } from '../../src/config/context-source.js';

describe('parseContextSource', () => {
  it('accepts the sources the Aethr CLI documents, plus pr_description', () => {
    expect(parseContextSource('git_diff')).toEqual({ ok: true, source: { kind: 'git_diff' } });
    expect(parseContextSource('latest_diff')).toEqual({
      ok: true,
      source: { kind: 'latest_diff' },
    });
    expect(parseContextSource('pr_description')).toEqual({
      ok: true,
      source: { kind: 'pr_description' },
    });
    expect(parseContextSource('file:README.md')).toEqual({
      ok: true,
      source: { kind: 'file', path: 'README.md' },
    });
    expect(parseContextSource('glob:docs/**/*.md')).toEqual({
      ok: true,
      source: { kind: 'glob', pattern: 'docs/**/*.md' },
    });
    expect(parseContextSource('file:src/a:b.ts')).toEqual({
      ok: true,
      source: { kind: 'file', path: 'src/a:b.ts' },
    });
  });

  it.each([
    ['git-diff', /unknown context source/, 'did you mean "git_diff"?'],
    ['Latest_Diff', /unknown context source/, 'did you mean "latest_diff"?'],
    ['file: README.md', /spaces around the path/, 'write "file:README.md"'],
    ['file:', /needs a path/, 'write it right after the colon, e.g. "file:README.md"'],
    ['glob:  ', /needs a pattern/, 'write it right after the colon, e.g. "glob:docs/**/*.md"'],
    ['files:README.md', /unknown context source/, 'did you mean "file:README.md"?'],
    ['path:docs/*.md', /unknown context source/, 'did you mean "glob:docs/*.md"?'],
    ['README.md', /has no "file:" prefix/, 'write "file:README.md"'],
    ['src/**/*.ts', /has no "glob:" prefix/, 'write "glob:src/**/*.ts"'],
    [
      'everything',
      /unknown context source/,
      'use one of git_diff, latest_diff, pr_description, learnings, file:<path> or glob:<pattern>',
    ],
  ])('%s is rejected with what to write', (entry, message, fix) => {
    const result = parseContextSource(entry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(result.fix).toBe(fix);
  });
});
