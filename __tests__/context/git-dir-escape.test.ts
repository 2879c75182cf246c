/** A fork that makes a declared file a symlink into .git (or names .git directly) gets no token into the prompt. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContextResolver } from '../../src/context/index.js';
import { cleanup, tempDir } from './git-fixture.js';

afterAll(cleanup);

const CANARY = 'ghs_CANARYgitconfig1234567890';

function checkout(): string {
  const root = tempDir();
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync(
    'git',
    ['config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${CANARY}`],
    {
      cwd: root,
    },
  );
  mkdirSync(join(root, 'sub', '.git'), { recursive: true });
  writeFileSync(join(root, 'sub', '.git', 'config'), `token=${CANARY}\n`);
  writeFileSync(join(root, 'ok.md'), 'fine\n');
  return root;
}

const resolve = (root: string, sources: string[]) =>
  createContextResolver({ root }).resolve(sources, {});

describe('.git is never read into a prompt', () => {
  it.each([
    ['readme.md', '.git/config'],
    ['docs-link', '.git'],
    ['nested.md', 'sub/.git/config'],
  ])('file:%s as a symlink to %s is refused', async (link, target) => {
    const root = checkout();
    symlinkSync(join(root, target), join(root, link));
    const blocks = await resolve(root, [`file:${link}`, `glob:${link}`, 'glob:**']);
    const text = JSON.stringify(blocks);
    expect(text).not.toContain(CANARY);
    expect(blocks[0]!.placeholder).toBe(true);
    expect(blocks[0]!.text).toMatch(/\.git directory|not a file|Not a file/i);
    expect(text).toContain('fine'); // the ordinary file still comes through the glob
    rmSync(join(root, link));
  });

  it('file:.git/config and file:sub/.git/config named directly are refused', async () => {
    const root = checkout();
    const blocks = await resolve(root, [
      'file:.git/config',
      'file:sub/.git/config',
      'file:.GIT/config',
    ]);
    expect(JSON.stringify(blocks)).not.toContain(CANARY);
    for (const b of blocks) expect(b.text).toMatch(/\.git directory/);
  });
});
