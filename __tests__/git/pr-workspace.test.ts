import { afterEach, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrRepo, git } from '../support/pr-repo.js';
import type { PrRepo, PrRepoOptions } from '../support/pr-repo.js';
import {
  BotCommitCapReached,
  DEFAULT_IDENTITY,
  HeadMoved,
  PrWorkspaceError,
  WorkspaceNotClean,
  formatCommitMessage,
  preparePrWorkspace,
} from '../../src/git/pr-workspace.js';
import type { PrWorkspaceOptions } from '../../src/git/pr-workspace.js';

const repos: PrRepo[] = [];
afterEach(() => {
  while (repos.length > 0) repos.pop()?.cleanup();
});

function makeRepo(options: Partial<PrRepoOptions> = {}): PrRepo {
  const repo = createPrRepo({
    base: {
      'README.md': '# demo\n',
      'src/app.js': 'export const a = 1;\n',
      '.gitignore': 'build/\n',
    },
    head: { 'src/app.js': 'export const a = 2;\n' },
    ...options,
  });
  repos.push(repo);
  return repo;
}

function optionsFor(repo: PrRepo, extra: Partial<PrWorkspaceOptions> = {}): PrWorkspaceOptions {
  return {
    root: repo.workspace,
    prNumber: repo.number,
    headRef: repo.headRef,
    headSha: repo.headSha,
    baseRef: repo.baseRef,
    ...extra,
  };
}

/** The branch head in the bare origin (or in another bare repository). */
function remoteHead(repo: PrRepo, bare = repo.origin): string {
  return git(bare, 'rev-parse', `refs/heads/${repo.headRef}`);
}

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('preparePrWorkspace', () => {
  it('works on the PR head, not on the depth-1 merge commit actions/checkout left', async () => {
    const repo = makeRepo({ baseAdvance: { 'BASE.md': 'base moved on\n' } });
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(repo.mergeSha);
    expect(git(repo.workspace, 'rev-parse', '--is-shallow-repository')).toBe('true');

    const ws = await preparePrWorkspace(optionsFor(repo));
    expect(ws.branch).toBe('aethr/pr-7');
    expect(ws.startSha).toBe(repo.headSha);
    expect(ws.expectedHead).toBe(repo.headSha);
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(repo.headSha);
    expect(git(repo.workspace, 'symbolic-ref', '--short', 'HEAD')).toBe('aethr/pr-7');
    // The merge brought BASE.md in; the head does not have it.
    expect(existsSync(join(repo.workspace, 'BASE.md'))).toBe(false);
    expect(ws.mergeBase).toBe(git(repo.origin, 'merge-base', 'main', repo.headRef));
    // Our identity never lands in the repository's config.
    expect(() => git(repo.workspace, 'config', '--local', '--get', 'user.email')).toThrow();
  });

  it('fetches the PR head from a clone of the default branch (issue_comment checkout)', async () => {
    const repo = makeRepo();
    const ws2 = join(repo.dir, 'ws-default');
    git(repo.dir, 'clone', '-q', '--depth=1', '--branch', 'main', repo.originUrl, ws2);
    expect(() => git(ws2, 'cat-file', '-e', `${repo.headSha}^{commit}`)).toThrow();

    // No baseRef: the remote's default branch is used for the merge base.
    const ws = await preparePrWorkspace({
      root: ws2,
      prNumber: repo.number,
      headRef: repo.headRef,
      headSha: repo.headSha,
    });
    expect(git(ws2, 'rev-parse', 'HEAD')).toBe(repo.headSha);
    expect(ws.baseRef).toBe('main');
    expect(ws.mergeBase).toBe(repo.baseSha);

    write(ws2, 'src/app.js', 'export const a = 3;\n');
    const sha = await ws.commit(formatCommitMessage('implement', 'bump a', 1, 2));
    expect(sha).toBeDefined();
    expect(await ws.push()).toEqual({ ok: true, sha });
    expect(remoteHead(repo)).toBe(sha);
  });

  it('refuses to start when the head moved before the run', async () => {
    const repo = makeRepo();
    const started = repo.headSha;
    const checkedOut = repo.mergeSha;
    const moved = repo.push({ 'other.txt': 'someone else\n' }).headSha;
    const error = await preparePrWorkspace(optionsFor(repo, { headSha: started })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HeadMoved);
    expect((error as HeadMoved).remoteSha).toBe(moved);
    expect((error as HeadMoved).message).toContain(started.slice(0, 12));
    expect((error as HeadMoved).message).toContain(moved.slice(0, 12));
    expect((error as HeadMoved).message).toMatch(/moved/);
    // Nothing was checked out.
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(checkedOut);
    expect(() => git(repo.workspace, 'rev-parse', '--verify', 'refs/heads/aethr/pr-7')).toThrow();
  });

  it('refuses a dirty tree (modified or staged), but not ignored files', async () => {
    const repo = makeRepo();
    write(repo.workspace, 'build/out.js', 'ignored\n');
    write(repo.workspace, 'README.md', 'edited by an earlier step\n');
    const error = await preparePrWorkspace(optionsFor(repo)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceNotClean);
    expect((error as WorkspaceNotClean).paths).toEqual(['README.md']);
    expect((error as WorkspaceNotClean).message).toMatch(/uncommitted changes \(README\.md\)/);
    expect((error as WorkspaceNotClean).hint).toBeDefined();

    git(repo.workspace, 'checkout', '--', 'README.md');
    write(repo.workspace, 'staged.txt', 'x\n');
    git(repo.workspace, 'add', 'staged.txt');
    await expect(preparePrWorkspace(optionsFor(repo))).rejects.toBeInstanceOf(WorkspaceNotClean);

    git(repo.workspace, 'rm', '-q', '--cached', 'staged.txt');
    const ws = await preparePrWorkspace(optionsFor(repo));
    expect(ws.startSha).toBe(repo.headSha);
    expect(readFileSync(join(repo.workspace, 'build/out.js'), 'utf8')).toBe('ignored\n');
  });

  it('rejects unsafe options before running anything', async () => {
    const repo = makeRepo();
    await expect(preparePrWorkspace(optionsFor(repo, { headSha: 'abc' }))).rejects.toBeInstanceOf(
      PrWorkspaceError,
    );
    await expect(
      preparePrWorkspace(optionsFor(repo, { headRef: '--upload-pack=evil' })),
    ).rejects.toBeInstanceOf(PrWorkspaceError);
    await expect(preparePrWorkspace(optionsFor(repo, { headRef: 'a..b' }))).rejects.toThrow(
      /not a valid branch name/,
    );
    await expect(
      preparePrWorkspace(optionsFor(repo, { pushUrl: 'ext::sh -c touch% /tmp/pwned' })),
    ).rejects.toBeInstanceOf(PrWorkspaceError);
    await expect(preparePrWorkspace(optionsFor(repo, { prNumber: 0 }))).rejects.toBeInstanceOf(
      PrWorkspaceError,
    );
    await expect(
      preparePrWorkspace(
        optionsFor(repo, { identity: { name: 'x\nCommitter: evil', email: 'a@b' } }),
      ),
    ).rejects.toBeInstanceOf(PrWorkspaceError);
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(repo.mergeSha);
  });

  it('keeps credentials of the push URL out of its errors', async () => {
    const repo = makeRepo();
    const token = 'ghs_0123456789abcdefghijABCDEFGHIJ0123';
    const pushUrl = `http://x-access-token:${token}@127.0.0.1:9/acme/fork.git`;
    const error = await preparePrWorkspace(optionsFor(repo, { pushUrl })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrWorkspaceError);
    const text = `${(error as Error).message} ${(error as PrWorkspaceError).hint ?? ''}`;
    expect(text).not.toContain(token);
    expect(text).toContain('127.0.0.1');
  });

  it('deepens a shallow clone until it finds the merge base', async () => {
    const repo = makeRepo();
    for (let i = 0; i < 60; i += 1) repo.push({ [`steps/${i}.txt`]: `${i}\n` }, `step ${i}`);
    const ws2 = join(repo.dir, 'ws-deep');
    git(repo.dir, 'clone', '-q', '--depth=1', '--branch', 'main', repo.originUrl, ws2);
    const ws = await preparePrWorkspace({ ...optionsFor(repo), root: ws2, headSha: repo.headSha });
    // 61 commits between head and merge base: more than the first fetch (depth 50) brings.
    expect(ws.mergeBase).toBe(repo.baseSha);
    expect(git(ws2, 'rev-list', '--count', `${repo.baseSha}..HEAD`)).toBe('61');
    expect(await ws.botCommitCount()).toBe(0);
  }, 180_000); // 60 pushes of real git commands: slow on a loaded 2-core machine
});

describe('commit', () => {
  it('commits tracked changes and new files as one commit with the bot identity and trailer', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo));
    write(repo.workspace, 'src/app.js', 'export const a = 42;\n');
    write(repo.workspace, 'src/new/helper.js', 'export const h = 1;\n');
    write(repo.workspace, 'build/ignored.js', 'not committed\n');

    const message = formatCommitMessage(
      'implement',
      'Fix the answer\nand more',
      1,
      3,
      'https://github.com/acme/demo/actions/runs/42',
    );
    const sha = await ws.commit(message);
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(sha);
    expect(git(repo.workspace, 'rev-list', '--count', `${repo.headSha}..HEAD`)).toBe('1');
    expect(git(repo.workspace, 'rev-parse', 'HEAD^')).toBe(repo.headSha);
    expect(git(repo.workspace, 'log', '-1', '--format=%s')).toBe(
      'aethr(implement): Fix the answer and more (iteration 1/3)',
    );
    expect(git(repo.workspace, 'log', '-1', '--format=%(trailers:key=Aethr-Run,valueonly)')).toBe(
      'https://github.com/acme/demo/actions/runs/42',
    );
    expect(git(repo.workspace, 'log', '-1', '--format=%an <%ae>|%cn <%ce>')).toBe(
      `${DEFAULT_IDENTITY.name} <${DEFAULT_IDENTITY.email}>|${DEFAULT_IDENTITY.name} <${DEFAULT_IDENTITY.email}>`,
    );
    expect(
      git(repo.workspace, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort(),
    ).toEqual(['src/app.js', 'src/new/helper.js']);
    expect(git(repo.workspace, 'status', '--porcelain')).toBe('');
  });

  it('makes no commit when nothing changed', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo));
    expect(await ws.commit({ subject: 'nothing' })).toBeUndefined();
    write(repo.workspace, 'build/x.js', 'ignored only\n');
    expect(await ws.commit({ subject: 'nothing' })).toBeUndefined();
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(repo.headSha);
  });

  it('never commits files that were untracked before the run', async () => {
    const repo = makeRepo();
    write(repo.workspace, 'notes.local', 'mine\n');
    const ws = await preparePrWorkspace(optionsFor(repo));
    expect(await ws.commit({ subject: 'only a pre-existing file' })).toBeUndefined();
    write(repo.workspace, 'README.md', '# changed\n');
    const sha = await ws.commit({ subject: 'readme' });
    expect(git(repo.workspace, 'show', '--name-only', '--format=', sha ?? 'HEAD')).toBe(
      'README.md',
    );
    expect(git(repo.workspace, 'status', '--porcelain')).toBe('?? notes.local');
  });

  it('runs no hooks, even with core.hooksPath pointing into the PR code', async () => {
    const repo = makeRepo();
    const hooks = join(repo.workspace, '.hooks');
    const marker = join(repo.dir, 'hook-ran');
    mkdirSync(hooks);
    for (const name of [
      'post-checkout',
      'pre-commit',
      'commit-msg',
      'post-commit',
      'pre-push',
      'prepare-commit-msg',
    ]) {
      writeFileSync(join(hooks, name), `#!/bin/sh\necho ${name} >> '${marker}'\nexit 1\n`);
      chmodSync(join(hooks, name), 0o755);
    }
    git(repo.workspace, 'config', 'core.hooksPath', hooks);
    write(repo.workspace, '.git/info/exclude', '.hooks/\n');
    const ws = await preparePrWorkspace(optionsFor(repo));
    write(repo.workspace, 'src/app.js', 'export const a = 5;\n');
    const sha = await ws.commit({ subject: 'no hooks' });
    expect(await ws.push()).toEqual({ ok: true, sha });
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a nested repository instead of committing a gitlink', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo));
    const nested = join(repo.workspace, 'vendor/thing');
    mkdirSync(nested, { recursive: true });
    git(nested, 'init', '-q');
    git(
      nested,
      '-c',
      'user.name=x',
      '-c',
      'user.email=x@y',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'x',
    );
    await expect(ws.commit({ subject: 'nested' })).rejects.toThrow(
      /nested git repositories: vendor\/thing/,
    );
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(repo.headSha);
    await ws.discardChanges();
    expect(existsSync(nested)).toBe(false);
    expect(git(repo.workspace, 'status', '--porcelain')).toBe('');
  });
});

describe('push', () => {
  it('fast-forwards the PR branch in origin, one commit per iteration, in order', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo));
    const shas: string[] = [];
    for (let i = 1; i <= 2; i += 1) {
      write(repo.workspace, 'src/app.js', `export const a = ${10 + i};\n`);
      const sha = await ws.commit(
        formatCommitMessage('implement', `iteration ${i} fix`, i, 2, 'https://example.test/run/1'),
      );
      expect(sha).toBeDefined();
      const result = await ws.push();
      expect(result).toEqual({ ok: true, sha });
      expect(ws.expectedHead).toBe(sha);
      expect(remoteHead(repo)).toBe(sha);
      shas.push(sha as string);
    }
    // Fast-forwards only: the original head is an ancestor of what origin has now.
    git(repo.origin, 'merge-base', '--is-ancestor', repo.headSha, remoteHead(repo));
    expect(
      git(
        repo.origin,
        'log',
        '--format=%H %s',
        `${repo.headSha}..refs/heads/${repo.headRef}`,
      ).split('\n'),
    ).toEqual([
      `${shas[1]} aethr(implement): iteration 2 fix (iteration 2/2)`,
      `${shas[0]} aethr(implement): iteration 1 fix (iteration 1/2)`,
    ]);
    // Nothing new: pushing again is a no-op success.
    expect(await ws.push()).toEqual({ ok: true, sha: shas[1] });
  });

  it('does not push over a concurrent push (head moved after prepare)', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo));
    write(repo.workspace, 'src/app.js', 'export const a = 99;\n');
    const ours = await ws.commit({ subject: 'ours' });
    const theirs = repo.push({ 'theirs.txt': 'pushed meanwhile\n' }).headSha;

    const result = await ws.push();
    expect(result).toMatchObject({ ok: false, reason: 'head-moved', remoteSha: theirs });
    if (!result.ok) expect(result.message).toMatch(/moved.*Nothing was pushed/s);
    expect(remoteHead(repo)).toBe(theirs);
    expect(ws.expectedHead).toBe(ws.startSha);
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(ours);
    // And it stays refused.
    expect((await ws.push()).ok).toBe(false);
    expect(remoteHead(repo)).toBe(theirs);
  });

  it('maps a push that loses the race inside receive-pack to head-moved, without forcing', async () => {
    const repo = makeRepo();
    // A commit the "other pusher" lands while our push is being received.
    const started = repo.headSha;
    const theirs = repo.push({ 'theirs.txt': 'racing\n' }).headSha;
    git(repo.origin, 'update-ref', 'refs/keep/theirs', theirs);
    git(repo.origin, 'update-ref', 'refs/heads/feature/change', started);
    const hook = join(repo.origin, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      `#!/bin/sh\nenv -u GIT_QUARANTINE_PATH git update-ref refs/heads/feature/change ${theirs} ${started}\nexit 0\n`,
    );
    chmodSync(hook, 0o755);

    const ws = await preparePrWorkspace(optionsFor(repo, { headSha: started }));
    write(repo.workspace, 'src/app.js', 'export const a = 7;\n');
    await ws.commit({ subject: 'ours' });
    const result = await ws.push();
    expect(result).toMatchObject({ ok: false, reason: 'head-moved', remoteSha: theirs });
    expect(remoteHead(repo)).toBe(theirs);
  });

  it("reports a refused push as forbidden or rejected, with git's message", async () => {
    const repo = makeRepo();
    const hook = join(repo.origin, 'hooks', 'pre-receive');
    const ws = await preparePrWorkspace(optionsFor(repo));
    write(repo.workspace, 'src/app.js', 'export const a = 8;\n');
    await ws.commit({ subject: 'ours' });

    writeFileSync(
      hook,
      '#!/bin/sh\necho "Permission to acme/demo.git denied to github-actions[bot]." >&2\nexit 1\n',
    );
    chmodSync(hook, 0o755);
    const forbidden = await ws.push();
    expect(forbidden).toMatchObject({ ok: false, reason: 'forbidden' });
    if (!forbidden.ok) expect(forbidden.message).toContain('Permission to acme/demo.git denied');

    writeFileSync(
      hook,
      '#!/bin/sh\necho "error: GH006: Protected branch update failed for refs/heads/feature/change." >&2\nexit 1\n',
    );
    const rejected = await ws.push();
    expect(rejected).toMatchObject({ ok: false, reason: 'rejected' });
    if (!rejected.ok) expect(rejected.message).toContain('GH006');
    expect(remoteHead(repo)).toBe(repo.headSha);
    expect(ws.expectedHead).toBe(repo.headSha);
  });

  it('pushes to pushUrl (a fork) and checks the head there', async () => {
    const repo = makeRepo();
    const fork = join(repo.dir, 'fork.git');
    git(repo.dir, 'clone', '-q', '--bare', repo.origin, fork);
    // In a real fork PR the base repository has no such branch.
    git(repo.origin, 'update-ref', '-d', `refs/heads/${repo.headRef}`);
    const ws = await preparePrWorkspace(optionsFor(repo, { pushUrl: `file://${fork}` }));
    write(repo.workspace, 'src/app.js', 'export const a = 11;\n');
    const sha = await ws.commit({ subject: 'fork fix' });
    expect(await ws.push()).toEqual({ ok: true, sha });
    expect(remoteHead(repo, fork)).toBe(sha);
    expect(() => remoteHead(repo)).toThrow();

    const patch = await ws.formatPatch();
    expect(patch.commits).toBe(1);
    expect(patch.patch).toContain('Subject: [PATCH] fork fix');
    expect(patch.patch).toContain('+export const a = 11;');
  });
});

describe('bot commit cap', () => {
  it('counts commits by the identity since the merge base and refuses at the cap', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo, { maxBotCommits: 2 }));
    for (let i = 1; i <= 2; i += 1) {
      write(repo.workspace, 'src/app.js', `export const a = ${i};\n`);
      expect(await ws.commit({ subject: `c${i}` })).toBeDefined();
    }
    expect(await ws.botCommitCount()).toBe(2);
    await expect(ws.assertCanCommit()).rejects.toBeInstanceOf(BotCommitCapReached);
    write(repo.workspace, 'src/app.js', 'export const a = 3;\n');
    const error = await ws.commit({ subject: 'c3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotCommitCapReached);
    expect((error as BotCommitCapReached).message).toMatch(/cap is 2/);
    expect((error as BotCommitCapReached).hint).toMatch(/max-bot-commits/);
    expect(git(repo.workspace, 'rev-list', '--count', `${repo.headSha}..HEAD`)).toBe('2');
  });

  it('counts earlier bot commits already on the branch, and only that identity', async () => {
    const repo = makeRepo();
    const identity = { name: 'Aethr Bot', email: 'aethr-bot@example.com' };
    const first = await preparePrWorkspace(optionsFor(repo, { identity }));
    write(repo.workspace, 'src/app.js', 'export const a = 100;\n');
    const pushed = await first.commit({ subject: 'earlier run' });
    expect((await first.push()).ok).toBe(true);

    // A later run starts from the head that includes the earlier bot commit.
    const again = await preparePrWorkspace(
      optionsFor(repo, { identity, maxBotCommits: 1, headSha: pushed }),
    );
    expect(await again.botCommitCount()).toBe(1);
    write(repo.workspace, 'src/app.js', 'export const a = 101;\n');
    await expect(again.commit({ subject: 'one too many' })).rejects.toBeInstanceOf(
      BotCommitCapReached,
    );
    await again.discardChanges();

    const other = await preparePrWorkspace(optionsFor(repo, { maxBotCommits: 1, headSha: pushed }));
    expect(await other.botCommitCount()).toBe(0);
  });
});

describe('discardChanges', () => {
  it('restores the tree and removes only what appeared after prepare', async () => {
    const repo = makeRepo();
    write(repo.workspace, 'keep.local', 'pre-existing untracked\n');
    write(repo.workspace, 'scratch/old.txt', 'pre-existing untracked dir\n');
    const ws = await preparePrWorkspace(optionsFor(repo));

    write(repo.workspace, 'src/app.js', 'export const a = "half done";\n');
    write(repo.workspace, 'README.md', '');
    write(repo.workspace, 'new/deep/file.js', 'x\n');
    write(repo.workspace, 'scratch/new.txt', 'new in old dir\n');
    write(repo.workspace, 'build/cache.js', 'ignored\n');
    mkdirSync(join(repo.workspace, 'emptydir'));
    git(repo.workspace, 'add', 'README.md');

    await ws.discardChanges();
    expect(readFileSync(join(repo.workspace, 'src/app.js'), 'utf8')).toBe('export const a = 2;\n');
    expect(readFileSync(join(repo.workspace, 'README.md'), 'utf8')).toBe('# demo\n');
    expect(existsSync(join(repo.workspace, 'new'))).toBe(false);
    expect(existsSync(join(repo.workspace, 'emptydir'))).toBe(false);
    expect(existsSync(join(repo.workspace, 'scratch/new.txt'))).toBe(false);
    expect(readFileSync(join(repo.workspace, 'keep.local'), 'utf8')).toBe(
      'pre-existing untracked\n',
    );
    expect(readFileSync(join(repo.workspace, 'scratch/old.txt'), 'utf8')).toBe(
      'pre-existing untracked dir\n',
    );
    expect(readFileSync(join(repo.workspace, 'build/cache.js'), 'utf8')).toBe('ignored\n');
    expect(
      git(repo.workspace, 'status', '--porcelain', '--untracked-files=all').split('\n').sort(),
    ).toEqual(['?? keep.local', '?? scratch/old.txt']);
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(repo.headSha);
  });

  it('keeps earlier commits of the run', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo));
    write(repo.workspace, 'src/app.js', 'export const a = 3;\n');
    const sha = await ws.commit({ subject: 'kept' });
    write(repo.workspace, 'src/app.js', 'export const a = 4;\n');
    await ws.discardChanges();
    expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(sha);
    expect(readFileSync(join(repo.workspace, 'src/app.js'), 'utf8')).toBe('export const a = 3;\n');
  });
});

describe('squash (milestone tasks)', () => {
  it('folds provisional commits into one, checking the cap once for the result', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo, { maxBotCommits: 1 }));
    const start = await ws.localHead();
    for (let i = 1; i <= 3; i += 1) {
      write(repo.workspace, `task-${i}.txt`, `${i}\n`);
      // Over the cap of 1, yet allowed: these are folded away before anything is pushed.
      expect(await ws.commit({ subject: `iteration ${i}` }, { provisional: true })).toBeDefined();
    }
    const sha = await ws.squash(start, { subject: 'aethr(task 1/2): the task' });
    expect(sha).toBe(await ws.localHead());
    expect(git(repo.workspace, 'rev-list', '--count', `${start}..HEAD`)).toBe('1');
    expect(git(repo.workspace, 'show', '--name-only', '--format=%s', 'HEAD').split('\n')).toEqual([
      'aethr(task 1/2): the task',
      '',
      'task-1.txt',
      'task-2.txt',
      'task-3.txt',
    ]);
    expect((await ws.log()).map((c) => c.subject)).toEqual(['aethr(task 1/2): the task', 'change']);
    // The cap applies to the squashed commits.
    const next = await ws.localHead();
    write(repo.workspace, 'task-4.txt', '4\n');
    await ws.commit({ subject: 'iteration' }, { provisional: true });
    await expect(ws.squash(next, { subject: 'aethr(task 2/2): more' })).rejects.toBeInstanceOf(
      BotCommitCapReached,
    );
  });

  it('makes no commit when the iterations add up to nothing, and discardChanges(to) drops them', async () => {
    const repo = makeRepo();
    const ws = await preparePrWorkspace(optionsFor(repo));
    const start = await ws.localHead();
    write(repo.workspace, 'tmp.txt', 'x\n');
    await ws.commit({ subject: 'add' }, { provisional: true });
    git(repo.workspace, 'rm', '-q', 'tmp.txt');
    await ws.commit({ subject: 'remove' }, { provisional: true });
    expect(await ws.squash(start, { subject: 'nothing' })).toBeUndefined();
    expect(await ws.localHead()).toBe(start);

    write(repo.workspace, 'half.txt', 'half\n');
    await ws.commit({ subject: 'half done' }, { provisional: true });
    write(repo.workspace, 'loose.txt', 'loose\n');
    await ws.discardChanges(start);
    expect(await ws.localHead()).toBe(start);
    expect(existsSync(join(repo.workspace, 'half.txt'))).toBe(false);
    expect(existsSync(join(repo.workspace, 'loose.txt'))).toBe(false);
  });
});
