/**
 * The App's queue on a real SQLite file: each request runs once, a newer push supersedes a
 * queued older review (and the current head wins when pushes arrive out of order), one run per
 * PR at a time, orphans of a dead process taken up again or abandoned, one process per folder.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunKey } from '../../src/app/run-key.js';
import { RunQueue, type NewRun } from '../../src/app/run-queue.js';
import { APP_BUNDLE, appKeys } from '../support/app-process.js';

let dir: string;
let queue: RunQueue;
let n = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aethr-queue-'));
  queue = RunQueue.open(dir);
});
afterEach(() => {
  queue.close();
  rmSync(dir, { recursive: true, force: true });
});

function review(pr: number, head: string, delivery = `d${++n}`): NewRun {
  const subject = `acme/calc#${pr}`;
  const key: RunKey = {
    subject,
    repo: 'acme/calc',
    number: pr,
    headSha: head,
    kind: 'review',
    automatic: true,
    dedupeKey: `${subject}@${head}:review`,
  };
  return { delivery, key, event: 'pull_request', intent: '{}' };
}

function command(pr: number, commentId: number): NewRun {
  const subject = `acme/calc#${pr}`;
  return {
    delivery: `d${++n}`,
    event: 'issue_comment',
    intent: '{}',
    key: {
      subject,
      repo: 'acme/calc',
      number: pr,
      kind: 'command:review',
      automatic: false,
      dedupeKey: `${subject}:comment:${commentId}`,
    },
  };
}

const states = () =>
  queue
    .recent(100)
    .map((r) => [r.headSha ?? r.kind, r.state])
    .reverse();

describe('enqueue', () => {
  it('takes a delivery id and a (PR, head, intent, comment) once', () => {
    const first = queue.enqueue(review(1, 'h1', 'same'));
    expect(first.status).toBe('queued');
    expect(queue.enqueue(review(1, 'h2', 'same')).status).toBe('duplicate-delivery');
    expect(queue.enqueue(review(1, 'h1')).status).toBe('duplicate');
    expect(queue.enqueue(command(1, 5)).status).toBe('queued');
    expect(queue.enqueue(command(1, 5)).status).toBe('duplicate');
    expect(queue.counts().queued).toBe(2);
  });

  it('a newer push supersedes the queued review of an older head, not explicit requests', () => {
    queue.enqueue(review(1, 'h1'));
    queue.enqueue(command(1, 9));
    const newer = queue.enqueue(review(1, 'h2'));
    expect(newer).toMatchObject({ status: 'queued', superseded: 1 });
    queue.enqueue(review(2, 'x1'));
    expect(states()).toEqual([
      ['h1', 'superseded'],
      ['command:review', 'queued'],
      ['h2', 'queued'],
      ['x1', 'queued'],
    ]);
  });

  it('a repeated trigger of a superseded head queues it again (pushes out of order)', () => {
    queue.enqueue(review(1, 'h2'));
    queue.enqueue(review(1, 'h1')); // the older push's delivery arrives last
    expect(queue.enqueue(review(1, 'h2')).status).toBe('revived');
    expect(states()).toEqual([
      ['h2', 'queued'],
      ['h1', 'superseded'],
    ]);
  });
});

describe('the inbox (the acknowledgement path)', () => {
  it('commits deliveries that arrive together in one go, and files them as runs in order', async () => {
    await Promise.all(
      [review(1, 'h1'), review(1, 'h2'), command(1, 3)].map((r) => queue.accept(r)),
    );
    expect(queue.counts().queued).toBe(3);
    expect(queue.recent(10)).toEqual([]);
    const filed = queue.absorb().map((f) => f.result.status);
    expect(filed).toEqual(['queued', 'queued', 'queued']);
    expect(states()).toEqual([
      ['h1', 'superseded'],
      ['h2', 'queued'],
      ['command:review', 'queued'],
    ]);
    expect(queue.absorb()).toEqual([]);
  });

  it('keeps what was accepted when the process dies before filing it', async () => {
    await queue.accept(review(1, 'h1', 'kept'));
    queue.close();
    queue = RunQueue.open(dir);
    expect(queue.absorb().map((f) => f.run.delivery)).toEqual(['kept']);
    expect(queue.counts().queued).toBe(1);
  });
});

describe('claimNext', () => {
  it('never hands out a second run of a PR while one runs, and takes the oldest first', () => {
    queue.enqueue(command(1, 1));
    queue.enqueue(command(1, 2));
    queue.enqueue(command(2, 3));
    const a = queue.claimNext()!;
    const b = queue.claimNext()!;
    expect([a.subject, b.subject]).toEqual(['acme/calc#1', 'acme/calc#2']);
    expect(queue.claimNext()).toBeUndefined();
    queue.finish(a.id, 'done', 'finished:pass');
    expect(queue.claimNext()?.subject).toBe('acme/calc#1');
  });

  it('waits for a retry delay', () => {
    queue.enqueue(command(1, 1));
    const run = queue.claimNext()!;
    queue.retryLater(run.id, 'boom', 60_000);
    expect(queue.claimNext()).toBeUndefined();
    expect(queue.nextWakeAt()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('gives a stale review way to the run of the current head', () => {
    queue.enqueue(review(1, 'h2'));
    queue.enqueue(review(1, 'h1'));
    const stale = queue.claimNext()!;
    expect(stale.headSha).toBe('h1');
    expect(queue.reviveCurrentHead(stale, 'h2')).toBe(true);
    queue.finish(stale.id, 'superseded', 'superseded');
    expect(queue.claimNext()?.headSha).toBe('h2');
  });
});

describe('after a crash', () => {
  it('takes orphans up again until they run out of attempts, then marks them to abandon', () => {
    queue.enqueue(command(1, 1));
    queue.enqueue(command(2, 2));
    const first = queue.claimNext()!;
    queue.claimNext();
    queue.recordCheckRun(first.id, 501, 1);
    queue.close();
    queue = RunQueue.open(dir);
    const { retried, abandoned } = queue.reclaimOrphans(2);
    expect([retried.length, abandoned.length]).toEqual([2, 0]);
    const again = queue.claimNext()!;
    expect(again.attempts).toBe(2);
    expect(queue.openCheckRuns(again.id)).toEqual([501]);
    queue.close();
    queue = RunQueue.open(dir);
    const second = queue.reclaimOrphans(2);
    expect(second.abandoned.map((r) => r.id)).toEqual([again.id]);
    expect(queue.get(again.id)).toMatchObject({ state: 'queued', abandon: true });
  });

  it('a run cut off by a shutdown does not count the attempt', () => {
    queue.enqueue(command(1, 1));
    const run = queue.claimNext()!;
    queue.requeueInterrupted(run.id);
    expect(queue.get(run.id)).toMatchObject({ state: 'queued', attempts: 0 });
  });
});

it('refuses a second app on the same folder (one line, before any network), and frees it when the first dies', () => {
  // The bundled app, configured well enough to get past its settings; GHE_HOST is closed.
  const other = () =>
    spawnSync(process.execPath, [APP_BUNDLE], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        APP_ID: '1',
        PRIVATE_KEY: appKeys().privateKey,
        WEBHOOK_SECRET: 'x',
        GHE_HOST: '127.0.0.1:9',
        GHE_PROTOCOL: 'http',
        AETHR_DATA_DIR: dir,
      },
    });
  const locked = other();
  expect(locked.status).toBe(1);
  expect(locked.stderr).toMatch(
    /^aethr app: AETHR_DATA_DIR: .*aethr-app\.sqlite is in use by another aethr app process; give each app its own folder\.\n$/,
  );
  queue.close();
  const free = other();
  expect(free.stderr).toMatch(/^aethr app: Could not read the App from GitHub \(GET \/app/);
  queue = RunQueue.open(dir);
});
