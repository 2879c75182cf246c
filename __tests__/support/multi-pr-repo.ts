/**
 * Many small pull requests in one real repository, each pushed several times: a bare `origin`
 * with `main`, one branch per PR and `refs/pull/N/head` at its last push, and every push's head
 * (for deliveries of older pushes).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './pr-repo.js';

export interface MultiPr {
  number: number;
  ref: string;
  /** Heads in push order; the last is the PR's head now. */
  heads: string[];
  diff: string;
}

export interface MultiPrRepo {
  origin: string;
  originUrl: string;
  baseSha: string;
  pulls: MultiPr[];
  cleanup(): void;
}

export function createMultiPrRepo(count: number, pushes: number): MultiPrRepo {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-multi-pr-'));
  const seed = join(dir, 'seed');
  const origin = join(dir, 'origin.git');
  mkdirSync(seed);
  git(seed, 'init', '-q', '-b', 'main');
  git(seed, 'config', 'user.email', 'dev@example.com');
  git(seed, 'config', 'user.name', 'Dev');
  writeFileSync(join(seed, 'a.py'), 'x = 1\n');
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'base');
  const baseSha = git(seed, 'rev-parse', 'HEAD');
  const pulls: MultiPr[] = [];
  const refspecs: string[] = ['main:refs/heads/main'];
  for (let i = 0; i < count; i++) {
    const number = 100 + i;
    const ref = `change-${number}`;
    git(seed, 'checkout', '-q', '-b', ref, baseSha);
    const heads: string[] = [];
    for (let p = 1; p <= pushes; p++) {
      writeFileSync(join(seed, `pr${number}.py`), `value = ${p}\n`);
      git(seed, 'add', '-A');
      git(seed, 'commit', '-q', '-m', `push ${p}`);
      heads.push(git(seed, 'rev-parse', 'HEAD'));
    }
    const diff = `${git(seed, 'diff', '--no-ext-diff', '-M', baseSha, heads.at(-1)!)}\n`;
    pulls.push({ number, ref, heads, diff });
    refspecs.push(`${ref}:refs/heads/${ref}`, `${heads.at(-1)}:refs/pull/${number}/head`);
  }
  git(seed, 'checkout', '-q', 'main');
  git(dir, 'init', '-q', '--bare', origin);
  git(seed, 'push', '-q', origin, ...refspecs);
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  return {
    origin,
    originUrl: `file://${origin}`,
    baseSha,
    pulls,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
