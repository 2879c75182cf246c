/**
 * Start-up: `aethr version` and `aethr run --show-prompt` on a 5,000-line diff, each against
 * `node -e 0` in the same run (medians of interleaved rounds). Target: version within 2×.
 */
import { expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchEnv, compare, printTable } from './support/measure.js';

const CLI = resolve('dist/cli/index.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

function repoWith5000LineDiff(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-bench-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
  git('init', '-q');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'Bench');
  const lines = (tag: string) =>
    Array.from({ length: 2500 }, (_, i) => `export const value${i} = '${tag}-${i}';`).join('\n') +
    '\n';
  writeFileSync(join(dir, 'values.ts'), lines('old'));
  git('add', '.');
  git('commit', '-qm', 'init');
  writeFileSync(join(dir, 'values.ts'), lines('new')); // 2,500 removed + 2,500 added lines
  copyFileSync(resolve('presets/review-existing-diff.yaml'), join(dir, '.aethr.yaml'));
  git('add', '.aethr.yaml');
  git('commit', '-qm', 'workflow', '--', '.aethr.yaml');
  return dir;
}

it('start-up against node -e 0', async () => {
  const repo = repoWith5000LineDiff();
  const env = benchEnv();
  const diffLines = execFileSync('git', ['diff', '--numstat'], { cwd: repo, encoding: 'utf8' });
  const medians = await compare(
    {
      'node -e 0': { args: ['-e', '0'], env },
      'aethr version': { args: [CLI, 'version'], env },
      'aethr run --show-prompt (5,000-line diff)': {
        args: [CLI, 'run', 'review my change', '--show-prompt'],
        cwd: repo,
        env,
      },
    },
    ROUNDS,
  );
  const base = medians['node -e 0']!;
  printTable(
    `Start-up (${process.version}, median of ${ROUNDS} interleaved rounds, NODE_EXTRA_CA_CERTS unset; diff: ${diffLines.trim()})`,
    ['command', 'median ms', '× node -e 0', 'target'],
    Object.entries(medians).map(([name, ms]) => [
      name,
      ms.toFixed(1),
      (ms / base).toFixed(2),
      name === 'aethr version' ? (ms / base <= 2 ? '≤ 2×: PASS' : '≤ 2×: FAIL') : '',
    ]),
  );
  expect(base).toBeGreaterThan(0);
});
