import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from '../../src/git/run-git.js';
import { appendGitConfigEnv, gitAuthEnv } from '../../src/sandbox/git-auth-env.js';
import { hideGitCredentials } from '../../src/sandbox/git-credentials.js';
import { guardUntrustedRun } from '../../src/sandbox/guard-run.js';
import {
  compareIntegrity,
  lsRemoteRefs,
  SandboxIntegrityError,
  snapshotIntegrity,
} from '../../src/sandbox/integrity.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'aethr-guard-'));
  dirs.push(d);
  return d;
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd }).toString();

function repoWithRemote(): { repo: string; remote: string } {
  const remote = temp();
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  const repo = temp();
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'a'), 'a\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'a');
  git(repo, 'remote', 'add', 'origin', remote);
  git(repo, 'push', '-q', 'origin', 'main', 'main:refs/heads/other');
  return { repo, remote };
}

describe('git credentials', () => {
  it('hides extraheader, credential helpers and userinfo in URLs, and restores them byte for byte', async () => {
    const { repo } = repoWithRemote();
    git(repo, 'config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic c2VjcmV0');
    git(repo, 'config', 'credential.helper', 'store');
    git(repo, 'remote', 'add', 'fork', 'https://x-access-token:ghs_secret@github.com/f/r.git');
    const before = readFileSync(join(repo, '.git', 'config'));
    const hidden = await hideGitCredentials(repo);
    const during = readFileSync(join(repo, '.git', 'config'), 'utf8');
    expect(during).not.toMatch(/extraheader|ghs_secret|credential/);
    expect(during).toContain('url = https://github.com/f/r.git');
    expect(hidden.removedKeys.sort()).toEqual(
      ['credential.helper', 'http.https://github.com/.extraheader', 'remote.fork.url'].sort(),
    );
    await hidden.restore();
    expect(readFileSync(join(repo, '.git', 'config'))).toEqual(before);
  });

  it('gitAuthEnv gives the token to one git process through the environment only', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(String(req.headers.authorization ?? ''));
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { repo } = repoWithRemote();
      // A stale persisted header must not be sent alongside ours.
      git(repo, 'config', `http.${base}/.extraheader`, 'AUTHORIZATION: basic c3RhbGU=');
      const env = gitAuthEnv('ghs_aethr_own_token', { serverUrl: base, base: {} });
      await runGit(repo, ['ls-remote', `${base}/o/r.git`], { env, okCodes: [128] });
      const expected = `basic ${Buffer.from('x-access-token:ghs_aethr_own_token').toString('base64')}`;
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((h) => h === expected)).toBe(true);
      expect(JSON.stringify(Object.keys(env))).not.toContain('ghs_');
      expect(appendGitConfigEnv([['a.b', 'c']], { GIT_CONFIG_COUNT: '2' })).toEqual({
        GIT_CONFIG_COUNT: '3',
        GIT_CONFIG_KEY_2: 'a.b',
        GIT_CONFIG_VALUE_2: 'c',
      });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('integrity', () => {
  it("a remote ref moved by the run is a loud failure; aethr's own refs may move", async () => {
    const { repo, remote } = repoWithRemote();
    const listRemote = () => lsRemoteRefs(repo, remote);
    const error = await guardUntrustedRun(
      repo,
      async () => {
        writeFileSync(join(repo, 'b'), 'b\n');
        git(repo, 'add', 'b');
        git(repo, 'commit', '-qm', 'b');
        git(repo, 'push', '-q', 'origin', 'HEAD:refs/heads/other', 'HEAD:refs/heads/sneaky');
      },
      { listRemote },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxIntegrityError);
    const problems = (error as SandboxIntegrityError).problems;
    expect(problems).toEqual([
      expect.stringMatching(
        /^remote ref refs\/heads\/other moved from [0-9a-f]{12} to [0-9a-f]{12}$/,
      ),
      'remote ref refs/heads/sneaky was created',
    ]);
    const before = await snapshotIntegrity(repo, { listRemote });
    git(repo, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
    const after = await snapshotIntegrity(repo, { listRemote });
    expect(compareIntegrity(before, after, ['refs/heads/main'])).toEqual([]);
    expect(compareIntegrity(before, after)).toHaveLength(1);
  });
});
