/**
 * The one diff reader, on `git diff` output from a real repository: renames and copies (also of
 * quoted non-ASCII names), a mode change, binary files, names with spaces and tabs, `\ No newline
 * at end of file`, new, empty and deleted files, CRLF content, body lines that look like file
 * headers, and a combined (`diff --cc`) section of a merge.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import {
  gitHeaderName,
  headerName,
  quoteC,
  unquoteC,
  unquoteGitPath,
} from '../../src/diff/git-path.js';
import { formatHunkHeader, readHunkBody, readHunkHeader } from '../../src/diff/hunk.js';
import { parseUnifiedDiff } from '../../src/diff/unified-diff.js';
import { cleanup, commitAll, git, initRepo, write } from '../context/git-fixture.js';

afterAll(cleanup);

/** `git diff -M -C` of one commit that exercises every header git writes. */
function edgeDiff(): string {
  const repo = initRepo();
  git(repo, 'config', 'core.quotePath', 'true');
  write(repo, 'plain.txt', 'line1\nline2\nline3\n');
  write(repo, 'q.sql', 'SELECT 1;\n-- a comment\nSELECT 2;\n');
  write(repo, 'plus.txt', '++ not a header\nkeep\n');
  write(repo, 'nonl.txt', 'no newline');
  write(repo, 'run.sh', 'mode\n');
  write(repo, 'renamed-src.txt', `${Array.from({ length: 50 }, (_, i) => i + 1).join('\n')}\n`);
  write(repo, 'copy-src.txt', `${Array.from({ length: 40 }, (_, i) => i + 1).join('\n')}\n`);
  write(repo, 'deleted.txt', 'gone\n');
  write(repo, 'sp ace.txt', 'x\n');
  write(repo, 'tab\tname.txt', 'y\n');
  write(repo, 'ünï cödé.md', 'z\n');
  write(repo, 'bin.dat', Buffer.from([0, 1, 2, 3, 255, 0, 7]));
  write(repo, 'crlf.txt', 'a\r\nb\r\n');
  commitAll(repo, 'base');
  write(repo, 'plain.txt', 'line1\nline2 changed\nline3\n');
  write(repo, 'q.sql', 'SELECT 1;\nSELECT 2;\n');
  write(repo, 'plus.txt', '+++ b/fake\nkeep\n');
  write(repo, 'nonl.txt', 'no newline changed');
  chmodSync(join(repo, 'run.sh'), 0o755);
  git(repo, 'mv', 'renamed-src.txt', 'renamed-dst.txt');
  write(
    repo,
    'renamed-dst.txt',
    `${Array.from({ length: 50 }, (_, i) => (i === 24 ? 'twenty-five' : i + 1)).join('\n')}\n`,
  );
  write(repo, 'copy-dst.txt', `${Array.from({ length: 41 }, (_, i) => i + 1).join('\n')}\n`);
  git(repo, 'rm', '-q', 'deleted.txt');
  write(repo, 'added.txt', 'new\n');
  write(repo, 'empty-new.txt', '');
  write(repo, 'sp ace.txt', 'x2\n');
  write(repo, 'tab\tname.txt', 'y2\n');
  git(repo, 'mv', 'ünï cödé.md', 'ünï cödé 2.md');
  write(repo, 'bin.dat', Buffer.from([0, 9, 9, 9, 255, 0, 7]));
  write(repo, 'crlf.txt', 'a\r\nB\r\n');
  commitAll(repo, 'change');
  return git(repo, 'diff', '-M', '-C', '--find-copies-harder', '--no-color', 'HEAD~1', 'HEAD');
}

/** `git show --cc` of a merge whose conflict was resolved by hand. */
function combinedDiff(): string {
  const repo = initRepo();
  write(repo, 'f.txt', 'a\nb\nc\n');
  commitAll(repo, 'base');
  git(repo, 'checkout', '-q', '-b', 'side');
  write(repo, 'f.txt', 'a\nB side\nc\n');
  commitAll(repo, 'side');
  git(repo, 'checkout', '-q', 'main');
  write(repo, 'f.txt', 'a\nB main\nc\n');
  commitAll(repo, 'main');
  try {
    execFileSync('git', ['merge', '-q', 'side'], { cwd: repo, stdio: 'ignore' });
  } catch {
    // the conflict is expected
  }
  write(repo, 'f.txt', 'a\nB merged\nc\n');
  commitAll(repo, 'merge');
  return git(repo, 'show', '--cc', '--format=', 'HEAD');
}

describe('parseUnifiedDiff on real git output', () => {
  const diff = edgeDiff();
  const parsed = parseUnifiedDiff(diff);
  const byPath = new Map(parsed.files.map((f) => [f.path, f]));

  it('reads every file with its status, old path, stats and binary-ness (as git --numstat counts)', () => {
    expect(
      parsed.files.map((f) => [f.path, f.status, f.oldPath, f.additions, f.deletions, f.binary]),
    ).toEqual([
      ['added.txt', 'added', undefined, 1, 0, false],
      ['bin.dat', 'modified', undefined, 0, 0, true],
      ['copy-dst.txt', 'copied', 'copy-src.txt', 1, 0, false],
      ['crlf.txt', 'modified', undefined, 1, 1, false],
      ['deleted.txt', 'deleted', undefined, 0, 1, false],
      ['empty-new.txt', 'added', undefined, 0, 0, false],
      ['nonl.txt', 'modified', undefined, 1, 1, false],
      ['plain.txt', 'modified', undefined, 1, 1, false],
      ['plus.txt', 'modified', undefined, 1, 1, false],
      ['q.sql', 'modified', undefined, 0, 1, false],
      ['renamed-dst.txt', 'renamed', 'renamed-src.txt', 1, 1, false],
      ['run.sh', 'modified', undefined, 0, 0, false],
      ['sp ace.txt', 'modified', undefined, 1, 1, false],
      ['tab\tname.txt', 'modified', undefined, 1, 1, false],
      ['ünï cödé 2.md', 'renamed', 'ünï cödé.md', 0, 0, false],
    ]);
  });

  it('keeps every byte: the files (and the preamble) put back together are the input', () => {
    expect(parsed.preamble).toBe('');
    expect(parsed.files.map((f) => f.text).join('')).toBe(diff);
    expect(parsed.text).toBe(diff);
    expect(parsed.crlf).toBe(false);
    expect(parsed.files.every((f) => f.reducible)).toBe(true);
  });

  it('reads hunks by their counts: body lines that look like headers stay in the hunk', () => {
    expect(byPath.get('q.sql')!.hunks[0]!.lines).toEqual([
      ' SELECT 1;',
      '--- a comment',
      ' SELECT 2;',
    ]);
    expect(byPath.get('plus.txt')!.hunks[0]!.lines).toEqual([
      '-++ not a header',
      '++++ b/fake',
      ' keep',
    ]);
    expect(byPath.get('nonl.txt')!.hunks[0]!.lines).toEqual([
      '-no newline',
      '\\ No newline at end of file',
      '+no newline changed',
      '\\ No newline at end of file',
    ]);
    expect(byPath.get('crlf.txt')!.hunks[0]!.lines).toEqual([' a\r', '-b\r', '+B\r']);
    expect(byPath.get('renamed-dst.txt')!.hunks[0]).toMatchObject({
      oldStart: 22,
      oldCount: 7,
      newStart: 22,
      newCount: 7,
      section: '',
    });
  });

  it('reads a combined (merge) section as text, without losing the file before it', () => {
    const combined = combinedDiff();
    const both = parseUnifiedDiff(`${diff}${combined}`);
    expect(both.files).toHaveLength(parsed.files.length + 1);
    expect(both.files.at(-2)!.path).toBe('ünï cödé 2.md');
    const merge = both.files.at(-1)!;
    expect(merge).toMatchObject({ path: 'f.txt', status: 'modified', reducible: false });
    expect(merge.text).toBe(combined);
  });

  it('a diff that travelled with CRLF line ends keeps its paths', () => {
    const crlf = parseUnifiedDiff(diff.replace(/\n/g, '\r\n'));
    expect(crlf.crlf).toBe(true);
    expect(crlf.files.map((f) => [f.path, f.oldPath])).toEqual(
      parsed.files.map((f) => [f.path, f.oldPath]),
    );
    expect(crlf.files.map((f) => f.hunks.length)).toEqual(parsed.files.map((f) => f.hunks.length));
  });

  it('never throws on broken input, and keeps it as text', () => {
    const broken = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n@@ nonsense\n';
    const p = parseUnifiedDiff(broken);
    expect(p.files).toHaveLength(1);
    expect(p.files[0]).toMatchObject({ path: 'x', reducible: false });
    expect(p.files[0]!.text).toBe(broken);
    expect(parseUnifiedDiff('').files).toEqual([]);
    expect(parseUnifiedDiff('just prose\n')).toMatchObject({ preamble: 'just prose\n', files: [] });
  });
});

describe('git path quoting', () => {
  it('decodes C-quoted names strictly, and tolerantly where a name is only read', () => {
    expect(unquoteC('"caf\\303\\251 \\"q\\".txt" rest')).toEqual({
      value: 'café "q".txt',
      rest: ' rest',
    });
    expect(unquoteC('"bad \\q"')).toBeNull();
    expect(unquoteC('"unterminated')).toBeNull();
    expect(unquoteGitPath('"tab\\tname"')).toBe('tab\tname');
    expect(unquoteGitPath('plain name')).toBe('plain name');
    expect(unquoteGitPath('"bad \\q"')).toBe('"bad \\q"');
  });

  it('quotes what git quotes, and reads it back', () => {
    for (const name of ['a "b".txt', 'back\\slash', 'tab\tand\nnewline', 'bell\u0007']) {
      expect(unquoteC(quoteC(name))?.value).toBe(name);
    }
    expect(quoteC('ünï cödé.md')).toBe('ünï cödé.md');
  });

  it('reads header names: timestamps and git’s tab after a spaced name dropped, /dev/null as null', () => {
    expect(headerName('a/sp ace.txt\t')).toBe('a/sp ace.txt');
    expect(headerName('b/x.c\t2024-01-02 00:00:00')).toBe('b/x.c');
    expect(headerName('"b/tab\\tname.txt"')).toBe('b/tab\tname.txt');
    expect(headerName('/dev/null')).toBeNull();
    expect(headerName('"broken')).toBeUndefined();
  });

  it('reads the one name of a diff --git line when both sides agree', () => {
    expect(gitHeaderName('a/src/x y.ts b/src/x y.ts')).toBe('src/x y.ts');
    expect(gitHeaderName('"a/t\\tn" "b/t\\tn"')).toBe('t\tn');
    expect(gitHeaderName('a/x "b/x"')).toBe('x');
    expect(gitHeaderName('a/old b/new')).toBeNull();
  });
});

describe('hunk reading', () => {
  it('reads and writes headers in git’s spelling', () => {
    const r = readHunkHeader('@@ -5 +5,2 @@ function f() {')!;
    expect(r).toEqual({
      oldStart: 5,
      oldCount: 1,
      newStart: 5,
      newCount: 2,
      section: ' function f() {',
    });
    expect(formatHunkHeader(r)).toBe('@@ -5 +5,2 @@ function f() {');
    expect(readHunkHeader('@@@ -1,3 -1,3 +1,3 @@@')).toBeUndefined();
  });

  it('says why a body does not match its header', () => {
    const lines = ['@@ -1,2 +1,2 @@', ' a', '-b', '+c', '+d', 'x'];
    // The counts are met after `+c`: what follows belongs to no hunk.
    expect(readHunkBody(lines, 1, 2, 2)).toEqual({ end: 4, additions: 1, deletions: 1 });
    expect(readHunkBody(lines, 1, 3, 1)).toEqual({
      end: 3,
      additions: 0,
      deletions: 1,
      problem: 'overflow',
    });
    expect(readHunkBody(lines, 1, 2, 4)).toEqual({
      end: 5,
      additions: 2,
      deletions: 1,
      problem: 'corrupt',
    });
    expect(readHunkBody(lines, 1, 5, 5)).toMatchObject({ problem: 'corrupt' });
    expect(readHunkBody([' a'], 0, 2, 2)).toEqual({
      end: 1,
      additions: 0,
      deletions: 0,
      problem: 'short',
    });
    expect(readHunkBody([' a', '\\ No newline at end of file', 'next'], 0, 1, 1)).toEqual({
      end: 2,
      additions: 0,
      deletions: 0,
    });
  });
});
