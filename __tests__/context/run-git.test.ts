import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { AethrError } from '../../src/errors.js';
import { GitError, isGitRepo, repoRoot, runGit } from '../../src/git/run-git.js';
import { cleanup, commitAll, initRepo, tempDir, write } from './git-fixture.js';

afterAll(cleanup);

describe('runGit', () => {
  it('runs git with an argv and returns stdout, stderr and the exit code', async () => {
    const res = await runGit(tempDir(), ['--version']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^git version /);
  });

  it('passes input on stdin', async () => {
    const repo = initRepo();
    const res = await runGit(repo, ['hash-object', '--stdin'], { input: 'hello\n' });
    expect(res.stdout.trim()).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('never involves a shell: metacharacters are plain arguments', async () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    commitAll(repo);
    const res = await runGit(repo, ['log', '--format=%s', '-1', '--', 'a.txt; echo pwned']);
    expect(res.stdout).not.toContain('pwned');
  });

  it('rejects with a GitError (an AethrError) carrying the exit code and stderr', async () => {
    const repo = initRepo();
    const err = await runGit(repo, ['rev-parse', '--verify', 'no-such-ref']).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitError);
    expect(err).toBeInstanceOf(AethrError);
    const ge = err as GitError;
    expect(ge.kind).toBe('exit');
    expect(ge.exitCode).toBe(128);
    expect(ge.message).toContain('git rev-parse --verify no-such-ref failed (exit 128)');
    expect(ge.stderr).toContain('fatal');
  });

  it('accepts the extra exit codes in okCodes', async () => {
    const dir = tempDir();
    write(dir, 'x.txt', 'x\n');
    const res = await runGit(dir, ['diff', '--no-index', '--', '/dev/null', 'x.txt'], {
      okCodes: [1],
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('+x');
  });

  it('reports a missing git binary as not-installed, with a hint', async () => {
    const saved = process.env.PATH;
    process.env.PATH = join(tempDir(), 'empty-bin');
    try {
      const err = (await runGit(tempDir(), ['--version']).catch((e: unknown) => e)) as GitError;
      expect(err).toBeInstanceOf(GitError);
      expect(err.kind).toBe('not-installed');
      expect(err.message).toBe('git is not installed or not on PATH');
      expect(err.hint).toContain('Install git');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('reports a missing working directory as bad-cwd, not as a missing git', async () => {
    const err = (await runGit(join(tempDir(), 'nope'), ['status']).catch(
      (e: unknown) => e,
    )) as GitError;
    expect(err.kind).toBe('bad-cwd');
    expect(err.message).toContain('does not exist');
  });

  it('rejects oversized output, or truncates it when asked', async () => {
    const repo = initRepo();
    write(repo, 'big.txt', 'line\n'.repeat(10_000));
    commitAll(repo);
    const err = (await runGit(repo, ['show', 'HEAD:big.txt'], { maxBytes: 1000 }).catch(
      (e: unknown) => e,
    )) as GitError;
    expect(err.kind).toBe('output-too-large');
    const res = await runGit(repo, ['show', 'HEAD:big.txt'], {
      maxBytes: 1000,
      onOverflow: 'truncate',
    });
    expect(res.truncated).toBe(true);
    expect(res.stdout.length).toBe(1000);
  });

  it('times out', async () => {
    const repo = initRepo();
    // A shell alias is the simplest slow git command (the test's own choice, not runGit's).
    const err = (await runGit(repo, ['-c', 'alias.slow=!sleep 2', 'slow'], {
      timeoutMs: 200,
    }).catch((e: unknown) => e)) as GitError;
    expect(err.kind).toBe('timeout');
  });

  it('is not interactive and uses the C locale', async () => {
    const repo = initRepo();
    const res = await runGit(repo, ['var', 'GIT_EDITOR']);
    expect(res.stdout.trim()).toBe(':');
    const err = (await runGit(repo, ['checkout', 'nope']).catch((e: unknown) => e)) as GitError;
    expect(err.stderr).toMatch(/error: pathspec 'nope' did not match/);
  });
});

describe('isGitRepo / repoRoot', () => {
  it('tells a work tree from a plain directory', async () => {
    const repo = initRepo();
    write(repo, 'sub/a.txt', 'a');
    expect(await isGitRepo(repo)).toBe(true);
    expect(await isGitRepo(join(repo, 'sub'))).toBe(true);
    expect(await isGitRepo(tempDir())).toBe(false);
  });

  it('finds the top level from a subdirectory, and rejects outside git', async () => {
    const repo = initRepo();
    write(repo, 'sub/a.txt', 'a');
    expect(await repoRoot(join(repo, 'sub'))).toBe(repo);
    await expect(repoRoot(tempDir())).rejects.toBeInstanceOf(GitError);
  });
});
