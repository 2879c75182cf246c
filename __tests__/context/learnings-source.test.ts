import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContextResolver } from '../../src/context/resolver.js';
import { appendLearnings } from '../../src/github/append-learnings.js';

const root = (): string => mkdtempSync(join(tmpdir(), 'aethr-learn-'));
const PATH = '.aethr/learnings.md';

describe('the learnings source', () => {
  it('is a placeholder while the file does not exist, then the file fenced as data', async () => {
    const dir = root();
    const resolve = () =>
      createContextResolver({ root: dir, learnings: { path: PATH } }).resolve(['learnings'], {});
    expect((await resolve())[0]).toMatchObject({
      title: `Learnings from earlier runs (${PATH})`,
      placeholder: true,
      text: expect.stringMatching(/^No learnings yet: \.aethr\/learnings\.md does not exist/),
    });
    mkdirSync(join(dir, '.aethr'));
    writeFileSync(join(dir, PATH), '- cents <!-- hidden instruction -->\u200b\n');
    expect((await resolve())[0]).toEqual({
      source: 'learnings',
      title: `Learnings from earlier runs (${PATH})`,
      text: '- cents',
      language: 'markdown',
      untrusted: true,
    });
  });

  it('reads through `read` (the base branch) and never from the tree when given one', async () => {
    const dir = root();
    mkdirSync(join(dir, '.aethr'));
    writeFileSync(join(dir, PATH), '- HOSTILE\n');
    const from = (text: string | undefined) =>
      createContextResolver({
        root: dir,
        learnings: { path: PATH, read: async () => text, origin: 'from the base branch main' },
      }).resolve(['learnings'], {});
    expect((await from('- base fact\n'))[0]!.text).toBe('- base fact');
    const missing = (await from(undefined))[0]!;
    expect(missing.placeholder).toBe(true);
    expect(missing.text).toMatch(/does not exist/);
    expect(JSON.stringify(missing)).not.toContain('HOSTILE');
  });

  it('refuses a learnings file behind a link that leaves the repository', async () => {
    const dir = root();
    const outside = root();
    writeFileSync(join(outside, 'secret.md'), 'secret\n');
    symlinkSync(outside, join(dir, '.aethr'));
    const [block] = await createContextResolver({ root: dir, learnings: { path: PATH } }).resolve(
      ['learnings'],
      {},
    );
    expect(block!.placeholder).toBe(true);
    expect(block!.text).not.toContain('secret');
  });
});

describe('appendLearnings', () => {
  it('creates the file with the reply learnings, and leaves a file behind a link alone', async () => {
    const dir = root();
    const reply = 'Done.\n```learnings\n- Money is in cents.\n```\n';
    expect(await appendLearnings(dir, PATH, reply)).toEqual({
      kind: 'added',
      added: 1,
      dropped: 0,
    });
    expect(readFileSync(join(dir, PATH), 'utf8')).toMatch(
      /^# Learnings[\s\S]*\n- Money is in cents\.\n$/,
    );
    expect(await appendLearnings(dir, PATH, reply)).toEqual({ kind: 'none' });
    expect(await appendLearnings(dir, PATH, 'no block here')).toEqual({ kind: 'none' });

    const linked = root();
    const outside = root();
    symlinkSync(outside, join(linked, '.aethr'));
    expect(await appendLearnings(linked, PATH, reply)).toMatchObject({ kind: 'skipped' });
    expect(() => readFileSync(join(outside, 'learnings.md'))).toThrow();
  });
});
