import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createContextResolver } from '../../src/context/index.js';
import type { ContextBlock } from '../../src/engine/types.js';
import { cleanup, tempDir, write } from './git-fixture.js';

afterAll(cleanup);

async function file(root: string, path: string, maxFileChars?: number): Promise<ContextBlock> {
  const blocks = await createContextResolver({ root, limits: { maxFileChars } }).resolve(
    [`file:${path}`],
    {},
  );
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

describe('file: source', () => {
  it('reads a UTF-8 file relative to the root, with a language from its extension', async () => {
    const root = tempDir();
    write(root, 'src/main.ts', 'export const x = 1;\n');
    write(root, 'README.md', '# Hi ü\n');
    const b = await file(root, 'src/main.ts');
    expect(b).toEqual({
      source: 'file:src/main.ts',
      title: 'File: src/main.ts',
      text: 'export const x = 1;\n',
      language: 'ts',
    });
    expect((await file(root, 'README.md')).language).toBe('md');
    expect((await file(root, './src//main.ts')).text).toBe('export const x = 1;\n');
    expect((await file(root, 'src/../README.md')).text).toBe('# Hi ü\n');
  });

  it('says so for a missing file, a directory, an empty file and an empty path', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'docs'));
    write(root, 'empty.txt', '');
    const missing = await file(root, 'nope.md');
    expect(missing).toMatchObject({
      placeholder: true,
      text: 'File not found: nope.md does not exist (relative to the project root).',
    });
    const dir = await file(root, 'docs');
    expect(dir.placeholder).toBe(true);
    expect(dir.text).toBe(
      'Not a file: docs is a directory; use glob:docs/** to include the files in it.',
    );
    expect((await file(root, 'empty.txt')).text).toBe(
      'Empty file: empty.txt exists but has no content.',
    );
    expect((await file(root, '')).text).toMatch(/^Path refused: file: needs a path/);
  });

  it('refuses binary content: NUL bytes or invalid UTF-8', async () => {
    const root = tempDir();
    write(root, 'a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]));
    write(root, 'latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const png = await file(root, 'a.png');
    expect(png.placeholder).toBe(true);
    expect(png.text).toBe(
      'Binary file: a.png is not UTF-8 text (it contains NUL bytes); its content is not shown.',
    );
    expect((await file(root, 'latin1.txt')).text).toContain('(it is not valid UTF-8)');
  });

  it('truncates an oversized file at a line boundary and says so', async () => {
    const root = tempDir();
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${String(i).padStart(4, '0')} é`);
    write(root, 'big.py', lines.join('\n') + '\n');
    const b = await file(root, 'big.py', 1000);
    expect(b.placeholder).toBeUndefined();
    expect(b.language).toBe('python');
    expect(b.title).toBe('File: big.py (truncated)');
    const [head, note] = b.text.split('[truncated: ');
    expect(head!.length).toBeLessThanOrEqual(1000);
    expect(head!.endsWith(' é\n')).toBe(true);
    expect(head).toBe(lines.slice(0, head!.split('\n').length - 1).join('\n') + '\n');
    expect(note).toMatch(
      /^showing the first [\d,]+ characters \(\d+ lines\) of a 13,000-byte file; limit 1,000 characters\. The rest is not shown\.\]$/,
    );
  });

  it('refuses paths that escape the root and never reads them', async () => {
    const parent = tempDir();
    const root = join(parent, 'project');
    mkdirSync(root);
    write(parent, 'x', 'PARENT-SECRET\n');
    for (const p of ['../x', 'a/../../x', '..\\x']) {
      const b = await file(root, p);
      expect(b.placeholder).toBe(true);
      expect(b.text).toBe(
        `Path refused: ${p} is outside the project root (it leaves the project root through ".."); it was not read.`,
      );
    }
    const abs = await file(root, '/etc/passwd');
    expect(abs.placeholder).toBe(true);
    expect(abs.text).toMatch(
      /^Path refused: \/etc\/passwd is outside the project root \(absolute paths are not allowed/,
    );
    expect(abs.text).not.toContain('root:');
    expect((await file(root, join(parent, 'x'))).text).toMatch(/^Path refused:/);
    expect((await file(root, 'C:\\Windows\\win.ini')).text).toMatch(
      /^Path refused: .*absolute paths/,
    );
  });

  it('refuses symlinks that resolve outside the root (file or directory), allows those inside', async () => {
    const parent = tempDir();
    const root = join(parent, 'project');
    mkdirSync(root);
    write(parent, 'outside/secret.txt', 'OUTSIDE-SECRET\n');
    write(root, 'inside.txt', 'inside\n');
    symlinkSync(join(parent, 'outside/secret.txt'), join(root, 'link.txt'));
    symlinkSync(join(parent, 'outside'), join(root, 'linkdir'));
    symlinkSync('/etc/passwd', join(root, 'passwd'));
    symlinkSync('inside.txt', join(root, 'ok-link.txt'));
    symlinkSync('nowhere.txt', join(root, 'dangling.txt'));
    for (const p of ['link.txt', 'linkdir/secret.txt', 'passwd']) {
      const b = await file(root, p);
      expect(b.placeholder).toBe(true);
      expect(b.text).toBe(
        `Path refused: ${p} is outside the project root (it is, or goes through, a symbolic link that resolves outside the project root); it was not read.`,
      );
      expect(b.text).not.toContain('SECRET');
    }
    // Nothing outside the root is revealed, not even whether it exists.
    symlinkSync(join(parent, 'outside/nope.txt'), join(root, 'dangling-out.txt'));
    for (const p of ['dangling-out.txt', 'linkdir/nope.txt', 'linkdir/deeper/nope.txt']) {
      expect((await file(root, p)).text).toMatch(/^Path refused: /);
    }
    expect((await file(root, 'ok-link.txt')).text).toBe('inside\n');
    expect((await file(root, 'dangling.txt')).text).toMatch(/^File not found:/);
  });

  it('works when the root itself is reached through a symlink', async () => {
    const real = tempDir();
    write(real, 'a.txt', 'a\n');
    const linkParent = tempDir();
    symlinkSync(real, join(linkParent, 'root-link'));
    expect((await file(join(linkParent, 'root-link'), 'a.txt')).text).toBe('a\n');
  });

  it('does not open a named pipe', async () => {
    const root = tempDir();
    execFileSync('mkfifo', [join(root, 'fifo')]);
    const b = await file(root, 'fifo');
    expect(b.text).toBe('Not a regular file: fifo is a device, socket or pipe; it was not read.');
  });

  it('gives a placeholder when the root does not exist', async () => {
    const b = await file(join(tempDir(), 'missing'), 'a.txt');
    expect(b.text).toMatch(/^Project root not found:/);
  });
});
