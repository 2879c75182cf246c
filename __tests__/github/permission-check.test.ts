import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  authorizeActor,
  PermissionCheckTimeout,
  permissionFromResponse,
} from '../../src/github/authorize.js';
import { createOctokitForge } from '../../src/github/octokit-forge.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';

let standin: GitHubStandin;
beforeAll(async () => {
  standin = await startGitHubStandin({
    token: 'ghs_permtest',
    owner: 'octo',
    repo: 'repo',
    permissions: {
      maint: 'maintain',
      tri: 'triage',
      writer: 'write',
      reader: 'read',
      stuck: 'hang',
    },
  });
});
afterAll(() => standin.close());

const forge = (permissionTimeoutMs?: number) =>
  createOctokitForge({
    token: 'ghs_permtest',
    owner: 'octo',
    repo: 'repo',
    apiUrl: standin.url,
    ...(permissionTimeoutMs ? { permissionTimeoutMs } : {}),
  });

describe('permission check', () => {
  it('reads role_name, so maintain and triage are seen (the legacy field says write/read)', async () => {
    const f = forge();
    expect(await f.getPermission('maint')).toBe('maintain');
    expect(await f.getPermission('tri')).toBe('triage');
    expect(await f.getPermission('writer')).toBe('write');
    expect(await f.getPermission('reader')).toBe('read');
    expect(await authorizeActor(f, 'maint', 'maintain')).toMatchObject({
      allowed: true,
      level: 'maintain',
    });
    expect(await authorizeActor(f, 'writer', 'maintain')).toMatchObject({ allowed: false });
    expect(standin.violations).toEqual([]);
  });

  it('falls back to user.permissions, then the legacy field', () => {
    expect(
      permissionFromResponse({
        permission: 'write',
        role_name: 'custom-role',
        user: { permissions: { maintain: true, push: true } },
      }),
    ).toBe('maintain');
    expect(permissionFromResponse({ permission: 'read' })).toBe('read');
    expect(permissionFromResponse({ permission: 'weird' })).toBe('none');
  });

  it('a hung permission API fails closed with a typed timeout', async () => {
    const started = Date.now();
    const error = await authorizeActor(forge(300), 'stuck', 'write').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionCheckTimeout);
    expect((error as Error).message).toMatch(/did not answer within 300 ms; not running/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
