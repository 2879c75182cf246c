import { describe, expect, it } from '@jest/globals';
import { classifyPushFailure, pushFailureSummary } from '../../src/git/push-outcome.js';
import { afterPushFailure, decidePushPolicy } from '../../src/git/push-policy.js';
import { redactGitText, redactUrl, urlSecrets } from '../../src/git/redact.js';

describe('decidePushPolicy (fork rules)', () => {
  const base = {
    serverUrl: 'https://github.example.com/',
    maintainerCanModify: false,
    event: 'issue_comment',
  };

  it('pushes to the checkout remote for same-repository PRs', () => {
    expect(decidePushPolicy({ ...base, isFork: false })).toEqual({ mode: 'push', fork: false });
  });

  it('pushes to the fork only when maintainers may modify it', () => {
    expect(
      decidePushPolicy({
        ...base,
        isFork: true,
        headRepoFullName: 'alice/demo',
        maintainerCanModify: true,
      }),
    ).toEqual({
      mode: 'push',
      fork: true,
      pushUrl: 'https://github.example.com/alice/demo.git',
    });
    const refused = decidePushPolicy({ ...base, isFork: true, headRepoFullName: 'alice/demo' });
    expect(refused).toMatchObject({ mode: 'suggest', reason: 'fork-no-maintainer-edits' });
    if (refused.mode === 'suggest') expect(refused.hint).toMatch(/Allow edits by maintainers/);
  });

  it('suggests when the fork is gone, the token is read-only or cannot push', () => {
    expect(decidePushPolicy({ ...base, isFork: true, maintainerCanModify: true })).toMatchObject({
      reason: 'fork-deleted',
    });
    expect(
      decidePushPolicy({
        ...base,
        isFork: true,
        maintainerCanModify: true,
        headRepoFullName: 'a/b',
        event: 'pull_request',
      }),
    ).toMatchObject({ reason: 'fork-read-only-token' });
    expect(
      decidePushPolicy({
        ...base,
        isFork: true,
        maintainerCanModify: true,
        headRepoFullName: 'a/b',
        tokenCanPushToFork: false,
      }),
    ).toMatchObject({ reason: 'fork-token-cannot-push' });
    expect(
      decidePushPolicy({
        ...base,
        isFork: true,
        maintainerCanModify: true,
        headRepoFullName: 'a/b c',
      }),
    ).toMatchObject({ reason: 'fork-deleted' });
  });

  it('falls back to suggestions when the fork refuses the push', () => {
    const policy = decidePushPolicy({
      ...base,
      isFork: true,
      maintainerCanModify: true,
      headRepoFullName: 'a/b',
    });
    expect(
      afterPushFailure(policy, { ok: false, reason: 'forbidden', message: '403' }),
    ).toMatchObject({
      mode: 'suggest',
      reason: 'push-forbidden',
    });
    expect(
      afterPushFailure(policy, { ok: false, reason: 'head-moved', remoteSha: 'x', message: '' }),
    ).toBeUndefined();
    expect(
      afterPushFailure(decidePushPolicy({ ...base, isFork: false }), {
        ok: false,
        reason: 'forbidden',
        message: '',
      }),
    ).toBeUndefined();
  });
});

describe('classifyPushFailure', () => {
  it.each([
    ['!\tHEAD:refs/heads/x\t[rejected] (fetch first)', 'head-moved'],
    ['!\tHEAD:refs/heads/x\t[rejected] (non-fast-forward)', 'head-moved'],
    ["remote: error: cannot lock ref 'refs/heads/x': is at a but expected b", 'head-moved'],
    [
      'remote: Permission to acme/demo.git denied to github-actions[bot].\nfatal: unable to access',
      'forbidden',
    ],
    [
      "fatal: unable to access 'https://github.com/a/b.git/': The requested URL returned error: 403",
      'forbidden',
    ],
    [
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      'forbidden',
    ],
    [
      '! [remote rejected] HEAD -> x (refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission)',
      'forbidden',
    ],
    ['remote: error: GH006: Protected branch update failed for refs/heads/main.', 'rejected'],
    ['fatal: the remote end hung up unexpectedly', 'rejected'],
  ])('%s → %s', (output, kind) => {
    expect(classifyPushFailure(output)).toBe(kind);
  });

  it('summarises the lines that matter', () => {
    expect(
      pushFailureSummary('To x\nhint: pull first\nremote: no\n!\tHEAD\t[rejected]\nDone'),
    ).toBe('remote: no\n!\tHEAD\t[rejected]');
  });
});

describe('redaction', () => {
  const token = 'ghs_abcdefghijklmnopqrstuvwxyz012345';
  it('removes URL credentials and token shapes', () => {
    const text = `fatal: unable to access 'https://x-access-token:${token}@github.com/a/b.git/': 403`;
    expect(redactGitText(text)).toBe(
      "fatal: unable to access 'https://***@github.com/a/b.git/': 403",
    );
    expect(redactGitText(`token ${token} and github_pat_${'A'.repeat(30)}`)).toBe(
      'token *** and ***',
    );
    expect(redactGitText('AUTHORIZATION: basic eC1hY2Nlc3M=')).toBe('AUTHORIZATION: basic ***');
  });
  it('redacts the secrets of a URL wherever they appear', () => {
    const url = `https://user:p%40ss-word@host/x.git`;
    expect(urlSecrets(url)).toEqual(['p%40ss-word', 'p@ss-word']);
    expect(redactGitText('echo p@ss-word', urlSecrets(url))).toBe('echo ***');
    expect(redactUrl(url)).toBe('https://***@host/x.git');
    expect(urlSecrets('https://github.com/a/b.git')).toEqual([]);
  });
});
