/**
 * Checklist: no fault duplicates a write, and failures stay readable. Writes whose answer is lost
 * after GitHub performed them are made once; a run that finds two of its summaries keeps the
 * newest; error pages are named by the operation, never dumped; a failure while reporting a
 * failure still reports the original error; failure notes hide secrets, not ordinary words.
 */
import { expect } from '@jest/globals';
import { KEY, TOKEN, reviewReply } from '../support/action-fixture.js';
import {
  checklistCase,
  withFixture,
  type CaseFixture,
  type ChecklistCase,
} from '../support/checklist-kit.js';

const c = checklistCase;

const HIGH_REVIEW = () => ({
  text: reviewReply(
    [{ path: 'a.py', line: 1, severity: 'high', title: 'x is wrong', body: 'Keep x = 1.' }],
    'revise',
  ),
});

const lostCase = (
  id: string,
  what: string,
  operationId: string,
  status: number | undefined,
  check: (fx: CaseFixture) => void,
): ChecklistCase =>
  c(id, `lost answer (${what}): made once, nothing left at "reviewing …"`, () =>
    withFixture({ reply: HIGH_REVIEW }, async (fx) => {
      fx.gh.failNext({ kind: 'lost', status, match: { method: 'POST', operationId } });
      const out = await fx.run();
      expect(out.code).toBe(0);
      expect(fx.gh.violations).toEqual([]);
      expect(fx.summaries()).toHaveLength(1);
      expect(fx.summaries()[0]).not.toMatch(/reviewing …/);
      check(fx);
    }),
  );

export const WRITES_CASES: ChecklistCase[] = [
  c('W01', 'an error page is named by the failed operation, never dumped as HTML', () =>
    withFixture({ reply: HIGH_REVIEW }, async (fx) => {
      fx.gh.failNext({
        kind: 'lost',
        status: 502,
        count: 10,
        match: { method: 'GET', operationId: 'issues/list-comments' },
      });
      const out = await fx.run();
      expect(out.code).not.toBe(0);
      expect(out.stdout).toMatch(/could not list the comments of #7: HTTP 502/);
      expect(`${out.stdout}${out.summary}`).not.toMatch(/Unicorn|<html/i);
    }),
  ),
  lostCase('W02', 'summary POST, 502 page', 'issues/create-comment', 502, (fx) =>
    expect(fx.summaries()[0]).toMatch(/x is wrong/),
  ),
  lostCase('W03', 'summary POST, dropped connection', 'issues/create-comment', undefined, (fx) =>
    expect(fx.summaries()[0]).toMatch(/x is wrong/),
  ),
  lostCase('W04', 'review POST', 'pulls/create-review', 502, (fx) => {
    expect(fx.gh.state.reviews).toHaveLength(1);
    expect(fx.gh.state.reviewComments).toHaveLength(1);
  }),
  lostCase('W05', 'check run POST', 'checks/create', undefined, (fx) => {
    expect(fx.gh.state.checkRuns).toHaveLength(1);
    expect(fx.gh.state.checkRuns[0]!.status).toBe('completed');
  }),
  c('W06', 'two summary markers: the run keeps the newest and deletes the rest', () =>
    withFixture({ reply: HIGH_REVIEW }, async (fx) => {
      await fx.run();
      const first = fx.gh.state.issueComments.find((x) => x.body.includes('aethr:summary'))!;
      fx.gh.state.issueComments.push({ ...first, id: first.id + 1000 });
      await fx.run();
      const left = fx.gh.state.issueComments.filter((x) => x.body.includes('aethr:summary'));
      expect(left.map((x) => x.id)).toEqual([first.id + 1000]);
    }),
  ),
  c('W07', 'a failure while reporting a failure still reports the original error', () =>
    withFixture(
      {
        reply: () => ({
          status: 400,
          error: { message: 'model exploded on purpose', type: 'invalid_request_error' },
        }),
      },
      async (fx) => {
        fx.gh.failNext({
          kind: 'status',
          status: 500,
          count: 50,
          match: { method: 'PATCH', operationId: 'issues/update-comment' },
        });
        const out = await fx.run();
        expect(out.code).not.toBe(0);
        expect(out.stdout).toMatch(/model exploded on purpose/);
        expect(out.summary).toMatch(/model exploded on purpose/);
        expect(out.outputs['review-status']).toBe('error');
        expect(out.outputs.error).toMatch(/model exploded on purpose/);
        // Its updates kept failing: the outcome was posted anew and the stuck summary retired.
        expect(fx.summaries()).toHaveLength(1);
        expect(fx.summaries()[0]).not.toMatch(/reviewing …/);
        expect(fx.summaries()[0]).toMatch(/model exploded on purpose/);
      },
    ),
  ),
  c(
    'W08',
    'over-redaction: failure notes keep the event, repository and actor; secrets hidden',
    () =>
      withFixture({}, async (fx) => {
        fx.stub.setReply(() => ({
          status: 400,
          error: {
            message: `Protected branch update failed for acme/calc (pull_request by maintainer); key ${KEY}; token ${TOKEN}`,
            type: 'invalid_request_error',
          },
        }));
        const out = await fx.run(
          'pull_request',
          undefined,
          {},
          {
            GITHUB_REPOSITORY: 'acme/calc',
            GITHUB_ACTOR: 'maintainer',
          },
        );
        expect(out.code).not.toBe(0);
        const note = fx.summaries().join('\n');
        expect(note).toContain(
          'Protected branch update failed for acme/calc (pull_request by maintainer)',
        );
        expect(note).not.toContain(KEY);
        expect(note).not.toContain(TOKEN);
        expect(out.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(KEY);
      }),
  ),
];
