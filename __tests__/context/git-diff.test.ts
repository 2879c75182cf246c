import { afterAll, describe, expect, it } from '@jest/globals';
import { symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createContextResolver } from '../../src/context/index.js';
import type { ContextBlock } from '../../src/engine/types.js';
import { parseUnifiedDiff } from '../../src/diff/unified-diff.js';
import { cleanup, commitAll, git, initRepo, tempDir, write } from './git-fixture.js';

afterAll(cleanup);

async function gitDiff(
  root: string,
  limits?: { maxDiffChars?: number; maxUntrackedFiles?: number; maxContextChars?: number },
): Promise<ContextBlock> {
  const blocks = await createContextResolver({ root, limits }).resolve(['git_diff'], {});
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

function repoWithCommit(): string {
  const repo = initRepo();
  write(repo, 'a.txt', 'one\ntwo\nthree\n');
  write(repo, 'gone.txt', 'bye\n');
  write(repo, '.gitignore', 'secret.log\nbuild/\n');
  commitAll(repo, 'initial');
  return repo;
}

describe('git_diff (working tree)', () => {
  it('shows a tracked modification as a diff block', async () => {
    const repo = repoWithCommit();
    write(repo, 'a.txt', 'one\nTWO\nthree\n');
    const b = await gitDiff(repo);
    expect(b.placeholder).toBeUndefined();
    expect(b.language).toBe('diff');
    expect(b.source).toBe('git_diff');
    expect(b.title).toBe('git diff (working tree vs HEAD, untracked files included)');
    expect(b.text).toContain('diff --git a/a.txt b/a.txt');
    expect(b.text).toContain('-two\n+TWO\n');
  });

  it('includes staged and unstaged changes and deletions', async () => {
    const repo = repoWithCommit();
    write(repo, 'staged.txt', 'staged\n');
    git(repo, 'add', 'staged.txt');
    write(repo, 'a.txt', 'one\ntwo\nthree\nfour\n');
    unlinkSync(join(repo, 'gone.txt'));
    const b = await gitDiff(repo);
    expect(b.text).toContain('+staged');
    expect(b.text).toContain('+four');
    expect(b.text).toContain('deleted file mode');
  });

  it('adds untracked files as new-file diffs, and leaves ignored files out', async () => {
    const repo = repoWithCommit();
    write(repo, 'notes/new file ü.md', 'hello\nworld\n');
    write(repo, 'secret.log', 'TOP-SECRET-LOG\n');
    write(repo, 'build/out.js', 'BUILD-OUTPUT\n');
    const b = await gitDiff(repo);
    expect(b.text).toContain('diff --git a/notes/new file ü.md b/notes/new file ü.md');
    expect(b.text).toContain('new file mode 100644');
    expect(b.text).toContain('--- /dev/null');
    expect(b.text).toContain('+hello\n+world\n');
    expect(b.text).not.toContain('TOP-SECRET-LOG');
    expect(b.text).not.toContain('secret.log');
    expect(b.text).not.toContain('BUILD-OUTPUT');
  });

  it('notes a binary untracked file instead of its content', async () => {
    const repo = repoWithCommit();
    write(
      repo,
      'img.bin',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x41, 0x42, 0x43]),
    );
    const b = await gitDiff(repo);
    expect(b.text).toContain('Binary files /dev/null and b/img.bin differ');
    expect(b.text).not.toContain('ABC');
  });

  it('shows an untracked symlink as its target, never the content behind it', async () => {
    const repo = repoWithCommit();
    const outside = tempDir();
    write(outside, 'secret.txt', 'OUTSIDE-SECRET\n');
    symlinkSync(join(outside, 'secret.txt'), join(repo, 'link'));
    const b = await gitDiff(repo);
    expect(b.text).toContain('new file mode 120000');
    expect(b.text).not.toContain('OUTSIDE-SECRET');
  });

  it('says so when nothing changed', async () => {
    const repo = repoWithCommit();
    const b = await gitDiff(repo);
    expect(b.placeholder).toBe(true);
    expect(b.text).toMatch(/^No changes in the working tree \(git diff is empty\)/);
    expect(b.language).toBeUndefined();
  });

  it('handles a repository with no commits yet', async () => {
    const repo = initRepo();
    const empty = await gitDiff(repo);
    expect(empty.placeholder).toBe(true);
    expect(empty.text).toContain('no commits yet');

    write(repo, 'staged.txt', 'staged\n');
    git(repo, 'add', 'staged.txt');
    write(repo, 'staged.txt', 'staged\nthen edited\n');
    write(repo, 'untracked.txt', 'untracked\n');
    const b = await gitDiff(repo);
    expect(b.placeholder).toBeUndefined();
    expect(b.title).toContain('no commits yet');
    expect(b.text).toContain('diff --git a/staged.txt b/staged.txt');
    expect(b.text).toContain('+then edited');
    expect(b.text).toContain('+untracked');
  });

  it('diffs the whole repository when the root is a subdirectory', async () => {
    const repo = repoWithCommit();
    write(repo, 'pkg/inner.txt', 'inner\n');
    commitAll(repo);
    write(repo, 'a.txt', 'changed\n');
    write(repo, 'pkg/new.txt', 'new\n');
    const b = await gitDiff(join(repo, 'pkg'));
    expect(b.text).toContain('diff --git a/a.txt b/a.txt');
    expect(b.text).toContain('diff --git a/pkg/new.txt b/pkg/new.txt');
  });

  it('ignores diff drivers, colour and prefix settings from git config', async () => {
    const repo = repoWithCommit();
    git(repo, 'config', 'diff.external', 'false');
    git(repo, 'config', 'color.ui', 'always');
    git(repo, 'config', 'diff.noprefix', 'true');
    write(repo, 'a.txt', 'x\n');
    const b = await gitDiff(repo);
    expect(b.text).toContain('diff --git a/a.txt b/a.txt');
    expect(b.text).not.toContain('\u001b[');
  });

  it('gives placeholders outside git and for a missing root', async () => {
    const plain = tempDir();
    write(plain, 'a.txt', 'a\n');
    const b = await gitDiff(plain);
    expect(b.placeholder).toBe(true);
    expect(b.text).toMatch(/^Not a git repository:/);

    const missing = await gitDiff(join(plain, 'nope'));
    expect(missing.placeholder).toBe(true);
    expect(missing.text).toMatch(/^Project root not found:/);
  });

  it('gives a placeholder when git is not installed', async () => {
    const repo = repoWithCommit();
    const saved = process.env.PATH;
    process.env.PATH = join(tempDir(), 'no-bin');
    try {
      const b = await gitDiff(repo);
      expect(b.placeholder).toBe(true);
      expect(b.text).toMatch(/^git is not available:/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('fits the diff into the budget and names every file left out, with why', async () => {
    const repo = initRepo();
    for (const name of ['f1.txt', 'f2.txt', 'f3.txt', 'f4.txt']) write(repo, name, 'base\n');
    commitAll(repo);
    write(repo, 'f1.txt', 'line\n'.repeat(20));
    write(repo, 'f2.txt', 'line\n'.repeat(20));
    write(repo, 'f3.txt', 'big\n'.repeat(400));
    write(repo, 'f4.txt', 'line\n'.repeat(20));
    write(repo, 'u-big.txt', 'untracked\n'.repeat(400));
    write(repo, 'u-small.txt', 'small\n');
    const b = await gitDiff(repo, { maxDiffChars: 1_200 });
    expect(b.title).toBe(
      'git diff (working tree vs HEAD, untracked files included) (fitted to the context budget)',
    );
    expect(b.text.length).toBeLessThanOrEqual(1_200);
    expect(b.text).toContain('diff --git a/f1.txt b/f1.txt');
    expect(b.text).toContain('diff --git a/f2.txt b/f2.txt');
    expect(b.text).toContain('diff --git a/u-small.txt b/u-small.txt');
    expect(b.text).toMatch(
      /^\[Fitted to the context budget of 1,\d{3} characters: the diff has 6 files and [\d,]+ characters;/m,
    );
    expect(b.text).toMatch(/^\[(skipped|clipped)\] f3\.txt \(modified, \+400 -1\): over budget/m);
    expect(b.text).toMatch(/^\[(skipped|clipped)\] u-big\.txt \(added, \+400 -0\): over budget/m);
    expect(b.coverage!.map((c) => [c.path, c.status])).toEqual([
      ['f1.txt', 'reviewed'],
      ['f2.txt', 'reviewed'],
      ['f3.txt', expect.stringMatching(/^(skipped|clipped)$/)],
      ['f4.txt', 'reviewed'],
      ['u-big.txt', expect.stringMatching(/^(skipped|clipped)$/)],
      ['u-small.txt', 'reviewed'],
    ]);
  });

  it('clips a file after a whole line when not even one hunk fits', async () => {
    const repo = repoWithCommit();
    write(
      repo,
      'a.txt',
      Array.from({ length: 200 }, (_, i) => `changed line ${i}`).join('\n') + '\n',
    );
    const b = await gitDiff(repo, { maxDiffChars: 1000 });
    expect(b.text.length).toBeLessThanOrEqual(1000);
    const [shown] = b.text.split('\n[');
    expect(shown).toMatch(/\+changed line \d+$/);
    expect(shown).toMatch(/^@@ -1,3 \+1,\d+ @@$/m);
    expect(b.text).toMatch(
      /\[clipped\] a\.txt \(modified, \+200 -3\): over budget: the first \d+ of 203 lines of hunk 1 of 1 shown/,
    );
    expect(b.coverage).toEqual([
      {
        path: 'a.txt',
        status: 'clipped',
        reason: expect.stringMatching(/^over budget: the first/),
      },
    ]);
  });

  it('renders at most maxUntrackedFiles untracked files, and names the rest', async () => {
    const repo = repoWithCommit();
    for (let i = 0; i < 5; i++) write(repo, `u${i}.txt`, `u${i}\n`);
    const b = await gitDiff(repo, { maxUntrackedFiles: 2 });
    expect(b.text).toContain('+u0');
    expect(b.text).toContain('+u1');
    expect(b.text).not.toContain('+u2');
    for (const n of [2, 3, 4])
      expect(b.text).toContain(
        `[skipped] u${n}.txt: untracked, over the limit of 2 untracked files shown`,
      );
    expect(b.coverage!.map((c) => c.status)).toEqual([
      'reviewed',
      'reviewed',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it('lists files past the read limit as not read', async () => {
    const repo = repoWithCommit();
    for (let i = 0; i < 30; i++) write(repo, `t${String(i).padStart(2, '0')}.txt`, 'x\n');
    commitAll(repo);
    for (let i = 0; i < 30; i++)
      write(repo, `t${String(i).padStart(2, '0')}.txt`, `${'y'.repeat(200_000)}\n`);
    // A 400-character budget reads 4 MiB at most: about 20 of the 30 files.
    const b = await gitDiff(repo, { maxContextChars: 400, maxDiffChars: 400 });
    const notRead = b.coverage!.filter((c) =>
      c.reason?.startsWith('not read: the diff is larger than'),
    );
    expect(notRead.length).toBeGreaterThan(0);
    expect(b.coverage).toHaveLength(30);
    expect(b.text.length).toBeLessThanOrEqual(400);
  });
});

describe('git_diff (pull request mode)', () => {
  const patch = [
    'diff --git a/src/x.ts b/src/x.ts',
    'index 1111111..2222222 100644',
    '--- a/src/x.ts',
    '+++ b/src/x.ts',
    '@@ -1 +1 @@',
    '-old',
    '+new',
    '',
  ].join('\n');

  it('uses the given patch, not the working tree', async () => {
    const repo = repoWithCommit();
    write(repo, 'a.txt', 'LOCAL-CHANGE\n');
    const [b] = await createContextResolver({
      root: repo,
      prDiff: { diff: parseUnifiedDiff(patch), label: 'PR #7: main...feature' },
    }).resolve(['git_diff'], {});
    expect(b!.text).toBe(patch);
    expect(b!.title).toBe('Pull request diff (PR #7: main...feature)');
    expect(b!.language).toBe('diff');
    expect(b!.untrusted).toBe(true);
    expect(b!.text).not.toContain('LOCAL-CHANGE');
  });

  it('works without a repository and says so when the patch is empty', async () => {
    const [b] = await createContextResolver({
      root: tempDir(),
      prDiff: { diff: parseUnifiedDiff(''), label: 'PR #8' },
    }).resolve(['git_diff'], {});
    expect(b!.placeholder).toBe(true);
    expect(b!.text).toMatch(/^No changes in the pull request \(the diff is empty\): PR #8/);
  });

  it('fits the PR patch too', async () => {
    const big =
      patch +
      patch
        .replace(/x\.ts/g, 'y.ts')
        .replace('@@ -1 +1 @@', '@@ -1 +1,301 @@')
        .replace('+new', '+new\n' + '+more\n'.repeat(300).trimEnd());
    const [b] = await createContextResolver({
      root: tempDir(),
      prDiff: { diff: parseUnifiedDiff(big), label: 'PR #9' },
      limits: { maxDiffChars: 500 },
    }).resolve(['git_diff'], {});
    expect(b!.text.length).toBeLessThanOrEqual(500);
    expect(b!.untrusted).toBe(true);
    expect(b!.text).toContain('diff --git a/src/x.ts');
    expect(b!.text).toMatch(/\[(skipped|clipped)\] src\/y\.ts \(modified, \+301 -1\): over budget/);
    expect(b!.coverage!.map((c) => c.path)).toEqual(['src/x.ts', 'src/y.ts']);
  });
});
