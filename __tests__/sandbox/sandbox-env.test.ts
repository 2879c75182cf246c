import { describe, expect, it } from '@jest/globals';
import { sandboxEnv } from '../../src/sandbox/sandbox-env.js';
import { canRunUntrusted } from '../../src/sandbox/untrusted-policy.js';

describe('sandboxEnv', () => {
  const base = {
    PATH: '/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_TOKEN: 'ghs_x',
    OPENAI_API_KEY: 'sk-x',
    'INPUT_GITHUB-TOKEN': 'x',
    ACTIONS_RUNTIME_TOKEN: 'x',
    DEPLOY_HOOK_URL: 'https://hooks.example/secret',
    JAVA_HOME: '/opt/java',
  };

  it('is an allow-list: only named variables, a private HOME and TMPDIR', () => {
    expect(
      sandboxEnv({ base, home: '/s/home', tmp: '/s/tmp', pass: ['JAVA_HOME'], set: { X: '1' } }),
    ).toEqual({
      PATH: '/bin',
      LANG: 'C.UTF-8',
      CI: 'true',
      JAVA_HOME: '/opt/java',
      HOME: '/s/home',
      TMPDIR: '/s/tmp',
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_NOSYSTEM: '1',
      X: '1',
    });
  });

  it('refuses to pass a secret-looking name even when asked', () => {
    expect(() => sandboxEnv({ base, home: 'h', tmp: 't', pass: ['GITHUB_TOKEN'] })).toThrow(
      /looks like a secret/,
    );
    expect(() =>
      sandboxEnv({ base, home: 'h', tmp: 't', pass: ['ACTIONS_RUNTIME_TOKEN'] }),
    ).toThrow();
  });
});

describe('canRunUntrusted', () => {
  const none = { mode: 'none' as const, description: 'sandbox: none', tried: [] };
  const bwrap = { mode: 'bwrap' as const, description: 'sandbox: bubblewrap', tried: [] };
  it('refuses untrusted code without isolation and says what to enable', () => {
    const no = canRunUntrusted({ untrusted: true, isolation: none, what: 'validators' });
    expect(no).toMatchObject({ ok: false });
    expect(!no.ok && no.fix).toMatch(/bubblewrap.*user namespaces.*sudo/);
    expect(canRunUntrusted({ untrusted: true, isolation: bwrap }).ok).toBe(true);
    expect(canRunUntrusted({ untrusted: false, isolation: none }).ok).toBe(true);
  });
});
