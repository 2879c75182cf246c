import { describe, expect, it } from '@jest/globals';
import nodePath from 'node:path';
import {
  countLines,
  cutAtLineBoundary,
  resolveLimits,
  DEFAULT_CONTEXT_LIMITS,
} from '../../src/context/caps.js';
import { parseUnifiedDiff } from '../../src/context/fit-diff.js';
import { languageForPath } from '../../src/context/language.js';
import { checkGlobPattern, checkRelativePath, isWithinRoot } from '../../src/context/safe-path.js';

describe('cutAtLineBoundary', () => {
  it('keeps short text and cuts long text after the last whole line', () => {
    expect(cutAtLineBoundary('abc\n', 10)).toEqual({ text: 'abc\n', truncated: false });
    expect(cutAtLineBoundary('aaaa\nbbbb\ncccc\n', 12)).toEqual({
      text: 'aaaa\nbbbb\n',
      truncated: true,
    });
  });

  it('cuts mid-line when the only newline would waste most of the budget, never inside a surrogate pair', () => {
    expect(cutAtLineBoundary(`a\n${'b'.repeat(100)}`, 50).text).toBe(`a\n${'b'.repeat(48)}`);
    expect(cutAtLineBoundary('x😀y', 2).text).toBe('x');
  });
});

describe('diff splitting', () => {
  const one = (p: string, body = '+x\n') =>
    `diff --git a/${p} b/${p}\n--- a/${p}\n+++ b/${p}\n@@ -0,0 +1 @@\n${body}`;

  it('splits by file and names each piece, also with spaces, renames and binaries', () => {
    const patch =
      one('a b.txt') +
      'diff --git a/old.txt b/new.txt\nsimilarity index 100%\nrename from old.txt\nrename to new.txt\n' +
      'diff --git a/img.png b/img.png\nBinary files a/img.png and b/img.png differ\n';
    const files = parseUnifiedDiff(patch).files;
    expect(files.map((f) => f.path)).toEqual(['a b.txt', 'new.txt', 'img.png']);
    expect(files.map((f) => f.text).join('')).toBe(patch);
    expect(parseUnifiedDiff('diff --cc conflicted.txt\n').files[0]?.path).toBe('conflicted.txt');
  });

  it('agrees with the diff parser used for fitting', () => {
    const patch =
      one('a b.txt') +
      'diff --git a/old.txt b/new.txt\nsimilarity index 100%\nrename from old.txt\nrename to new.txt\n' +
      'diff --git a/img.png b/img.png\nBinary files a/img.png and b/img.png differ\n';
    expect(parseUnifiedDiff(patch).files.map((f) => [f.path, f.status, f.binary])).toEqual([
      ['a b.txt', 'modified', false],
      ['new.txt', 'renamed', false],
      ['img.png', 'modified', true],
    ]);
  });
});

describe('limits', () => {
  it('fills defaults and ignores nonsense', () => {
    expect(resolveLimits()).toEqual(DEFAULT_CONTEXT_LIMITS);
    expect(DEFAULT_CONTEXT_LIMITS).toMatchObject({
      maxDiffChars: 400_000,
      maxFileChars: 100_000,
      maxGlobFileChars: 20_000,
      maxGlobTotalChars: 100_000,
      maxGlobFiles: 50,
    });
    expect(
      resolveLimits({ maxFileChars: 10, maxDiffChars: -1, maxGlobFiles: Number.NaN }),
    ).toMatchObject({
      maxFileChars: 10,
      maxDiffChars: 400_000,
      maxGlobFiles: 50,
    });
  });

  it('counts lines', () => {
    expect([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb')]).toEqual([
      0, 1, 1, 2,
    ]);
  });
});

describe('path checks', () => {
  it('accepts relative paths and normalises them', () => {
    expect(checkRelativePath('./a//b/../c.md')).toEqual({ ok: true, rel: 'a/c.md' });
    expect(checkRelativePath('.')).toEqual({ ok: true, rel: '.' });
    expect(checkRelativePath('docs/')).toEqual({ ok: true, rel: 'docs' });
  });

  it('refuses absolute, escaping, empty and NUL paths', () => {
    for (const p of ['/etc/passwd', 'C:\\x', 'c:x', '\\\\server\\share', '//server/share']) {
      expect(checkRelativePath(p)).toEqual({ ok: false, reason: 'absolute' });
    }
    for (const p of ['..', '../x', 'a/../../x', '..\\x', 'a/b/../../../x']) {
      expect(checkRelativePath(p)).toEqual({ ok: false, reason: 'escapes' });
    }
    expect(checkRelativePath('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkRelativePath('a\0b')).toEqual({ ok: false, reason: 'nul' });
  });

  it('checks glob patterns', () => {
    expect(checkGlobPattern('./docs/**')).toEqual({ ok: true, pattern: 'docs/**' });
    expect(checkGlobPattern('/etc/*')).toEqual({ ok: false, reason: 'absolute' });
    expect(checkGlobPattern('docs/../../*')).toEqual({ ok: false, reason: 'escapes' });
  });

  it('decides containment on real paths (POSIX and Windows)', () => {
    expect(isWithinRoot('/r/p', '/r/p')).toBe(true);
    expect(isWithinRoot('/r/p', '/r/p/a/b')).toBe(true);
    expect(isWithinRoot('/r/p', '/r/p2/a')).toBe(false);
    expect(isWithinRoot('/r/p', '/r')).toBe(false);
    expect(isWithinRoot('/r/p', '/r/p/..foo')).toBe(true);
    expect(isWithinRoot('C:\\r\\p', 'C:\\r\\p\\a', nodePath.win32)).toBe(true);
    expect(isWithinRoot('C:\\r\\p', 'D:\\r\\p\\a', nodePath.win32)).toBe(false);
    expect(isWithinRoot('C:\\r\\p', 'C:\\r\\other', nodePath.win32)).toBe(false);
  });
});

describe('languageForPath', () => {
  it('maps extensions and well-known names', () => {
    expect(
      [
        'a.ts',
        'b.js',
        'c.py',
        'd.md',
        'e.yaml',
        'f.yml',
        'g.json',
        'Dockerfile',
        'x/Makefile',
        'noext',
        '.gitignore',
        'z.unknown',
      ].map(languageForPath),
    ).toEqual([
      'ts',
      'js',
      'python',
      'md',
      'yaml',
      'yaml',
      'json',
      'dockerfile',
      'makefile',
      '',
      'gitignore',
      '',
    ]);
  });
});
