/**
 * The security checklist (issue 10's "Must show"), through the bundled action (dist/index.js run
 * like the runner runs it) against the GitHub REST stand-in and the OpenAI stub: every failure
 * the audit found, every item built for it, and the cases that already held, so they stay held.
 *
 * Each case is a jest test and prints one line, `PASS <id> <description>` or
 * `FAIL <id> <description>: <reason>`, then a final `N passed, N failed`. Cases run a few at a
 * time (each with its own stand-ins); the cases live in checklist-cases-*.ts by theme.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { ACTION_BUNDLE } from '../support/run-action.js';
import { createPool, reasonOf, type ChecklistCase } from '../support/checklist-kit.js';
import { ACCESS_CASES } from './checklist-cases-access.js';
import { INTEGRITY_CASES } from './checklist-cases-integrity.js';
import { OUTBOUND_CASES } from './checklist-cases-outbound.js';
import { SANDBOX_CASES } from './checklist-cases-sandbox.js';
import { VERDICT_CASES } from './checklist-cases-verdict.js';
import { WRITES_CASES } from './checklist-cases-writes.js';

// The slow ones first (shared hostile runs, retries with backoff, a permission timeout).
const ALL: ChecklistCase[] = [
  ...SANDBOX_CASES,
  ...WRITES_CASES,
  ...ACCESS_CASES,
  ...INTEGRITY_CASES,
  ...OUTBOUND_CASES,
  ...VERDICT_CASES,
];
// CHECKLIST_ONLY=<regex on ids> runs a subset while working on one case.
const only = process.env.CHECKLIST_ONLY ? new RegExp(process.env.CHECKLIST_ONLY) : undefined;
const CASES = only ? ALL.filter((c) => only.test(c.id)) : ALL;
const inPool = createPool(Number(process.env.CHECKLIST_CONCURRENCY ?? 4));
const results = new Map<string, string | undefined>();

beforeAll(() => {
  if (!existsSync(ACTION_BUNDLE)) throw new Error('dist/index.js is missing: run npm run build');
  const ids = CASES.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
});

afterAll(() => {
  const lines = CASES.map((c) => {
    const failure = results.has(c.id) ? results.get(c.id) : 'did not run';
    return failure === undefined
      ? `PASS ${c.id} ${c.description}`
      : `FAIL ${c.id} ${c.description}: ${failure}`;
  });
  const failed = lines.filter((l) => l.startsWith('FAIL')).length;
  process.stdout.write(
    `\n${lines.join('\n')}\n${lines.length - failed} passed, ${failed} failed\n`,
  );
});

it.concurrent.each(CASES)(
  '$id $description',
  async (c) => {
    try {
      await inPool(c.run);
      results.set(c.id, undefined);
    } catch (error) {
      results.set(c.id, reasonOf(error));
      throw error;
    }
  },
  300_000,
);
