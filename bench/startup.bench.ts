/**
 * Start-up: `aethr version` and `aethr run --show-prompt` on a 5,000-line diff, each against
 * `node -e 0` in the same run (medians of interleaved rounds). Target: version within 2×.
 */
import { expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { repoWith5000LineDiff } from './support/diff-repo.js';
import { benchEnv, compare, printTable } from './support/measure.js';

const CLI = resolve('dist/cli/index.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

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
