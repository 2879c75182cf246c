/**
 * Fixtures are `git diff -M` output from a scratch repository:
 * - pr.diff: a non-ASCII (quoted) name, a deleted file, a binary file, a mode change with two
 *   hunks, a rename with edits into a name with a space (git adds a trailing tab to `+++`),
 *   no newline at end of file on both sides, a new file, and a file with a space in its name;
 * - rename-binary.diff: `--binary` (GIT binary patch), a mode change alone, a pure rename.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Finding } from '../../src/engine/types.js';
import {
  anchorFindings,
  buildDiffMap,
  isCommentable,
  resolveDiffFile,
  toReviewComment,
  type DiffMap,
} from '../../src/github/diff-anchor.js';
import { unquoteGitPath } from '../../src/diff/git-path.js';
import { fingerprintFinding, parseFingerprints } from '../../src/github/fingerprint.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const prDiff = fixture('pr.diff');

const finding = (path: string, line: number, extra: Partial<Finding> = {}): Finding => ({
  path,
  line,
  severity: 'medium',
  title: `Issue at ${path}`,
  body: 'Explain.',
  ...extra,
});

/** A file of the map with its commentable lines (what the anchoring reads). */
function fileOf(map: DiffMap, path: string) {
  const f = map.byPath.get(path);
  return f && { ...f, lines: map.lines(f) };
}

describe('buildDiffMap', () => {
  const map = buildDiffMap(prDiff);
  const file = (path: string) => fileOf(map, path);

  it('lists every file with its status and right-side path', () => {
    expect(map.files.map((f) => [f.path, f.status, f.binary])).toEqual([
      ['café.txt', 'modified', false],
      ['del.txt', 'deleted', false],
      ['img.bin', 'modified', true],
      ['multi.txt', 'modified', false],
      ['new name.txt', 'renamed', false],
      ['noeol.txt', 'modified', false],
      ['renamed-only.txt', 'added', false],
      ['sp ace.txt', 'modified', false],
    ]);
    expect(file('new name.txt')?.oldPath).toBe('old.txt');
  });

  it('maps added and context lines per hunk on the right side', () => {
    const multi = file('multi.txt');
    expect(multi?.hunks.map((h) => ({ newStart: h.newStart, newLines: h.newCount }))).toEqual([
      { newStart: 1, newLines: 6 },
      { newStart: 22, newLines: 7 },
    ]);
    expect([...(multi?.lines.keys() ?? [])]).toEqual([
      1, 2, 3, 4, 5, 6, 22, 23, 24, 25, 26, 27, 28,
    ]);
    expect(multi?.lines.get(3)).toEqual({ hunk: 0, text: 'three', added: true });
    expect(multi?.lines.get(25)).toEqual({ hunk: 1, text: 'twentyfive', added: true });
    expect(multi?.lines.get(24)).toEqual({ hunk: 1, text: '24', added: false });
    expect(multi?.lines.has(10)).toBe(false);
  });

  it('has no right side for deleted and binary files', () => {
    expect(file('del.txt')?.lines.size).toBe(0);
    expect(file('del.txt')?.deletions).toBe(1);
    expect(file('img.bin')?.lines.size).toBe(0);
  });

  it('ignores "\\ No newline at end of file" markers', () => {
    const noeol = file('noeol.txt');
    expect([...(noeol?.lines.entries() ?? [])]).toEqual([
      [1, { hunk: 0, text: 'x', added: false }],
      [2, { hunk: 0, text: 'z', added: true }],
    ]);
    expect(noeol?.additions).toBe(1);
    expect(noeol?.deletions).toBe(1);
  });

  it('handles new files, paths with spaces, and renamed files with edits', () => {
    expect([...(file('renamed-only.txt')?.lines.keys() ?? [])]).toEqual([1, 2]);
    expect([...(file('sp ace.txt')?.lines.keys() ?? [])]).toEqual([1, 2, 3, 4]);
    expect(file('new name.txt')?.lines.get(10)).toEqual({ hunk: 0, text: 'ten', added: true });
  });

  it('reads --binary patches, mode changes and pure renames', () => {
    const other = buildDiffMap(fixture('rename-binary.diff'));
    expect(
      other.files.map((f) => [f.path, f.status, f.binary, other.lines(f).size, f.oldPath]),
    ).toEqual([
      ['img.bin', 'modified', true, 0, undefined],
      ['multi.txt', 'modified', false, 0, undefined],
      ['renamed-only.txt', 'renamed', false, 0, 'added.txt'],
    ]);
  });

  it('accepts a diff with CRLF line ends and a plain (non-git) unified diff', () => {
    const crlf = buildDiffMap(prDiff.replace(/\n/g, '\r\n'));
    expect(fileOf(crlf, 'noeol.txt')?.lines.size).toBe(2);
    expect(fileOf(crlf, 'new name.txt')?.lines.get(10)?.text).toBe('ten');
    const plain = buildDiffMap(
      '--- a/x.c\t2024-01-01 00:00:00\n+++ b/x.c\t2024-01-02 00:00:00\n@@ -1,2 +1,3 @@\n a\n+b\n c\n',
    );
    expect(plain.files.map((f) => [f.path, [...plain.lines(f).keys()]])).toEqual([
      ['x.c', [1, 2, 3]],
    ]);
  });

  it('returns an empty map for an empty diff', () => {
    expect(buildDiffMap('').files).toEqual([]);
  });

  it('decodes git-quoted names', () => {
    expect(unquoteGitPath('"caf\\303\\251 \\"q\\".txt"')).toBe('café "q".txt');
    expect(unquoteGitPath('plain name')).toBe('plain name');
  });
});

describe('anchorFindings', () => {
  const map = buildDiffMap(prDiff);

  it('anchors a single line that is in the diff, added or context', () => {
    const { anchored, unanchored } = anchorFindings(
      [finding('multi.txt', 3), finding('multi.txt', 24)],
      map,
    );
    expect(unanchored).toEqual([]);
    expect(anchored.map(toReviewComment).map(({ body: _body, ...rest }) => rest)).toEqual([
      { path: 'multi.txt', line: 3, side: 'RIGHT' },
      { path: 'multi.txt', line: 24, side: 'RIGHT' },
    ]);
  });

  it('anchors a range within one hunk as a multi-line comment with a suggestion', () => {
    const { anchored } = anchorFindings(
      [finding('multi.txt', 2, { end_line: 4, suggestion: '2\n3\n4' })],
      map,
    );
    expect(anchored[0]).toMatchObject({
      path: 'multi.txt',
      start_line: 2,
      start_side: 'RIGHT',
      line: 4,
      side: 'RIGHT',
    });
    expect(anchored[0]?.body).toContain('```suggestion\n2\n3\n4\n```');
  });

  it('falls back to the end line when a range spans two hunks, without a one-click suggestion', () => {
    const { anchored } = anchorFindings(
      [finding('multi.txt', 5, { end_line: 25, suggestion: 'x' })],
      map,
    );
    expect(toReviewComment(anchored[0]!)).toEqual({
      path: 'multi.txt',
      line: 25,
      side: 'RIGHT',
      body: anchored[0]?.body,
    });
    expect(anchored[0]?.body).not.toContain('```suggestion');
    expect(anchored[0]?.body).toContain('Suggested change for lines 5–25');
  });

  it('leaves a range unanchored when its end line is not in the diff', () => {
    const { anchored, unanchored } = anchorFindings(
      [finding('multi.txt', 5, { end_line: 12 })],
      map,
    );
    expect(anchored).toEqual([]);
    expect(unanchored[0]?.reason).toBe('lines 5–12 are not part of one diff hunk');
  });

  it('treats a reversed range as the same range', () => {
    const { anchored } = anchorFindings([finding('multi.txt', 4, { end_line: 2 })], map);
    expect(anchored[0]).toMatchObject({ start_line: 2, line: 4 });
  });

  it('leaves deleted, binary, unknown files and lines outside the diff unanchored, with reasons', () => {
    const { anchored, unanchored } = anchorFindings(
      [
        finding('del.txt', 1),
        finding('img.bin', 1),
        finding('nowhere.ts', 1),
        finding('multi.txt', 10),
        finding('multi.txt', 0),
      ],
      map,
    );
    expect(anchored).toEqual([]);
    expect(unanchored.map((u) => u.reason)).toEqual([
      'file is deleted in this pull request',
      'binary file',
      'file is not in the diff',
      'line 10 is not part of the diff',
      'finding has no valid line number',
    ]);
    expect(unanchored.every((u) => /^[0-9a-f]{16}$/.test(u.fingerprint))).toBe(true);
  });

  it('normalises finding paths: ./x, /x, a/x, b/x, and names with spaces or accents', () => {
    const { anchored } = anchorFindings(
      [
        finding('./multi.txt', 3),
        finding('/multi.txt', 3, { title: 'b' }),
        finding('a/noeol.txt', 2),
        finding('b/sp ace.txt', 4),
        finding('new name.txt', 10),
        finding('café.txt', 1),
      ],
      map,
    );
    expect(anchored.map((c) => [c.path, c.line])).toEqual([
      ['multi.txt', 3],
      ['multi.txt', 3],
      ['noeol.txt', 2],
      ['sp ace.txt', 4],
      ['new name.txt', 10],
      ['café.txt', 1],
    ]);
    expect(anchored[0]?.finding.path).toBe('multi.txt');
    expect(resolveDiffFile(map, 'b/multi.txt')?.path).toBe('multi.txt');
    expect(isCommentable(map, './multi.txt', 25)).toBe(true);
  });

  it('fingerprints with the code on the line, so the same finding elsewhere matches', () => {
    const { anchored } = anchorFindings([finding('multi.txt', 3)], map);
    expect(anchored[0]?.fingerprint).toBe(fingerprintFinding(finding('multi.txt', 3), 'three'));
    expect(parseFingerprints(anchored[0]?.body ?? '')).toEqual([anchored[0]?.fingerprint]);
    // The same text on another line of a later diff: same fingerprint.
    const moved = buildDiffMap(
      '--- a/multi.txt\n+++ b/multi.txt\n@@ -40,1 +41,2 @@\n+new\n three\n',
    );
    expect(anchorFindings([finding('multi.txt', 42)], moved).anchored[0]?.fingerprint).toBe(
      anchored[0]?.fingerprint,
    );
  });

  it('keeps two identical findings distinct', () => {
    const { anchored } = anchorFindings([finding('multi.txt', 3), finding('multi.txt', 3)], map);
    expect(new Set(anchored.map((c) => c.fingerprint)).size).toBe(2);
  });

  it('accepts the diff text directly', () => {
    expect(anchorFindings([finding('multi.txt', 3)], prDiff).anchored).toHaveLength(1);
  });

  it('handles a large diff quickly', () => {
    const files = Array.from({ length: 500 }, (_, f) => {
      const lines = Array.from({ length: 40 }, (_, i) => `+line ${i}`).join('\n');
      return `diff --git a/src/f${f}.ts b/src/f${f}.ts\nnew file mode 100644\n--- /dev/null\n+++ b/src/f${f}.ts\n@@ -0,0 +1,40 @@\n${lines}`;
    });
    const start = performance.now();
    const big = buildDiffMap(files.join('\n'));
    const result = anchorFindings(
      Array.from({ length: 1000 }, (_, i) =>
        finding(`src/f${i % 500}.ts`, (i % 40) + 1, { title: `t${i}` }),
      ),
      big,
    );
    expect(big.files).toHaveLength(500);
    expect(result.anchored).toHaveLength(1000);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});
