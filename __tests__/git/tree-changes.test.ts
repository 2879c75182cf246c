import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMPTY_TREE,
  capPatch,
  describePaths,
  describeTreeChanges,
  fingerprint,
  parseStatusZ,
  readTreeState,
  statusArgs,
} from '../../src/git/tree-changes.js';
import { runGit } from '../../src/git/run-git.js';
import type { GitRunner } from '../../src/git/run-git.js';
import { cleanupTempDirs, git, makeRepo } from '../backends/patch-helpers.js';

afterEach(cleanupTempDirs);

describe('parseStatusZ and statusArgs', () => {
  it('reads one entry per path, skipping copy sources too', () => {
    expect(parseStatusZ('C  copy.txt\0orig.txt\0 D gone.txt\0\0')).toEqual([
      { xy: 'C ', path: 'copy.txt' },
      { xy: ' D', path: 'gone.txt' },
    ]);
    expect(parseStatusZ('')).toEqual([]);
  });

  it('asks for every untracked file, without renames', () => {
    expect(statusArgs('dirty')).toEqual([
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=all',
      '--no-renames',
      '--ignore-submodules=dirty',
    ]);
    expect(statusArgs('none').at(-1)).toBe('--ignore-submodules=none');
  });
});

describe('capPatch', () => {
  const one = 'diff --git a/a b/a\n+x\n';
  const two = 'diff --git a/b b/b\n+yyyyyyyy\n';

  it('keeps a patch within the limit whole', () => {
    expect(capPatch(one + two, 1000)).toEqual({ text: one + two, cut: false });
  });

  it('cuts at the last file boundary before the limit', () => {
    expect(capPatch(one + two, one.length + 'diff --git '.length + 3)).toEqual({
      text: one,
      cut: true,
    });
  });

  it('keeps nothing when the first file alone is over the limit', () => {
    expect(capPatch(one, 5)).toEqual({ text: '', cut: true });
  });
});

describe('describePaths', () => {
  it('diffs tracked paths against the index and new ones against /dev/null', async () => {
    const root = makeRepo({ 'a.txt': 'one\n', 'staged.txt': 'old\n' });
    writeFileSync(join(root, 'staged.txt'), 'staged\n');
    git(root, 'add', 'staged.txt');
    writeFileSync(join(root, 'staged.txt'), 'staged\nthen edited\n');
    writeFileSync(join(root, 'a.txt'), 'two\n');
    writeFileSync(join(root, 'new.txt'), 'fresh\n');

    const changes = await describePaths(runGit, root, ['a.txt', 'new.txt', 'staged.txt']);
    expect(changes.changedFiles).toEqual(['a.txt', 'new.txt', 'staged.txt']);
    expect(changes.notes).toEqual([]);
    expect(changes.patch).toContain('-one\n+two\n');
    expect(changes.patch).toContain('new file mode 100644');
    expect(changes.patch).toContain('+fresh\n');
    // Against the index: the staged edit is not part of it, the later one is.
    expect(changes.patch).not.toContain('-old');
    expect(changes.patch).toContain(' staged\n+then edited\n');
    expect(changes.diffStat).toMatch(/3 files changed/);
  });

  it('diffs against a base commit when given, including paths the index lost', async () => {
    const root = makeRepo({ 'a.txt': 'one\n', 'kept.txt': 'kept\n' });
    const head = git(root, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(root, 'a.txt'), 'staged\n');
    git(root, 'add', 'a.txt');
    git(root, 'rm', '-q', '--cached', 'kept.txt');

    const changes = await describePaths(runGit, root, ['a.txt', 'kept.txt'], { base: head });
    expect(changes.patch).toContain('-one\n+staged\n');
    // kept.txt is untracked now but HEAD has it: diffed against HEAD (as deleted from the index),
    // not as a new file.
    expect(changes.patch).toContain('diff --git a/kept.txt b/kept.txt\ndeleted file mode 100644');
    expect(changes.patch).not.toContain('new file mode');
  });

  it('skips paths that are gone or are not files, and never calls git for nothing', async () => {
    const root = makeRepo({ 'a.txt': 'one\n' });
    mkdirSync(join(root, 'dir'));
    symlinkSync('a.txt', join(root, 'link'));
    const calls: string[][] = [];
    const spy: GitRunner = (cwd, args, opts) => {
      calls.push([...args]);
      return runGit(cwd, args, opts);
    };
    expect(await describePaths(spy, root, [])).toEqual({
      changedFiles: [],
      patch: '',
      diffStat: '',
      notes: [],
    });
    expect(calls).toEqual([]);

    const changes = await describePaths(spy, root, ['dir', 'gone.txt', 'link']);
    expect(changes.patch).toContain('new file mode 120000');
    expect(changes.patch).not.toContain('gone.txt');
    expect(changes.patch).not.toContain('b/dir');
  });

  it('trusts the given fingerprints: a path they lack counts as missing', async () => {
    const root = makeRepo({ 'a.txt': 'one\n' });
    writeFileSync(join(root, 'new.txt'), 'fresh\n');
    const changes = await describePaths(runGit, root, ['new.txt'], {
      base: EMPTY_TREE,
      fingerprints: new Map(),
    });
    expect(changes.patch).toBe('');
    expect(await fingerprint(root, 'new.txt')).toMatch(/^file:-:[0-9a-f]{64}$/);
  });
});

describe('describeTreeChanges', () => {
  it('reports what a run changed and which paths were dirty before', async () => {
    const root = makeRepo({ 'a.txt': 'one\n', 'b.txt': 'bee\n' });
    writeFileSync(join(root, 'b.txt'), 'dirty\n');
    const before = await readTreeState(root);
    expect(before.status).toEqual(new Map([['b.txt', ' M']]));

    writeFileSync(join(root, 'a.txt'), 'two\n');
    writeFileSync(join(root, 'b.txt'), 'dirtier\n');
    writeFileSync(join(root, 'c.txt'), 'sea\n');
    const changes = await describeTreeChanges(before);
    expect(changes.changedFiles).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(changes.patch).toContain('-bee\n+dirtier\n');
    expect(changes.notes).toEqual([
      'already changed before this step (their patch shows all of their uncommitted changes): b.txt',
    ]);
    expect(changes.after.head).toBe(before.head);
  });
});
