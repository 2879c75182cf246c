import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkValidators,
  runValidator,
  runValidators,
} from '../../src/backends/patch/validators.js';
import { cleanupTempDirs, tempDir } from './patch-helpers.js';

afterAll(cleanupTempDirs);

const node = (code: string): string[] => ['node', '-e', code];

describe('validators', () => {
  it('runs argv in the given directory and reports exit code and duration', async () => {
    const cwd = tempDir();
    const r = await runValidator(
      {
        name: 'pwd',
        run: node("require('fs').writeFileSync('here.txt', process.cwd()); console.log('ok')"),
      },
      { cwd },
    );
    expect(r).toMatchObject({
      name: 'pwd',
      ok: true,
      exitCode: 0,
      timedOut: false,
      truncated: false,
      output: 'ok\n',
    });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(readFileSync(join(cwd, 'here.txt'), 'utf8')).toBe(cwd);
  });

  it('never goes through a shell: metacharacters are plain arguments', async () => {
    const cwd = tempDir();
    const r = await runValidator(
      {
        name: 'argv',
        run: [
          'node',
          '-e',
          'console.log(process.argv[1])',
          '$(touch pwned); `touch pwned2` | true',
        ],
      },
      { cwd },
    );
    expect(r.output).toBe('$(touch pwned); `touch pwned2` | true\n');
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    expect(existsSync(join(cwd, 'pwned2'))).toBe(false);
  });

  it('keeps only the tail of long output', async () => {
    const r = await runValidator(
      {
        name: 'loud',
        run: node(
          "for (let i = 0; i < 5000; i++) console.log('line ' + i + ' ' + 'x'.repeat(40)); console.log('the end')",
        ),
      },
      { cwd: tempDir(), maxOutputBytes: 2000 },
    );
    expect(r.ok).toBe(true);
    expect(r.truncated).toBe(true);
    expect(r.output).toMatch(/^\[… \d+ earlier bytes omitted …\]\nline \d+ x+\n/);
    expect(r.output).toContain('line 4999');
    expect(r.output).toContain('the end');
    expect(Buffer.byteLength(r.output)).toBeLessThan(2100);
  });

  it('kills the whole process group on timeout', async () => {
    const cwd = tempDir();
    const marker = join(cwd, 'grandchild-survived');
    // The validator starts a grandchild that would write a file after 3 s, then hangs.
    const grandchild = `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 3000)`;
    const r = await runValidator(
      {
        name: 'hang',
        run: node(
          `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' }); setInterval(() => {}, 1000)`,
        ),
        timeout_seconds: 0.5,
      },
      { cwd, killGraceMs: 200 },
    );
    expect(r.timedOut).toBe(true);
    expect(r.ok).toBe(false);
    expect(r.durationMs).toBeLessThan(3000);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(existsSync(marker)).toBe(false);
  });

  it('stops at the first failure by default', async () => {
    const outcome = await runValidators(
      [
        { name: 'a', run: node('process.exit(0)') },
        { name: 'b', run: node('process.exit(5)') },
        { name: 'c', run: node('process.exit(0)') },
      ],
      { cwd: tempDir() },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.results.map((r) => [r.name, r.exitCode])).toEqual([
      ['a', 0],
      ['b', 5],
    ]);
  });

  it('checks validator definitions', () => {
    expect(checkValidators([{ name: 'test', run: ['npm', 'test'], timeout_seconds: 60 }])).toEqual([
      { name: 'test', run: ['npm', 'test'], timeout_seconds: 60 },
    ]);
    expect(() => checkValidators([{ name: 'x', run: 'npm test' }])).toThrow(
      'validator "x" needs "run": a non-empty argv array',
    );
    expect(() => checkValidators([{ run: ['x'] }])).toThrow('validator 1 needs a "name"');
  });
});
