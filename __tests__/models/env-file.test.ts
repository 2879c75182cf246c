import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AethrError } from '../../src/errors.js';
import { loadDotEnv, loadProjectEnv, withDotEnv } from '../../src/models/env-file.js';

describe('loadDotEnv', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aethr-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds variables from .env without overriding ones already set', () => {
    writeFileSync(
      path.join(dir, '.env'),
      [
        '# credentials',
        'OPENAI_API_KEY=sk-from-file',
        'ANTHROPIC_API_KEY="quoted value"',
        'export XAI_API_KEY=xai-file',
        'AETHR_MODEL=openai:gpt-4o',
        'EMPTY_IN_SHELL=from-file',
        'MULTI="line1\\nline2"',
        '',
      ].join('\n'),
    );
    const base = { OPENAI_API_KEY: 'sk-from-shell', EMPTY_IN_SHELL: '', PATH: '/bin' };
    const result = loadDotEnv(dir, base);
    expect(result.found).toBe(true);
    expect(result.path).toBe(path.join(dir, '.env'));
    expect(result.env.OPENAI_API_KEY).toBe('sk-from-shell');
    expect(result.env.ANTHROPIC_API_KEY).toBe('quoted value');
    expect(result.env.AETHR_MODEL).toBe('openai:gpt-4o');
    expect(result.env.EMPTY_IN_SHELL).toBe('from-file');
    expect(result.env.PATH).toBe('/bin');
    expect(result.env.MULTI).toBe('line1\nline2');
    expect(result.ignored).toEqual(['OPENAI_API_KEY']);
    expect(result.loaded).toEqual(
      expect.arrayContaining(['ANTHROPIC_API_KEY', 'AETHR_MODEL', 'EMPTY_IN_SHELL']),
    );
    // The input object and process.env are untouched.
    expect(base.EMPTY_IN_SHELL).toBe('');
    expect(process.env.ANTHROPIC_API_KEY === 'quoted value').toBe(false);
  });

  it('a missing .env is not an error', () => {
    const result = loadDotEnv(dir, { A: '1' });
    expect(result.found).toBe(false);
    expect(result.env).toEqual({ A: '1' });
    expect(withDotEnv(dir, { A: '1' })).toEqual({ A: '1' });
  });

  it('a .env that is not a file is a clear AethrError', () => {
    mkdirSync(path.join(dir, '.env'));
    expect(() => loadDotEnv(dir, {})).toThrow(AethrError);
    expect(() => loadDotEnv(dir, {})).toThrow(/not a regular file/);
  });

  it('withDotEnv returns the merged object', () => {
    writeFileSync(path.join(dir, '.env'), 'A=file\nB=file\n');
    expect(withDotEnv(dir, { A: 'shell' })).toEqual({ A: 'shell', B: 'file' });
  });

  it('loadProjectEnv resolves to the merged environment', async () => {
    writeFileSync(path.join(dir, '.env'), 'OPENAI_API_KEY=file\nAETHR_LIVE=1\n');
    await expect(loadProjectEnv(dir, { OPENAI_API_KEY: 'shell' })).resolves.toEqual({
      OPENAI_API_KEY: 'shell',
      AETHR_LIVE: '1',
    });
  });
});
