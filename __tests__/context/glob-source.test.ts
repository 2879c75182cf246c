import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createContextResolver, type ContextLimits } from '../../src/context/index.js';
import { matchGlob } from '../../src/context/glob-source.js';
import type { ContextBlock } from '../../src/engine/types.js';
import { cleanup, commitAll, initRepo, tempDir, write } from './git-fixture.js';

afterAll(cleanup);

async function glob(
  root: string,
  pattern: string,
  limits?: Partial<ContextLimits>,
): Promise<ContextBlock[]> {
  return createContextResolver({ root, limits }).resolve([`glob:${pattern}`], {});
}

function paths(blocks: ContextBlock[]): string[] {
  return blocks
    .filter((b) => !b.placeholder)
    .map((b) => b.title.replace(/ (\(truncated\) )?— glob:.*$/, ''));
}

describe('matchGlob', () => {
  it('supports ** and leaves dotfiles out unless the pattern names them', () => {
    const c = [
      'b.md',
      'a.md',
      'docs/x.md',
      'docs/deep/y.md',
      '.hidden.md',
      'docs/.secret/z.md',
      '.github/w.md',
      'a.md',
    ];
    expect(matchGlob(c, '**/*.md')).toEqual(['a.md', 'b.md', 'docs/deep/y.md', 'docs/x.md']);
    expect(matchGlob(c, 'docs/**/*.md')).toEqual(['docs/deep/y.md', 'docs/x.md']);
    expect(matchGlob(c, '*.md')).toEqual(['a.md', 'b.md']);
    expect(matchGlob(c, '.github/*.md')).toEqual(['.github/w.md']);
  });
});

describe('glob: source in a git repository', () => {
  function repo(): string {
    const r = initRepo();
    write(r, '.gitignore', 'ignored/\n*.log\n');
    write(r, 'docs/b.md', '# B\n');
    write(r, 'docs/a.md', '# A\n');
    write(r, 'docs/guide/c.md', '# C\n');
    write(r, 'docs/.draft.md', '# draft\n');
    write(r, 'src/x.ts', 'x\n');
    commitAll(r);
    write(r, 'docs/new.md', '# untracked but not ignored\n');
    write(r, 'docs/debug.log', 'IGNORED-LOG\n');
    write(r, 'ignored/docs.md', 'IGNORED-DIR\n');
    return r;
  }

  it('reads matching tracked and untracked files in sorted order, respecting .gitignore', async () => {
    const r = repo();
    const blocks = await glob(r, 'docs/**/*.md');
    expect(paths(blocks)).toEqual(['docs/a.md', 'docs/b.md', 'docs/guide/c.md', 'docs/new.md']);
    expect(blocks.every((b) => b.source === 'glob:docs/**/*.md')).toBe(true);
    expect(blocks[0]).toMatchObject({
      title: 'docs/a.md — glob:docs/**/*.md',
      text: '# A\n',
      language: 'md',
    });
    const all = (await glob(r, '**')).map((b) => b.text).join('\n');
    expect(all).not.toContain('IGNORED');
    expect(all).not.toContain('# draft');
  });

  it('does not list files deleted from the working tree', async () => {
    const r = repo();
    const { unlinkSync } = await import('node:fs');
    unlinkSync(join(r, 'docs/b.md'));
    expect(paths(await glob(r, 'docs/*.md'))).toEqual(['docs/a.md', 'docs/new.md']);
  });

  it('is relative to a root below the repository top', async () => {
    const r = repo();
    expect(paths(await glob(join(r, 'docs'), '*.md'))).toEqual(['a.md', 'b.md', 'new.md']);
  });

  it('says so when nothing matches', async () => {
    const [b, ...rest] = await glob(repo(), 'nothing/**/*.rs');
    expect(rest).toHaveLength(0);
    expect(b).toMatchObject({ placeholder: true, title: 'glob:nothing/**/*.rs' });
    expect(b!.text).toMatch(
      /^No files match glob:nothing\/\*\*\/\*\.rs in the project root \(files ignored by git/,
    );
  });

  it('refuses absolute and .. patterns', async () => {
    const r = repo();
    expect((await glob(r, '/etc/*'))[0]!.text).toMatch(
      /^Pattern refused: glob:\/etc\/\* reaches outside/,
    );
    expect((await glob(r, '../**/*.md'))[0]!.text).toMatch(/^Pattern refused: .*it uses "\.\."/);
  });

  it('skips a matching symlink that escapes the root, and binary files, and says so', async () => {
    const r = repo();
    const outside = tempDir();
    write(outside, 'secret.md', 'OUTSIDE-SECRET\n');
    symlinkSync(join(outside, 'secret.md'), join(r, 'docs/leak.md'));
    write(r, 'docs/pic.md', Buffer.from([0x00, 0x01, 0x02]));
    const blocks = await glob(r, 'docs/*.md');
    expect(blocks.map((b) => b.text).join('')).not.toContain('OUTSIDE-SECRET');
    const note = blocks[0]!;
    expect(note.placeholder).toBe(true);
    expect(note.text).toContain(
      'Skipped: docs/leak.md (resolves outside the project root; not read), docs/pic.md (binary).',
    );
    expect(paths(blocks)).toEqual(['docs/a.md', 'docs/b.md', 'docs/new.md']);
  });

  it('caps each file and the total, and names what was truncated or left out', async () => {
    const r = initRepo();
    for (let i = 0; i < 6; i++) write(r, `notes/n${i}.txt`, `${'x'.repeat(99)}\n`.repeat(30)); // 3,000 chars each
    write(r, 'notes/small.txt', 'small\n');
    commitAll(r);
    const blocks = await glob(r, 'notes/*.txt', {
      maxGlobFileChars: 2000,
      maxGlobTotalChars: 5000,
    });
    const [note, ...files] = blocks;
    expect(note!.placeholder).toBe(true);
    expect(note!.title).toBe('glob:notes/*.txt: 3 of 7 matching files shown');
    expect(note!.text).toBe(
      'Not everything matching glob:notes/*.txt is shown. ' +
        'Truncated to the first 2,000 characters per file: notes/n0.txt, notes/n1.txt. ' +
        'Truncated to fit the 5,000-character total: notes/n2.txt. ' +
        'Left out (the 5,000-character total was reached): notes/n3.txt, notes/n4.txt, notes/n5.txt, notes/small.txt.',
    );
    expect(files.map((f) => f.title)).toEqual([
      'notes/n0.txt (truncated) — glob:notes/*.txt',
      'notes/n1.txt (truncated) — glob:notes/*.txt',
      'notes/n2.txt (truncated) — glob:notes/*.txt',
    ]);
    expect(
      files.reduce((n, f) => n + f.text.split('[truncated')[0]!.length, 0),
    ).toBeLessThanOrEqual(5000);
    expect(files[0]!.text).toMatch(
      /^(x{99}\n){20}\[truncated: showing the first 2,000 characters \(20 lines\) of a 3,000-byte file/,
    );
  });

  it('shows at most maxGlobFiles files', async () => {
    const r = initRepo();
    for (let i = 0; i < 5; i++) write(r, `f${i}.txt`, `${i}\n`);
    commitAll(r);
    const [note, ...files] = await glob(r, '*.txt', { maxGlobFiles: 3 });
    expect(files).toHaveLength(3);
    expect(note!.text).toContain('Left out (at most 3 files are shown): f3.txt, f4.txt.');
  });
});

describe('glob: source outside git', () => {
  it('walks the tree, skipping node_modules, .git, dot directories and symlinked directories', async () => {
    const root = tempDir();
    write(root, 'a/one.js', '1\n');
    write(root, 'a/b/two.js', '2\n');
    write(root, 'node_modules/pkg/index.js', 'NODE-MODULES\n');
    write(root, '.git/hooks/x.js', 'DOT-GIT\n');
    write(root, '.hidden/three.js', 'HIDDEN\n');
    mkdirSync(join(root, 'empty'));
    const outside = tempDir();
    write(outside, 'far.js', 'FAR\n');
    symlinkSync(outside, join(root, 'linked'));
    const blocks = await glob(root, '**/*.js');
    expect(paths(blocks)).toEqual(['a/b/two.js', 'a/one.js']);
    expect(blocks[0]!.language).toBe('js');
    const nm = await glob(root, 'node_modules/**');
    expect(nm[0]!.text).toMatch(
      /^No files match glob:node_modules\/\*\* in the project root \(\.git, node_modules, /,
    );
  });
});
