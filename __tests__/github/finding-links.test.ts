import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  blobLineUrl,
  inlineCommentUrls,
  locationUrl,
  pullFileLineUrl,
} from '../../src/github/finding-links.js';
import { hiddenMarker } from '../../src/github/fingerprint.js';

const FILES = 'https://github.com/o/r/pull/7/files';
const sha = (path: string) => createHash('sha256').update(path).digest('hex');

describe('finding links', () => {
  it('anchors the files view by the SHA-256 of the path, R for new-side lines', () => {
    expect(pullFileLineUrl(FILES, { path: 'src/a.ts', line: 3 })).toBe(
      `${FILES}#diff-${sha('src/a.ts')}R3`,
    );
    expect(pullFileLineUrl(FILES, { path: 'a.ts', line: 3, end_line: 5 })).toBe(
      `${FILES}#diff-${sha('a.ts')}R3-R5`,
    );
    expect(pullFileLineUrl(FILES, { path: 'a.ts', line: 3 }, true)).toBe(
      `${FILES}#diff-${sha('a.ts')}`,
    );
  });

  it('links lines outside the diff to the head commit, path segments encoded', () => {
    expect(blobLineUrl('https://github.com/o/r', 'abc', { path: 'docs/a b#c.md', line: 2 })).toBe(
      'https://github.com/o/r/blob/abc/docs/a%20b%23c.md#L2',
    );
  });

  it('chooses by placement, and gives nothing without the URLs it needs', () => {
    const f = { path: 'a.ts', line: 1 };
    const base = { pullFilesUrl: FILES, repositoryUrl: 'https://github.com/o/r', headSha: 'abc' };
    expect(locationUrl(f, 'line', base)).toBe(`${FILES}#diff-${sha('a.ts')}R1`);
    expect(locationUrl(f, 'file', base)).toBe(`${FILES}#diff-${sha('a.ts')}`);
    expect(locationUrl(f, 'outside', base)).toBe('https://github.com/o/r/blob/abc/a.ts#L1');
    expect(locationUrl(f, 'file', { repositoryUrl: 'x', headSha: 'y' })).toBeUndefined();
    expect(locationUrl(f, 'outside', {})).toBeUndefined();
  });

  it('maps fingerprints to our inline comments only', () => {
    const comment = (author: string, fp: string, id: number) => ({
      id,
      body: `text\n\n${hiddenMarker('finding', { fp })}`,
      author,
      authorType: 'Bot',
      htmlUrl: `https://github.com/o/r/pull/7#discussion_r${id}`,
    });
    const urls = inlineCommentUrls(
      [comment('github-actions[bot]', 'aaaaaaaa11', 1), comment('mallory', 'bbbbbbbb22', 2)],
      (c) => c.author === 'github-actions[bot]',
    );
    expect([...urls]).toEqual([['aaaaaaaa11', 'https://github.com/o/r/pull/7#discussion_r1']]);
  });
});
