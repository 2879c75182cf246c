import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countTokens as o200kCount } from 'gpt-tokenizer/encoding/o200k_base';
import parseDiff from 'parse-diff';
import {
  fitDiff,
  parseUnifiedDiff,
  type FitBudget,
  type FitResult,
} from '../../src/context/fit-diff.js';
import { cleanup, commitAll, git, initRepo, tempDir, write } from './git-fixture.js';

afterAll(cleanup);

const countTokens = (text: string): number => o200kCount(text, { disallowedSpecial: new Set() });

/** A small seeded PRNG, so every "random" shape is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fileBody(lines: number, tag: string): string {
  return (
    Array.from({ length: lines }, (_, i) => `${tag} line ${i + 1} with some words`).join('\n') +
    '\n'
  );
}

/** A real repository with a commit; `edit` changes the tree; returns the repo and `git diff`. */
function realDiff(
  files: Record<string, string>,
  edit: (repo: string) => void,
  extra: string[] = [],
): { repo: string; diff: string } {
  const repo = initRepo();
  for (const [p, c] of Object.entries(files)) write(repo, p, c);
  commitAll(repo, 'base');
  edit(repo);
  git(repo, 'add', '-A');
  const diff = git(repo, 'diff', '--cached', '--no-color', '--no-ext-diff', ...extra);
  git(repo, 'reset', '-q', '--hard', 'HEAD');
  git(repo, 'clean', '-qfd');
  return { repo, diff };
}

/** `git apply --check` of a diff in `repo` (whose tree is at the diff's base). */
function applies(repo: string, diff: string, zeroContext: boolean): boolean {
  const p = join(tempDir('aethr-patch-'), 'x.diff');
  writeFileSync(p, diff);
  try {
    execFileSync('git', ['apply', '--check', ...(zeroContext ? ['--unidiff-zero'] : []), p], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return true;
  } catch {
    return false;
  }
}

/** `path → [newLine, content]` of every added line, as parse-diff reads it. */
function addedLines(diff: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of parseDiff(diff)) {
    const list = out.get(f.to ?? '') ?? [];
    for (const c of f.chunks)
      for (const ch of c.changes) if (ch.type === 'add') list.push(`${ch.ln}:${ch.content}`);
    out.set(f.to ?? '', list);
  }
  return out;
}

/** The diff part of a fitted text (the bracketed notes and entries cut off). */
function diffPart(text: string): string {
  const lines = text.split('\n');
  let end = lines.length;
  while (end > 0 && (lines[end - 1] === '' || lines[end - 1]!.startsWith('['))) end--;
  return lines.slice(0, end).join('\n') + (end > 0 ? '\n' : '');
}

function expectWithin(r: FitResult, budget: FitBudget): void {
  expect(r.text.length).toBeLessThanOrEqual(budget.maxChars);
  if (budget.maxTokens !== undefined) {
    expect((budget.countTokens ?? countTokens)(r.text)).toBeLessThanOrEqual(budget.maxTokens);
  }
}

function expectCoverage(r: FitResult, diff: string, extra: string[] = []): void {
  const paths = [...parseUnifiedDiff(diff).files.map((f) => f.path), ...extra];
  expect(r.coverage.map((c) => c.path)).toEqual(paths);
  for (const c of r.coverage) if (c.status !== 'reviewed') expect(c.reason).toBeTruthy();
  // Everything not reviewed is named in the text.
  for (const c of r.coverage) {
    if (c.status !== 'reviewed' && r.fitted)
      expect(r.text).toMatch(
        new RegExp(`\\[(skipped|clipped)\\] (${escape(c.path)}|[\\d,]+ more files)`),
      );
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every output line is an input line, a recomputed hunk header or a bracketed note. */
function expectNoCutLines(fitted: string, original: string): void {
  const known = new Set(original.split('\n'));
  for (const l of fitted.split('\n')) {
    if (l === '' || known.has(l)) continue;
    expect(l).toMatch(/^(@@ -\d+(,\d+)? \+\d+(,\d+)? @@|\[)/);
  }
}

// ---------------------------------------------------------------------------------------------

const BASE = {
  'src/a.ts': fileBody(120, 'a'),
  'src/b.ts': fileBody(80, 'b'),
  'docs/c.md': fileBody(40, 'c'),
};

function editABC(repo: string): void {
  const a = BASE['src/a.ts'].split('\n');
  a[9] = 'a CHANGED 10';
  a.splice(30, 0, 'a INSERTED after 30', 'a INSERTED second');
  a.splice(60, 2);
  a[100] = 'a CHANGED 101';
  write(repo, 'src/a.ts', a.join('\n'));
  const b = BASE['src/b.ts'].split('\n');
  b[0] = 'b FIRST';
  b[78] = 'b NEAR END';
  write(repo, 'src/b.ts', b.join('\n'));
  write(repo, 'docs/c.md', BASE['docs/c.md'].replace('c line 20 ', 'c line twenty '));
}

describe('fitDiff: under budget', () => {
  it('passes the diff through byte-identical, every file reviewed', () => {
    const { diff } = realDiff(BASE, editABC);
    const r = fitDiff(diff, { maxChars: diff.length, maxTokens: countTokens(diff), countTokens });
    expect(r.text).toBe(diff);
    expect(r.fitted).toBe(false);
    expect(r.notes).toEqual([]);
    expect(r.coverage).toEqual([
      { path: 'docs/c.md', status: 'reviewed' },
      { path: 'src/a.ts', status: 'reviewed' },
      { path: 'src/b.ts', status: 'reviewed' },
    ]);
  });

  it('keeps binary and rename-only files in the text but covers them as skipped', () => {
    const { diff } = realDiff(
      { ...BASE, 'img.bin': Buffer.from([0, 1, 2, 3]).toString('latin1') },
      (repo) => {
        editABC(repo);
        write(repo, 'img.bin', Buffer.from([0, 1, 2, 4, 5]));
        git(repo, 'mv', 'docs/c.md', 'docs/moved.md');
      },
      ['-M'],
    );
    const r = fitDiff(diff, { maxChars: 1_000_000 });
    expect(r.text).toBe(diff);
    const byPath = Object.fromEntries(r.coverage.map((c) => [c.path, c]));
    expect(byPath['img.bin']).toEqual({
      path: 'img.bin',
      status: 'skipped',
      reason: 'binary file',
    });
    expect(byPath['src/a.ts']!.status).toBe('reviewed');
    expect(r.coverage).toHaveLength(4);
  });
});

describe('fitDiff: shrinking hunk context', () => {
  it('re-emits hunks with 1 and 0 lines of context whose headers are exact', () => {
    const { repo, diff } = realDiff(BASE, editABC);
    expect(applies(repo, diff, false)).toBe(true);
    const original = addedLines(diff);

    const one = fitDiff(diff, { maxChars: diff.length - 200 });
    expect(one.contextLines).toBe(1);
    expect(one.coverage.every((c) => c.status === 'reviewed')).toBe(true);
    expect(one.text).toContain('Context around changes was reduced to 1 line;');
    expect(applies(repo, diffPart(one.text), false)).toBe(true);
    expect(addedLines(diffPart(one.text))).toEqual(original);

    const oneLen = diffPart(one.text).length;
    const zero = fitDiff(diff, { maxChars: oneLen });
    expect(zero.contextLines).toBe(0);
    expect(zero.coverage.every((c) => c.status === 'reviewed')).toBe(true);
    expect(applies(repo, diffPart(zero.text), true)).toBe(true);
    expect(addedLines(diffPart(zero.text))).toEqual(original);
    expectNoCutLines(zero.text, diff);
  });

  it('keeps new-side line numbers exact on many random edits (git apply --check, parse-diff)', () => {
    const rand = rng(42);
    for (let round = 0; round < 12; round++) {
      const files: Record<string, string> = {};
      for (let f = 0; f < 4; f++)
        files[`f${f}.txt`] = fileBody(30 + Math.floor(rand() * 150), `r${round}f${f}`);
      const edit = (repo: string): void => {
        for (const [p, c] of Object.entries(files)) {
          const lines = c.split('\n');
          lines.pop();
          const edits = 1 + Math.floor(rand() * 8);
          for (let e = 0; e < edits; e++) {
            const at = Math.floor(rand() * lines.length);
            const kind = rand();
            if (kind < 0.33) lines.splice(at, 0, `inserted ${round}-${e}`);
            else if (kind < 0.66) lines.splice(at, 1 + Math.floor(rand() * 3));
            else lines[at] = `changed ${round}-${e}`;
          }
          // Sometimes the last line loses its newline.
          write(repo, p, lines.join('\n') + (rand() < 0.3 ? '' : '\n'));
        }
      };
      const { repo, diff } = realDiff(files, edit, [`-U${1 + Math.floor(rand() * 5)}`]);
      const original = addedLines(diff);
      for (const shrink of [0.9, 0.75, 0.6]) {
        const r = fitDiff(diff, { maxChars: Math.floor(diff.length * shrink) });
        expectWithin(r, { maxChars: Math.floor(diff.length * shrink) });
        expectCoverage(r, diff);
        const body = diffPart(r.text);
        if (r.coverage.every((c) => c.status === 'reviewed')) {
          expect(applies(repo, body, r.contextLines === 0)).toBe(true);
          expect(addedLines(body)).toEqual(original);
        }
        expectNoCutLines(r.text, diff);
      }
    }
  });
});

describe('fitDiff: dropping files that are not worth their tokens first', () => {
  const lock =
    JSON.stringify(
      {
        packages: Object.fromEntries(
          Array.from({ length: 300 }, (_, i) => [`node_modules/p${i}`, { version: `1.0.${i}` }]),
        ),
      },
      null,
      2,
    ) + '\n';
  const minified = `${'var a=1;function f(b){return b*2}'.repeat(40)}\n`.repeat(3);
  const shapes = {
    'package-lock.json': 'old\n',
    'pnpm-lock.yaml': 'lockfileVersion: 1\n',
    'vendor/lib/x.go': 'package x\n',
    'dist/index.js': 'old\n',
    'src/proto/api.pb.go': 'old\n',
    'public/app.min.js': 'old\n',
    'src/gen.ts': '// old\n',
    'assets/blob.js': 'old\n',
    'src/long-comment.ts': 'export const x = 0;\n',
    ...BASE,
  };
  const edit = (repo: string): void => {
    editABC(repo);
    write(repo, 'package-lock.json', lock);
    write(repo, 'pnpm-lock.yaml', lock.replace(/"/g, ''));
    write(repo, 'vendor/lib/x.go', fileBody(200, 'vendored'));
    write(repo, 'dist/index.js', fileBody(200, 'built'));
    write(repo, 'src/proto/api.pb.go', fileBody(200, 'proto'));
    write(repo, 'public/app.min.js', minified);
    write(
      repo,
      'src/gen.ts',
      `// Code generated by protoc-gen-ts. DO NOT EDIT.\n${fileBody(200, 'gen')}`,
    );
    write(repo, 'assets/new-minified.js', minified);
    write(repo, 'assets/blob.js', minified);
    // One long line in a small change is not minified.
    write(repo, 'src/long-comment.ts', `// ${'a long comment '.repeat(40)}\nexport const x = 1;\n`);
  };

  it('drops lock, vendored, built, generated and minified files before touching the rest', () => {
    const { diff } = realDiff(shapes, edit);
    const src = realDiff(BASE, editABC).diff;
    const r = fitDiff(diff, { maxChars: src.length + 3_000 });
    const byPath = Object.fromEntries(r.coverage.map((c) => [c.path, c]));
    expect(byPath['package-lock.json']).toMatchObject({ status: 'skipped', reason: 'lock file' });
    expect(byPath['pnpm-lock.yaml']).toMatchObject({ status: 'skipped', reason: 'lock file' });
    expect(byPath['vendor/lib/x.go']).toMatchObject({ status: 'skipped', reason: 'vendored code' });
    expect(byPath['dist/index.js']).toMatchObject({ status: 'skipped', reason: 'build output' });
    expect(byPath['src/proto/api.pb.go']).toMatchObject({
      status: 'skipped',
      reason: 'generated file',
    });
    expect(byPath['public/app.min.js']).toMatchObject({
      status: 'skipped',
      reason: 'minified file',
    });
    expect(byPath['src/gen.ts']).toMatchObject({
      status: 'skipped',
      reason: 'generated file (marked as generated)',
    });
    expect(byPath['assets/new-minified.js']).toMatchObject({
      status: 'skipped',
      reason: 'minified file',
    });
    expect(byPath['assets/blob.js']).toMatchObject({ status: 'skipped', reason: 'minified file' });
    for (const p of ['src/a.ts', 'src/b.ts', 'docs/c.md', 'src/long-comment.ts'])
      expect(byPath[p]!.status).toBe('reviewed');
    // The source files are untouched (full context): dropping was enough.
    expect(r.contextLines).toBeUndefined();
    for (const f of parseUnifiedDiff(src).files) expect(r.text).toContain(f.text);
    expect(r.text).toContain('[skipped] package-lock.json (modified, +');
    expect(r.text).toMatch(
      /\[skipped\] src\/gen\.ts \(modified, \+\d+ -1\): generated file \(marked as generated\)/,
    );
    expectWithin(r, { maxChars: src.length + 3_000 });
    expectCoverage(r, diff);
  });

  it("adds the caller's globs, and leaves everything alone when the diff fits", () => {
    const { diff } = realDiff(shapes, edit);
    const fits = fitDiff(diff, { maxChars: diff.length });
    expect(fits.text).toBe(diff);
    expect(fits.coverage.every((c) => c.status === 'reviewed')).toBe(true);

    // Only as many as needed, the largest first.
    const one = fitDiff(diff, { maxChars: diff.length - 1 });
    const skipped = one.coverage.filter((c) => c.status !== 'reviewed');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toBe('lock file');
    expect(one.contextLines).toBeUndefined();

    const src = realDiff(BASE, editABC).diff;
    const r = fitDiff(diff, { maxChars: src.length }, { ignore: ['docs/**'] });
    expect(r.coverage.find((c) => c.path === 'docs/c.md')).toEqual({
      path: 'docs/c.md',
      status: 'skipped',
      reason: 'matches ignore glob docs/**',
    });
    const off = fitDiff(diff, { maxChars: diff.length - 1 }, { defaultIgnores: false });
    expect(off.coverage.find((c) => c.path === 'package-lock.json')!.status).toBe('reviewed');
  });
});

describe('fitDiff: over budget after shrinking', () => {
  it('keeps the most files (largest left out first) and clips a huge file at a hunk boundary', () => {
    const big = fileBody(3_000, 'big');
    const { repo, diff } = realDiff({ ...BASE, 'src/huge.ts': big }, (r) => {
      editABC(r);
      const lines = big.split('\n');
      for (let i = 5; i < 3_000; i += 40) lines[i] = `big CHANGED ${i}`;
      write(r, 'src/huge.ts', lines.join('\n'));
    });
    const small = realDiff(BASE, editABC).diff;
    const budget = { maxChars: small.length + 2_500 };
    const r = fitDiff(diff, budget);
    expectWithin(r, budget);
    expectCoverage(r, diff);
    const huge = r.coverage.find((c) => c.path === 'src/huge.ts')!;
    expect(huge.status).toBe('clipped');
    expect(huge.reason).toMatch(/^over budget: \d+ of 75 hunks shown$/);
    expect(r.coverage.filter((c) => c.status === 'reviewed')).toHaveLength(3);
    expect(r.text).toMatch(
      /\[clipped\] src\/huge\.ts \(modified, \+75 -75\): over budget: \d+ of 75 hunks shown/,
    );
    const body = diffPart(r.text);
    expect(applies(repo, body, true)).toBe(true);
    // The clipped file's added lines are a prefix of its real ones, at the same line numbers.
    const want = addedLines(diff).get('src/huge.ts')!;
    const got = addedLines(body).get('src/huge.ts')!;
    expect(got.length).toBeGreaterThan(0);
    expect(want.slice(0, got.length)).toEqual(got);
  });

  it('cuts a single huge hunk after a whole line, with a recomputed header', () => {
    const { repo, diff } = realDiff({ 'README.md': 'hi\n' }, (r) =>
      write(r, 'src/new.ts', fileBody(5_000, 'new')),
    );
    const budget = { maxChars: 4_000 };
    const r = fitDiff(diff, budget);
    expectWithin(r, budget);
    const c = r.coverage[0]!;
    expect(c.status).toBe('clipped');
    expect(c.reason).toMatch(/^over budget: the first [\d,]+ of 5,000 lines of hunk 1 of 1 shown$/);
    const body = diffPart(r.text);
    expect(body).toMatch(/^@@ -0,0 \+1,\d+ @@$/m);
    expect(applies(repo, body, false)).toBe(true);
    expectNoCutLines(r.text, diff);
  });

  it("lists files it cannot show with stats, status and reason, and the caller's unread files", () => {
    const { diff } = realDiff(BASE, (repo) => {
      editABC(repo);
      git(repo, 'rm', '-qf', 'src/b.ts');
    });
    const r = fitDiff(
      diff,
      { maxChars: 900 },
      { unread: [{ path: 'later.txt', reason: 'not read: the diff is too large to read' }] },
    );
    expectWithin(r, { maxChars: 900 });
    expectCoverage(r, diff, ['later.txt']);
    expect(r.text).toMatch(/\[skipped\] src\/b\.ts \(deleted, \+0 -80\): over budget/);
    expect(r.text).toContain('[skipped] later.txt: not read: the diff is too large to read');
    expect(r.notes[0]).toMatch(
      /^Fitted to the context budget of 900 characters: the diff has 4 files and [\d,]+ characters; \d+ shown in full, \d+ clipped, \d+ not shown \(/,
    );
  });

  it('lists unread files even when the diff itself fits', () => {
    const { diff } = realDiff(BASE, editABC);
    const r = fitDiff(
      diff,
      { maxChars: 100_000 },
      { unread: [{ path: 'x.bin', reason: 'untracked file over the limit' }] },
    );
    expect(r.text.startsWith(diff)).toBe(true);
    expect(r.text).toContain('[skipped] x.bin: untracked file over the limit');
    expect(r.coverage.map((c) => c.status)).toEqual([
      'reviewed',
      'reviewed',
      'reviewed',
      'skipped',
    ]);
  });

  it('stays within budget for every budget, however small', () => {
    const { diff } = realDiff({ ...BASE, 'yarn.lock': 'x\n' }, (repo) => {
      editABC(repo);
      write(repo, 'yarn.lock', fileBody(100, 'lock'));
      write(repo, 'img.png', Buffer.from([137, 80, 78, 71, 0, 0, 1]));
    });
    for (const maxChars of [
      0,
      10,
      50,
      120,
      200,
      400,
      800,
      1_500,
      3_000,
      6_000,
      10_000,
      diff.length - 1,
    ]) {
      for (const maxTokens of [undefined, 40, 300, 2_000]) {
        const budget: FitBudget = { maxChars, maxTokens, countTokens };
        const r = fitDiff(diff, budget);
        expectWithin(r, budget);
        expect(r.coverage.map((c) => c.path)).toEqual(
          parseUnifiedDiff(diff).files.map((f) => f.path),
        );
        expectNoCutLines(r.text, diff);
      }
    }
  });
});

describe('fitDiff: real pull-request diffs (bench/fixtures)', () => {
  const fixtures = readdirSync('bench/fixtures').filter((f) => f.endsWith('.diff'));

  it.each(fixtures)(
    '%s: within every budget, every file once, added lines where they were',
    (name) => {
      const diff = readFileSync(join('bench/fixtures', name), 'utf8');
      const paths = parseUnifiedDiff(diff).files.map((f) => f.path);
      const original = addedLines(diff);
      const seen = new Set<string>();
      for (const share of [0.97, 0.8, 0.6, 0.4, 0.25, 0.1, 0.03]) {
        const budget: FitBudget = { maxChars: Math.floor(diff.length * share) };
        const r = fitDiff(diff, budget);
        expectWithin(r, budget);
        expect(r.coverage.map((c) => c.path)).toEqual(paths);
        expectNoCutLines(r.text, diff);
        for (const [path, lines] of addedLines(diffPart(r.text))) {
          const all = new Set(original.get(path));
          for (const l of lines) expect(all.has(l)).toBe(true);
        }
        for (const c of r.coverage) seen.add(c.status);
      }
      expect(seen.has('reviewed')).toBe(true);
      expect(seen.has('skipped')).toBe(true);
    },
  );
});

describe('fitDiff: a 2,000-file pull request', () => {
  function hugeDiff(files: number): string {
    const rand = rng(7);
    const parts: string[] = [];
    for (let i = 0; i < files; i++) {
      const path = i % 97 === 0 ? `deps/${i}/package-lock.json` : `pkg${i % 20}/src/file${i}.ts`;
      const lines = 5 + Math.floor(rand() * (i % 50 === 0 ? 400 : 40));
      const body = Array.from({ length: lines }, (_, j) =>
        j % 7 === 3 ? `-old ${i}.${j}\n+new ${i}.${j}` : ` ctx ${i}.${j}`,
      );
      const oc =
        body.reduce((n, l) => n + (l.startsWith('-') ? 2 : 1), 0) -
        body.filter((l) => l.startsWith('-')).length;
      parts.push(
        `diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n@@ -1,${oc} +1,${oc} @@\n${body.join('\n')}\n`,
      );
    }
    return parts.join('');
  }

  it('accounts for all 2,000 files exactly once and stays within the budget', () => {
    const diff = hugeDiff(2_000);
    expect(diff.length).toBeGreaterThan(1_000_000);
    const budget: FitBudget = { maxChars: 200_000, maxTokens: 40_000, countTokens };
    const started = Date.now();
    const r = fitDiff(diff, budget);
    const ms = Date.now() - started;
    expectWithin(r, budget);
    expect(r.coverage).toHaveLength(2_000);
    expect(new Set(r.coverage.map((c) => c.path)).size).toBe(2_000);
    expect(r.coverage.map((c) => c.path)).toEqual(parseUnifiedDiff(diff).files.map((f) => f.path));
    const reviewed = r.coverage.filter((c) => c.status === 'reviewed').length;
    expect(reviewed).toBeGreaterThan(200);
    expect(r.coverage.filter((c) => c.reason === 'lock file')).toHaveLength(21);
    expect(r.contextLines).toBe(0);
    expect(r.text).toMatch(
      /\[skipped\] [\d,]+ more files not listed here, to stay within the budget\n$/,
    );
    expect(ms).toBeLessThan(20_000);
  });

  it('fits the same diff in a tiny budget too', () => {
    const diff = hugeDiff(2_000);
    const budget: FitBudget = { maxChars: 5_000, maxTokens: 1_200, countTokens };
    const r = fitDiff(diff, budget);
    expectWithin(r, budget);
    expect(r.coverage).toHaveLength(2_000);
  });
});

describe('parseUnifiedDiff', () => {
  it('reads paths, status and stats, including plain ---/+++ diffs and quoted names', () => {
    const diff = [
      'diff --git "a/d\\303\\274r/x y.txt" "b/d\\303\\274r/x y.txt"',
      'index 1..2 100644',
      '--- "a/d\\303\\274r/x y.txt"',
      '+++ "b/d\\303\\274r/x y.txt"',
      '@@ -1 +1 @@',
      '--- looks like a header',
      '+++ looks like one too',
      '--- a/plain.txt\t2024-01-01',
      '+++ b/plain.txt\t2024-01-02',
      '@@ -1,2 +1,2 @@',
      ' same',
      '-old',
      '+new',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    const p = parseUnifiedDiff(diff);
    expect(p.files.map((f) => [f.path, f.status, f.additions, f.deletions, f.reducible])).toEqual([
      ['dür/x y.txt', 'modified', 1, 1, true],
      ['plain.txt', 'modified', 1, 1, true],
    ]);
    expect(p.files.map((f) => f.text).join('')).toBe(diff);
  });
});
