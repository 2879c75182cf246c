/**
 * Seeded fault plans for the randomized fault runs (__tests__/security/fault-runs.test.ts): from
 * one integer seed, the event a run serves and the faults it meets on the GitHub stand-in and the
 * model stub. The same seed always draws the same plan, so a failing seed replays exactly:
 *
 *   AETHR_FAULT_SEED=17 AETHR_FAULT_RUNS=1 npm test -- fault-runs
 */
import type { FailureSpec } from './github-standin/types.js';

/** mulberry32: a tiny, well-mixed 32-bit PRNG (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type EventKind =
  | 'review'
  | 'review-command'
  | 'implement-label'
  | 'implement-command'
  | 'help-command'
  /** The trigger label on an issue: a branch run that pushes aethr/issue-N and opens its PR. */
  | 'issue-label';

/** One injected GitHub failure, as the stand-in's `failNext` takes it (no functions: printable). */
export interface GitHubFault {
  kind: Exclude<NonNullable<FailureSpec['kind']>, 'edit'>;
  method: string;
  operationId: string;
  status?: number;
  count: number;
  /** Matching requests let through before this fault. */
  skip?: number;
  delayMs?: number;
}

/** What the model stub answers to the chat request with this index (counted from 0). */
export interface ModelFault {
  at: number;
  kind: 'status' | 'cut' | 'delay';
  status?: number;
  /** `cut`: content deltas sent before the connection drops. */
  afterChunks?: number;
  delayMs?: number;
}

export interface FaultPlan {
  seed: number;
  event: EventKind;
  github: GitHubFault[];
  model: ModelFault[];
  /** A push to the PR branch by someone else: before the run, or while it works. */
  headMove: 'none' | 'before' | 'mid';
  /** `mid`: during the model request with this index (the plan, an implement, a review, …). */
  moveAtCall: number;
  /** What the reviewer says first (implement runs: revise, then pass). */
  verdict: 'pass' | 'revise';
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;

/** The writes that create something: a lost answer here must never mean a second one. */
const CREATES: Record<EventKind, readonly string[]> = {
  review: ['issues/create-comment', 'pulls/create-review', 'checks/create'],
  'review-command': ['issues/create-comment', 'pulls/create-review', 'checks/create'],
  'implement-label': ['issues/create-comment', 'checks/create'],
  'implement-command': ['issues/create-comment', 'checks/create'],
  'help-command': ['issues/create-comment'],
  'issue-label': ['pulls/create', 'issues/create-comment'],
};

/** How a create is looked up after a lost answer, and how many of those reads come before it. */
const LOOKUP: Record<string, { operationId: string; skip: number }> = {
  'issues/create-comment': { operationId: 'issues/list-comments', skip: 1 },
  'pulls/create-review': { operationId: 'pulls/list-review-comments', skip: 1 },
  'checks/create': { operationId: 'checks/list-for-ref', skip: 0 },
  'pulls/create': { operationId: 'pulls/list', skip: 1 },
};

const COMMON = [
  'GET repos/get-collaborator-permission-level',
  'GET issues/list-comments',
  'PATCH issues/update-comment',
  'GET pulls/list-review-comments',
  'PATCH checks/update',
  'GET checks/list-for-ref',
] as const;
const BY_EVENT: Record<EventKind, readonly string[]> = {
  review: [],
  'review-command': [
    'GET pulls/get',
    'GET repos/get-content',
    'POST reactions/create-for-issue-comment',
  ],
  'implement-label': ['GET pulls/get', 'GET repos/get-content', 'DELETE issues/remove-label'],
  'implement-command': [
    'GET pulls/get',
    'GET repos/get-content',
    'POST reactions/create-for-issue-comment',
  ],
  'help-command': ['POST reactions/create-for-issue-comment'],
  'issue-label': [
    'GET issues/get',
    'GET pulls/list',
    'GET repos/get-content',
    'DELETE issues/remove-label',
  ],
};

function operations(event: EventKind): Array<[string, string]> {
  return [...COMMON, ...BY_EVENT[event], ...CREATES[event].map((op) => `POST ${op}`)].map(
    (s) => s.split(' ') as [string, string],
  );
}

/**
 * Mostly within Octokit's retries (3 attempts), sometimes just past them (the caller's own second
 * round must cope), now and then persistent (the run must fail clearly, or say what it could not do).
 */
function drawCount(rng: Rng): number {
  const r = rng();
  return r < 0.08 ? 6 : r < 0.18 ? 3 : r < 0.4 ? 2 : 1;
}

function drawGitHubFaults(rng: Rng, event: EventKind): GitHubFault[] {
  // Half of the faults are lost answers on a create: the case that duplicates.
  if (chance(rng, 0.45)) {
    const operationId = pick(rng, CREATES[event]);
    const lost: GitHubFault = {
      kind: 'lost',
      method: 'POST',
      operationId,
      ...(chance(rng, 0.5) ? { status: pick(rng, [500, 502]) } : {}),
      count: chance(rng, 0.2) ? 2 : 1,
    };
    // Sometimes the look-up after it fails too: that says nothing about whether it was made.
    const lookup = { ...LOOKUP[operationId]! };
    // An issue's comments are not read before its one reply.
    if (event === 'issue-label' && operationId === 'issues/create-comment') lookup.skip = 0;
    return chance(rng, 0.3)
      ? [lost, { kind: 'status', method: 'GET', status: 502, count: 3, ...lookup }]
      : [lost];
  }
  const [method, operationId] = pick(rng, operations(event));
  const kind = pick(rng, [
    'status',
    'status',
    'drop',
    'lost',
    'rate-limit',
    'secondary-rate-limit',
    'delay',
  ] as const);
  const fault: GitHubFault = { kind, method, operationId, count: drawCount(rng) };
  if (kind === 'status' || (kind === 'lost' && chance(rng, 0.5)))
    fault.status = pick(rng, [500, 502, 503]);
  if (kind === 'delay') {
    fault.delayMs = 20 + Math.floor(rng() * 200);
    fault.count = 1;
  }
  if (chance(rng, 0.25)) fault.skip = 1 + Math.floor(rng() * 2);
  return [fault];
}

function drawModelFaults(rng: Rng): ModelFault[] {
  const faults: ModelFault[] = [];
  let at = 0;
  const n = pick(rng, [0, 1, 1, 2, 3]);
  for (let i = 0; i < n; i++) {
    at += Math.floor(rng() * 2);
    const kind = pick(rng, ['status', 'status', 'cut', 'cut', 'delay'] as const);
    if (kind === 'status') faults.push({ at, kind, status: pick(rng, [429, 500, 503]) });
    if (kind === 'cut') faults.push({ at, kind, afterChunks: Math.floor(rng() * 3) });
    if (kind === 'delay') faults.push({ at, kind, delayMs: 20 + Math.floor(rng() * 200) });
    at++;
  }
  // Now and then the model stays down: three errors in a row outlast the client's retries.
  if (chance(rng, 0.06)) {
    const from = Math.floor(rng() * 2);
    for (let k = 0; k < 4; k++) faults.push({ at: from + k, kind: 'status', status: 500 });
  }
  return dedupeByIndex(faults);
}

function dedupeByIndex(faults: ModelFault[]): ModelFault[] {
  const byAt = new Map<number, ModelFault>();
  for (const f of faults) byAt.set(f.at, f);
  return [...byAt.values()].sort((a, b) => a.at - b.at);
}

export function drawPlan(seed: number): FaultPlan {
  // Neighbouring seeds start far apart: the first draws of mulberry32 follow its seed closely.
  const rng = mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35);
  for (let i = 0; i < 4; i++) rng();
  const event = pick(rng, [
    'review',
    'review',
    'review-command',
    'implement-label',
    'implement-command',
    ...(chance(rng, 0.3) ? (['help-command'] as const) : []),
    ...(chance(rng, 0.5) ? (['issue-label'] as const) : []),
  ] as const);
  const github: GitHubFault[] = [];
  const n = pick(rng, [1, 1, 2, 2, 3]);
  for (let i = 0; i < n; i++) github.push(...drawGitHubFaults(rng, event));
  return {
    seed,
    event,
    github,
    model: drawModelFaults(rng),
    headMove: chance(rng, 0.7) ? 'none' : pick(rng, ['before', 'mid'] as const),
    moveAtCall: Math.floor(rng() * 4),
    verdict: chance(rng, 0.5) ? 'pass' : 'revise',
  };
}

/** The plan on one line: what the seed's run meets. */
export function describePlan(plan: FaultPlan): string {
  const gh = plan.github.map(
    (f) =>
      `${f.kind}${f.status ? `:${f.status}` : ''}${f.count > 1 ? `x${f.count}` : ''}${f.skip ? `+${f.skip}` : ''} ${f.method} ${f.operationId}`,
  );
  const model = plan.model.map(
    (f) =>
      `#${f.at} ${f.kind}${f.status ? `:${f.status}` : ''}${f.afterChunks !== undefined ? `@${f.afterChunks}` : ''}`,
  );
  return [
    `event=${plan.event}`,
    `verdict=${plan.verdict}`,
    plan.headMove !== 'none'
      ? `head-moved=${plan.headMove}${plan.headMove === 'mid' ? `@${plan.moveAtCall}` : ''}`
      : '',
    gh.length ? `github=[${gh.join(', ')}]` : '',
    model.length ? `model=[${model.join(', ')}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The stand-in's failure for a planned GitHub fault. */
export function failureOf(fault: GitHubFault): FailureSpec {
  return {
    kind: fault.kind,
    count: fault.count,
    match: { method: fault.method, operationId: fault.operationId },
    ...(fault.status !== undefined ? { status: fault.status } : {}),
    ...(fault.delayMs !== undefined ? { delayMs: fault.delayMs } : {}),
    ...(fault.skip ? { skip: fault.skip } : {}),
    ...(fault.kind === 'rate-limit' ? { resetIn: 1 } : {}),
    ...(fault.kind === 'secondary-rate-limit' ? { retryAfter: 1 } : {}),
  };
}
