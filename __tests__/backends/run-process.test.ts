import { describe, expect, test } from '@jest/globals';
import { LineSplitter, TailBuffer, runProcess } from '../../src/backends/opencode/run-process.js';

describe('LineSplitter', () => {
  test('hands over whole lines across chunks, and the unterminated last one at the end', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l), 1000, 100);
    s.write(Buffer.from('one\ntw'));
    s.write(Buffer.from('o\nthree'));
    expect(lines).toEqual(['one', 'two']);
    s.end();
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(s.bytes).toBe(13);
  });

  test('keeps a character split between chunks whole', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l), 1000, 100);
    const bytes = Buffer.from('é\n');
    s.write(bytes.subarray(0, 1));
    s.write(bytes.subarray(1));
    expect(lines).toEqual(['é']);
  });

  test('skips a line longer than the limit and reads on after it', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l), 1000, 5);
    s.write(Buffer.from('ok\n0123456789'));
    s.write(Buffer.from('more\nnext\n'));
    expect(lines).toEqual(['ok', 'next']);
  });

  test('stops reading past the byte cap and survives a throwing consumer', () => {
    const lines: string[] = [];
    const s = new LineSplitter(
      (l) => {
        lines.push(l);
        throw new Error('consumer bug');
      },
      8,
      100,
    );
    s.write(Buffer.from('a\nb\n'));
    s.write(Buffer.from('c\nd\ne\n'));
    s.end();
    expect(lines).toEqual(['a', 'b']);
    expect(s.capped).toBe(true);
  });
});

describe('TailBuffer', () => {
  test('keeps the last bytes only', () => {
    const t = new TailBuffer(4);
    for (const piece of ['ab', 'cd', 'ef', 'gh', 'ij']) t.push(Buffer.from(piece));
    expect(t.text()).toBe('ghij');
    expect(new TailBuffer(10).text()).toBe('');
  });
});

describe('runProcess', () => {
  const node = process.execPath;
  const env = { PATH: process.env.PATH ?? '' };

  test('reports the exit code, stdout lines and the stderr tail', async () => {
    const lines: string[] = [];
    const res = await runProcess({
      bin: node,
      args: ['-e', 'console.log("x");console.log("y");console.error("err");process.exit(3)'],
      cwd: process.cwd(),
      env,
      timeoutMs: 20_000,
      onLine: (l) => lines.push(l),
    });
    expect(lines).toEqual(['x', 'y']);
    expect(res).toMatchObject({ exitCode: 3, timedOut: false, stderr: 'err\n', stdoutBytes: 4 });
    expect(res.spawnError).toBeUndefined();
  });

  test('stops the process group on timeout', async () => {
    const res = await runProcess({
      bin: node,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      cwd: process.cwd(),
      env,
      timeoutMs: 200,
      killGraceMs: 200,
      onLine: () => {},
    });
    expect(res.timedOut).toBe(true);
    expect(res.exitCode).toBeUndefined();
    expect(res.signal).toBe('SIGTERM');
  });

  test('an abort signal stops it too, without counting as a timeout', async () => {
    const stop = new AbortController();
    stop.abort();
    const res = await runProcess({
      bin: node,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      cwd: process.cwd(),
      env,
      timeoutMs: 20_000,
      signal: stop.signal,
      onLine: () => {},
    });
    expect(res.timedOut).toBe(false);
    expect(res.signal).toBe('SIGTERM');
  });

  test('a missing binary is a spawn error', async () => {
    const res = await runProcess({
      bin: '/nonexistent/opencode-binary',
      args: [],
      cwd: process.cwd(),
      env,
      timeoutMs: 5_000,
      onLine: () => {},
    });
    expect(res.spawnError?.code).toBe('ENOENT');
  });
});
