/** The App's settings: Probot's variables and aethr's, each bad value one line naming it. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfigError, parseAppConfig } from '../../src/app/config.js';
import { APP_BUNDLE, appKeys } from '../support/app-process.js';

const good = () => ({
  APP_ID: '123',
  PRIVATE_KEY: appKeys().privateKey,
  WEBHOOK_SECRET: 'shh-secret',
});

const errorOf = (env: Record<string, string>): string => {
  try {
    parseAppConfig(env, '/srv');
  } catch (error) {
    expect(error).toBeInstanceOf(AppConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('defaults', () => {
  it('are Probot’s (port 3000, localhost, /api/github/webhooks, github.com) and aethr’s', () => {
    const c = parseAppConfig(good(), '/srv');
    expect(c).toMatchObject({
      appId: 123,
      port: 3000,
      host: 'localhost',
      webhookPath: '/api/github/webhooks',
      logLevel: 'info',
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      dataDir: '/srv/.aethr-app',
      poolSize: 2,
      maxAttempts: 3,
      drainTimeoutMs: 25_000,
      mode: 'run',
      writeSpacingMs: 200,
      run: {
        workflowSpec: '.aethr.yaml',
        mock: false,
        failOn: 'none',
        minimumPermission: 'write',
        checkRun: true,
        triggerLabel: 'aethr:implement',
      },
    });
  });

  it('GitHub Enterprise Server from GHE_HOST and GHE_PROTOCOL', () => {
    const c = parseAppConfig({ ...good(), GHE_HOST: 'ghe.example.com:8443', GHE_PROTOCOL: 'http' });
    expect([c.apiUrl, c.serverUrl]).toEqual([
      'http://ghe.example.com:8443/api/v3',
      'http://ghe.example.com:8443',
    ]);
  });

  it('the App’s own secrets are not handed to model clients', () => {
    const c = parseAppConfig({
      ...good(),
      OPENAI_API_KEY: 'sk-model-key-123456',
      AETHR_STATUS_TOKEN: 't0k3n-long',
    });
    expect(c.modelEnv.OPENAI_API_KEY).toBe('sk-model-key-123456');
    for (const name of ['PRIVATE_KEY', 'WEBHOOK_SECRET', 'AETHR_STATUS_TOKEN'])
      expect(c.modelEnv[name]).toBeUndefined();
  });
});

describe('the private key', () => {
  it('as PEM with \\n escapes, as base64, or from PRIVATE_KEY_PATH', () => {
    const pem = appKeys().privateKey;
    const dir = mkdtempSync(join(tmpdir(), 'aethr-key-'));
    try {
      writeFileSync(join(dir, 'app.pem'), pem);
      const { PRIVATE_KEY: _drop, ...noKey } = good();
      for (const env of [
        { ...good(), PRIVATE_KEY: pem.replace(/\n/g, '\\n') },
        { ...good(), PRIVATE_KEY: Buffer.from(pem).toString('base64') },
        { ...noKey, PRIVATE_KEY_PATH: join(dir, 'app.pem') },
      ])
        expect(parseAppConfig(env).privateKey.trim()).toBe(pem.trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('errors name the variable, on one line', () => {
  it.each([
    [{ APP_ID: '' }, /^APP_ID is not set/],
    [{ APP_ID: '12a' }, /^APP_ID is "12a"; expected a whole number/],
    [{ PRIVATE_KEY: '' }, /^PRIVATE_KEY is not set \(nor PRIVATE_KEY_PATH\)/],
    [{ PRIVATE_KEY: 'not a key' }, /^PRIVATE_KEY is not a PEM private key/],
    [
      { PRIVATE_KEY: '', PRIVATE_KEY_PATH: '/no/such.pem' },
      /^PRIVATE_KEY_PATH is "\/no\/such.pem"; it cannot be read/,
    ],
    [{ WEBHOOK_SECRET: '' }, /^WEBHOOK_SECRET is not set/],
    [{ PORT: '70000' }, /^PORT is "70000"; expected a whole number from 0 to 65535/],
    [{ WEBHOOK_PATH: 'hooks' }, /^WEBHOOK_PATH is "hooks"; it must start with \//],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL is "loud"; expected one of trace, debug/],
    [
      { GHE_HOST: 'https://ghe.example.com' },
      /^GHE_HOST is "https:\/\/ghe.example.com"; expected a host name/,
    ],
    [{ GHE_PROTOCOL: 'ftp' }, /^GHE_PROTOCOL is "ftp"/],
    [{ AETHR_POOL_SIZE: '0' }, /^AETHR_POOL_SIZE is "0"; expected a whole number from 1 to 64/],
    [{ AETHR_APP_MODE: 'fast' }, /^AETHR_APP_MODE is "fast"; expected one of run, dispatch/],
    [{ AETHR_DISPATCH_WORKFLOW: '../x' }, /^AETHR_DISPATCH_WORKFLOW is "..\/x"/],
    [{ AETHR_MOCK: 'maybe' }, /^AETHR_MOCK is "maybe"; expected true or false/],
    [{ AETHR_MODEL: 'openai gpt' }, /^AETHR_MODEL is "openai gpt"/],
    [{ AETHR_MINIMUM_PERMISSION: 'owner' }, /^AETHR_MINIMUM_PERMISSION is "owner"/],
  ])('%j', (change, message) => {
    const text = errorOf({ ...good(), ...change });
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('and the bundled app prints it as one line and exits 1, without the key', () => {
    const run = spawnSync(process.execPath, [APP_BUNDLE], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...good(), PORT: 'eighty' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'aethr app: PORT is "eighty"; expected a whole number from 0 to 65535.\n',
    );
    expect(run.stdout).toBe('');
  });
});
