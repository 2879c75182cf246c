import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFileDiff } from '../../src/backends/patch/make-diff.js';
import { normalizeDiff } from '../../src/backends/patch/normalize-diff.js';
import {
  editsToPatch,
  extractProposal,
  parseProposal,
} from '../../src/backends/patch/parse-proposal.js';
import type { FileReader } from '../../src/backends/patch/parse-proposal.js';
import { validatePatch } from '../../src/backends/patch/validate-patch.js';
import { cleanupTempDirs, git, makeRepo, read, tempDir } from './patch-helpers.js';

afterAll(cleanupTempDirs);

const memoryReader = (files: Record<string, string>): FileReader => ({
  async readText(path) {
    return Object.hasOwn(files, path) ? files[path]! : null;
  },
});

const GOOD = `diff --git a/a.txt b/a.txt
--- a/a.txt
+++ b/a.txt
@@ -1,3 +1,3 @@
 one
-two
+TWO
 three
`;

describe('extractProposal', () => {
  it('takes a ```diff fence out of surrounding prose', () => {
    const p = extractProposal(
      `Sure! Here is the fix:\n\n\`\`\`diff\n${GOOD}\`\`\`\n\nLet me know.`,
    );
    expect(p).toEqual({ kind: 'diff', patch: GOOD });
  });

  it('accepts ```patch fences, unlabelled fences that hold a diff, and ~~~ fences', () => {
    expect(extractProposal(`\`\`\`patch\n${GOOD}\`\`\``)).toEqual({ kind: 'diff', patch: GOOD });
    expect(extractProposal(`\`\`\`\n${GOOD}\`\`\``)).toEqual({ kind: 'diff', patch: GOOD });
    expect(extractProposal(`~~~diff\n${GOOD}~~~`)).toEqual({ kind: 'diff', patch: GOOD });
  });

  it('finds a bare diff in prose and stops where the prose resumes', () => {
    const p = extractProposal(`I changed a.txt.\n${GOOD}This fixes the bug.\nThanks`);
    expect(p).toEqual({ kind: 'diff', patch: GOOD });
  });

  it('adds missing diff --git headers and a/ b/ prefixes, and recounts hunks', () => {
    const bare = `--- a.txt\n+++ a.txt\n@@ -1,7 +1,9 @@\n one\n-two\n+TWO\n three\n\n--- /dev/null\n+++ b/new.txt\n@@ -1 +1 @@\n+hello\n`;
    const p = extractProposal(`\`\`\`diff\n${bare}\`\`\``);
    expect(p.kind).toBe('diff');
    expect(p.kind === 'diff' && p.patch).toBe(
      'diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n' +
        'diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,1 @@\n+hello\n',
    );
  });

  it('does not let a markdown fence inside the diff end the block early', () => {
    const diff =
      'diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1,3 +1,4 @@\n # T\n ```\n code\n+more\n';
    const p = extractProposal(`\`\`\`diff\n${diff}\`\`\``);
    expect(p).toEqual({ kind: 'diff', patch: diff });
  });

  it('joins several ```diff fences into one patch', () => {
    const second = 'diff --git a/b.txt b/b.txt\n--- a/b.txt\n+++ b/b.txt\n@@ -1 +1 @@\n-b\n+B\n';
    const p = extractProposal(
      `First:\n\`\`\`diff\n${GOOD}\`\`\`\nSecond:\n\`\`\`diff\n${second}\`\`\``,
    );
    expect(p).toEqual({
      kind: 'diff',
      patch: GOOD + second.replace('@@ -1 +1 @@', '@@ -1,1 +1,1 @@'),
    });
  });

  it('reads the JSON edits form, fenced or pure, with trailing commas', () => {
    const edits = [
      { path: 'a.txt', search: 'two', replace: 'TWO' },
      { path: 'n.txt', content: 'n' },
    ];
    expect(
      extractProposal(
        '```json\n{"edits": [{"path": "a.txt", "search": "two", "replace": "TWO"}, {"path": "n.txt", "content": "n",},],}\n```',
      ),
    ).toEqual({
      kind: 'edits',
      edits,
    });
    expect(extractProposal(JSON.stringify({ edits }))).toEqual({ kind: 'edits', edits });
  });

  it('never throws, and explains what it could not read', () => {
    expect(extractProposal('no idea')).toEqual({
      kind: 'none',
      note: 'the reply contains neither a unified diff (```diff block) nor a JSON {"edits": [...]} block',
    });
    expect(extractProposal('```json\n{"edits": 3}\n```')).toEqual({
      kind: 'none',
      note: 'the JSON reply has no "edits" list',
    });
    expect(extractProposal('```json\n{not json\n```')).toEqual({
      kind: 'none',
      note: 'the JSON block in the reply is not valid JSON',
    });
    expect(extractProposal('```diff\njust words\n```').kind).toBe('none');
    expect(extractProposal(undefined as unknown as string).kind).toBe('none');
  });
});

describe('parseProposal with edits', () => {
  it('turns search/replace and whole-file edits into one diff the validator accepts', async () => {
    const p = await parseProposal(
      JSON.stringify({
        edits: [
          { path: 'a.txt', search: 'two\n', replace: 'TWO\n' },
          { path: 'a.txt', search: 'three', replace: 'THREE' },
          { path: 'docs/n.md', content: 'new' },
        ],
      }),
      memoryReader({ 'a.txt': 'one\ntwo\nthree\n' }),
    );
    expect(p.kind).toBe('edits');
    if (p.kind !== 'edits') return;
    expect(p.patch).toBe(
      'diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-two\n-three\n+TWO\n+THREE\n' +
        'diff --git a/docs/n.md b/docs/n.md\nnew file mode 100644\n--- /dev/null\n+++ b/docs/n.md\n@@ -0,0 +1,1 @@\n+new\n',
    );
    const v = validatePatch(p.patch);
    expect(v.ok).toBe(true);
  });

  it('refuses ambiguous or missing search text, and edits that change nothing', async () => {
    const reader = memoryReader({ 'a.txt': 'x\nx\n' });
    expect(await editsToPatch([{ path: 'a.txt', search: 'x', replace: 'y' }], reader)).toEqual({
      error: 'the "search" text of an edit to a.txt occurs 2 times; it must be unique',
    });
    expect(await editsToPatch([{ path: 'b.txt', search: 'x', replace: 'y' }], reader)).toEqual({
      error: 'an edit searches in b.txt, which does not exist',
    });
    expect(await editsToPatch([{ path: 'a.txt', content: 'x\nx\n' }], reader)).toEqual({
      error: 'the edits change nothing',
    });
    expect(await editsToPatch([{ path: '/etc/passwd', content: 'x' }], reader)).toEqual({
      error: 'edit to "/etc/passwd" refused: "/etc/passwd" is absolute',
    });
  });

  it('reports a reader failure as a note', async () => {
    const p = await parseProposal(JSON.stringify({ edits: [{ path: 'a.txt', content: 'x' }] }), {
      async readText() {
        throw new Error('a.txt is a binary file');
      },
    });
    expect(p).toEqual({ kind: 'none', note: 'cannot read a.txt: a.txt is a binary file' });
  });
});

describe('makeFileDiff', () => {
  const root = makeRepo({ 'seed.txt': 'seed\n' });
  let n = 0;
  /** Applies the generated diff with real git and returns the result. */
  const roundTrip = (oldText: string | null, newText: string): string | null => {
    const path = `f${n++}.txt`;
    if (oldText !== null) {
      writeFileSync(join(root, path), oldText);
      git(root, 'add', path);
      git(root, 'commit', '-q', '-m', path);
    }
    const diff = makeFileDiff(path, oldText, newText);
    if (diff === '') return oldText;
    expect(validatePatch(diff).ok).toBe(true);
    const file = join(tempDir(), 'p.diff');
    writeFileSync(file, diff);
    git(root, 'apply', file);
    return read(root, path);
  };

  it('produces diffs git applies exactly, including missing final newlines', () => {
    const cases: [string | null, string][] = [
      [null, 'a\nb\n'],
      [null, 'no newline'],
      ['a\nb\nc\n', 'a\nB\nc\n'],
      ['a\nb', 'a\nb\n'],
      ['a\nb\n', 'a\nb'],
      ['', 'x\n'],
      ['x\n', ''],
      [
        Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n',
        Array.from({ length: 40 }, (_, i) => (i % 13 === 5 ? `changed ${i}` : `line ${i}`)).join(
          '\n',
        ) + '\n',
      ],
    ];
    for (const [oldText, newText] of cases) expect(roundTrip(oldText, newText)).toBe(newText);
  });

  it('survives random edits', () => {
    let seed = 7;
    const rand = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    for (let t = 0; t < 25; t++) {
      const oldLines = Array.from({ length: 1 + rand(30) }, () => `w${rand(6)}`);
      const newLines = oldLines.flatMap((l) => {
        const r = rand(10);
        return r === 0 ? [] : r === 1 ? [l, `ins${rand(4)}`] : r === 2 ? [`rep${rand(4)}`] : [l];
      });
      const oldText = oldLines.join('\n') + (rand(4) === 0 ? '' : '\n');
      const newText = newLines.join('\n') + (newLines.length === 0 || rand(4) !== 0 ? '\n' : '');
      expect(roundTrip(oldText, newText === '\n' ? '' : newText)).toBe(
        newText === '\n' ? '' : newText,
      );
    }
  });
});

describe('normalizeDiff', () => {
  it('adds new file / deleted file modes to git sections that only say /dev/null', () => {
    const out = normalizeDiff(
      'diff --git a/n.txt b/n.txt\n--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1 @@\n+n\n',
    );
    expect(out).toBe(
      'diff --git a/n.txt b/n.txt\nnew file mode 100644\n--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,1 @@\n+n\n',
    );
  });

  it('keeps a blank context line inside a hunk but drops blank lines after it', () => {
    const out = normalizeDiff(
      'diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n x\n\n-y\n+Y\n\n\n',
    );
    expect(out).toBe('diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,3 +1,3 @@\n x\n\n-y\n+Y\n');
  });
});
