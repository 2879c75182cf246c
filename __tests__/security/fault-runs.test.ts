/**
 * Seeded randomized fault runs with an invariant checker. Each seed draws a plan (faults.ts):
 * the event (a PR review, `/aethr review`, the implement label, `/aethr implement`), GitHub
 * failures (403 primary and secondary limits, 5xx, dropped connections, writes GitHub performed
 * whose answer was lost), model failures (429/5xx, cut streams, delays) and a head that moves
 * before or during the run. After the run, fault-invariants.ts checks: one sticky summary never
 * left at "reviewing …", no duplicated inline comment, reply or check run, no lost or forced
 * commit, a clear ending, no stand-in violation.
 *
 * Most seeds run in-process through the Action's run of an intent (real Octokit forge over HTTP,
 * real git, real OpenAI client) with GitHub's retry waits shortened; every BUNDLED_EVERY-th seed
 * runs the bundled dist/index.js with GitHub's real timings.
 *
 * Replay one seed:   AETHR_FAULT_SEED=17 AETHR_FAULT_RUNS=1 npm test -- fault-runs
 * Another range:     AETHR_FAULT_SEED=1001 npm test -- fault-runs
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { createScene, describePlan, disposeScenes } from '../support/fault-scene.js';
import { checkInvariants } from '../support/fault-invariants.js';
import { drawPlan } from '../support/faults.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

const FIRST = Number(process.env.AETHR_FAULT_SEED ?? 1);
const RUNS = Number(process.env.AETHR_FAULT_RUNS ?? 100);
const BUNDLED_EVERY = 20;
const seeds = Array.from({ length: RUNS }, (_, i) => FIRST + i);

let stub: OpenAIStub;
const results: string[] = [];
let passed = 0;
let failed = 0;

beforeAll(async () => {
  if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run npm run build');
  stub = await startOpenAIStub();
});
afterAll(async () => {
  await stub?.close();
  disposeScenes();
  process.stdout.write(`${results.join('\n')}\nfault runs: ${passed} passed, ${failed} failed\n`);
});

it.each(seeds)('fault run, seed %i', async (seed) => {
  const plan = drawPlan(seed);
  const bundled = (seed - FIRST) % BUNDLED_EVERY === BUNDLED_EVERY - 1;
  const scene = await createScene(plan, stub);
  try {
    const view = bundled ? await scene.runBundled() : await scene.runInProcess();
    const problems = checkInvariants(scene, view);
    const ended = view.code ? ` (${view.failure.split('\n')[0]!.slice(0, 140)})` : '';
    const how = `${bundled ? 'bundled' : 'in-process'} exit=${view.code}${ended}`;
    const line = problems.length
      ? `FAIL seed=${seed} ${how} ${describePlan(plan)}: ${problems.join('; ')}`
      : `PASS seed=${seed} ${how} ${describePlan(plan)}`;
    results.push(line);
    if (problems.length) {
      failed++;
      const last = view.failure || view.log.split('\n').slice(-15).join('\n');
      throw new Error(`${line}\n--- run's failure / log tail ---\n${last}`);
    }
    passed++;
    expect(problems).toEqual([]);
  } finally {
    await scene.close();
  }
});
