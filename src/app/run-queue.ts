/**
 * The App's durable queue: one SQLite file in AETHR_DATA_DIR (Node's built-in `node:sqlite`, no
 * server). A delivery is acknowledged only once its run is committed here, and every state change
 * is one transaction, so a crash at any moment leaves each run queued, running (an orphan, taken
 * up again at the next start) or finished — never lost, never twice.
 *
 * Rules (the scheduler relies on them):
 * - the same delivery id, or the same dedupe key (PR, head, intent, comment), is enqueued once;
 * - a newer automatic review of a PR supersedes its queued older ones (arrival order); when the
 *   run starts and the PR head is another, the run of that head wins (`supersedeStale`);
 * - `claimNext` never hands out a run whose subject (PR) already has one running;
 * - the process holds the database's lock while it runs (`locking_mode=EXCLUSIVE`): a second app
 *   on the same folder fails at start, and the OS releases the lock when the process dies.
 *
 * WAL with `synchronous=NORMAL`: a commit survives the process being killed (it is in the OS
 * before the call returns); only a power loss may take the last commits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { AethrError } from '../errors.js';
import type { RunKey } from './run-key.js';

export type RunState = 'queued' | 'running' | 'done' | 'failed' | 'superseded' | 'abandoned';
export const RUN_STATES: readonly RunState[] = [
  'queued',
  'running',
  'done',
  'failed',
  'superseded',
  'abandoned',
];

export interface NewRun {
  delivery: string;
  key: RunKey;
  event: string;
  installationId?: number;
  cloneUrl?: string;
  /** The normalised intent, as JSON. */
  intent: string;
}

export interface QueuedRun {
  id: number;
  delivery: string;
  subject: string;
  repo: string;
  number: number;
  headSha: string | null;
  kind: string;
  automatic: boolean;
  event: string;
  installationId: number | null;
  cloneUrl: string | null;
  intent: string;
  state: RunState;
  /** Attempts started so far (the one being made included, once claimed). */
  attempts: number;
  /** Set when the run ran out of attempts: the next claim only posts the note saying so. */
  abandon: boolean;
  note: string | null;
  outcome: string | null;
  /** The run's subject as the publishers saw it at start (JSON), to post a note on later. */
  subjectJson: string | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export type EnqueueResult =
  | { status: 'queued'; id: number; superseded: number }
  | { status: 'revived'; id: number; superseded: number }
  | { status: 'duplicate-delivery' | 'duplicate'; id: number };

export class QueueLocked extends AethrError {
  override name = 'QueueLocked';
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  delivery TEXT NOT NULL UNIQUE,
  dedupe_key TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  repo TEXT NOT NULL,
  number INTEGER NOT NULL,
  head_sha TEXT,
  kind TEXT NOT NULL,
  automatic INTEGER NOT NULL,
  event TEXT NOT NULL,
  installation_id INTEGER,
  clone_url TEXT,
  intent TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  abandon INTEGER NOT NULL DEFAULT 0,
  not_before INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  outcome TEXT,
  subject_json TEXT,
  queued_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE INDEX IF NOT EXISTS runs_by_state ON runs (state, not_before, id);
CREATE INDEX IF NOT EXISTS runs_by_subject ON runs (subject, state);
CREATE TABLE IF NOT EXISTS check_runs (
  run_id INTEGER NOT NULL,
  check_run_id INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  closed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, check_run_id)
);
`;

type Row = Record<string, SQLInputValue>;

function toRun(row: Row): QueuedRun {
  const num = (v: SQLInputValue): number | null => (v === null ? null : Number(v));
  const str = (v: SQLInputValue): string | null => (v === null ? null : String(v));
  return {
    id: Number(row.id),
    delivery: String(row.delivery),
    subject: String(row.subject),
    repo: String(row.repo),
    number: Number(row.number),
    headSha: str(row.head_sha!),
    kind: String(row.kind),
    automatic: Number(row.automatic) === 1,
    event: String(row.event),
    installationId: num(row.installation_id!),
    cloneUrl: str(row.clone_url!),
    intent: String(row.intent),
    state: String(row.state) as RunState,
    attempts: Number(row.attempts),
    abandon: Number(row.abandon) === 1,
    note: str(row.note!),
    outcome: str(row.outcome!),
    subjectJson: str(row.subject_json!),
    queuedAt: Number(row.queued_at),
    startedAt: num(row.started_at!),
    finishedAt: num(row.finished_at!),
  };
}

export class RunQueue {
  private readonly db: DatabaseSync;

  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {
    try {
      this.db = new DatabaseSync(path);
      this.db.exec('PRAGMA busy_timeout = 0');
      this.db.exec('PRAGMA locking_mode = EXCLUSIVE');
      this.db.exec('PRAGMA journal_mode = WAL');
      this.db.exec('PRAGMA synchronous = NORMAL');
      // Takes the lock now (a write), so a second app fails here and not on its first delivery.
      this.transaction(() => this.db.exec(SCHEMA));
    } catch (error) {
      if ((error as { errcode?: number }).errcode === 5)
        throw new QueueLocked(
          `AETHR_DATA_DIR: ${path} is in use by another aethr app process; give each app its own folder.`,
        );
      throw error;
    }
  }

  /** Opens (creating) the queue in `dir`. */
  static open(dir: string): RunQueue {
    mkdirSync(dir, { recursive: true });
    return new RunQueue(join(dir, 'aethr-app.sqlite'));
  }

  close(): void {
    this.db.close();
  }

  private transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private row(sql: string, ...params: SQLInputValue[]): QueuedRun | undefined {
    const row = this.db.prepare(sql).get(...params) as Row | undefined;
    return row ? toRun(row) : undefined;
  }

  get(id: number): QueuedRun | undefined {
    return this.row('SELECT * FROM runs WHERE id = ?', id);
  }

  enqueue(run: NewRun): EnqueueResult {
    return this.transaction(() => {
      const byDelivery = this.row('SELECT * FROM runs WHERE delivery = ?', run.delivery);
      if (byDelivery) return { status: 'duplicate-delivery', id: byDelivery.id };
      const { key } = run;
      const same = this.row('SELECT * FROM runs WHERE dedupe_key = ?', key.dedupeKey);
      if (same && same.state !== 'superseded') return { status: 'duplicate', id: same.id };
      const superseded = key.automatic ? this.supersedeQueued(key.subject, key.dedupeKey) : 0;
      if (same) {
        this.revive(same.id, `asked again by delivery ${run.delivery}`);
        return { status: 'revived', id: same.id, superseded };
      }
      const result = this.db
        .prepare(
          `INSERT INTO runs (delivery, dedupe_key, subject, repo, number, head_sha, kind, automatic,
             event, installation_id, clone_url, intent, state, queued_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`,
        )
        .run(
          run.delivery,
          key.dedupeKey,
          key.subject,
          key.repo,
          key.number,
          key.headSha ?? null,
          key.kind,
          key.automatic ? 1 : 0,
          run.event,
          run.installationId ?? null,
          run.cloneUrl ?? null,
          run.intent,
          this.now(),
        );
      return { status: 'queued', id: Number(result.lastInsertRowid), superseded };
    });
  }

  /** Queued automatic reviews of `subject` other than `keep` give way to a newer push. */
  private supersedeQueued(subject: string, keep: string): number {
    const r = this.db
      .prepare(
        `UPDATE runs SET state = 'superseded', finished_at = ?, note = 'a newer push of the pull request arrived'
         WHERE subject = ? AND automatic = 1 AND state = 'queued' AND dedupe_key != ?`,
      )
      .run(this.now(), subject, keep);
    return Number(r.changes);
  }

  private revive(id: number, note: string): void {
    this.db
      .prepare(
        `UPDATE runs SET state = 'queued', finished_at = NULL, not_before = 0, note = ? WHERE id = ?`,
      )
      .run(note, id);
  }

  /**
   * The oldest queued run that may start now and whose subject has nothing running; it becomes
   * `running` (one more attempt) in the same transaction.
   */
  claimNext(): QueuedRun | undefined {
    return this.transaction(() => {
      const now = this.now();
      const next = this.row(
        `SELECT * FROM runs r WHERE state = 'queued' AND not_before <= ?
           AND NOT EXISTS (SELECT 1 FROM runs o WHERE o.subject = r.subject AND o.state = 'running')
         ORDER BY id LIMIT 1`,
        now,
      );
      if (!next) return undefined;
      this.db
        .prepare(
          `UPDATE runs SET state = 'running', attempts = attempts + 1, started_at = ? WHERE id = ?`,
        )
        .run(now, next.id);
      return this.get(next.id);
    });
  }

  /** When the next queued run may start (for a timer), or undefined when none waits. */
  nextWakeAt(): number | undefined {
    const row = this.db
      .prepare(`SELECT MIN(not_before) AS at FROM runs WHERE state = 'queued'`)
      .get() as { at: number | null } | undefined;
    return row?.at ?? undefined;
  }

  finish(
    id: number,
    state: Exclude<RunState, 'queued' | 'running'>,
    outcome: string,
    note?: string,
  ): void {
    this.db
      .prepare(
        `UPDATE runs SET state = ?, outcome = ?, note = COALESCE(?, note), finished_at = ? WHERE id = ?`,
      )
      .run(state, outcome, note ?? null, this.now(), id);
  }

  /** Back to the queue after a failed attempt, not before `delayMs`. */
  retryLater(id: number, note: string, delayMs: number): void {
    this.db
      .prepare(`UPDATE runs SET state = 'queued', note = ?, not_before = ? WHERE id = ?`)
      .run(note, this.now() + delayMs, id);
  }

  /** The attempt will not be made after all (the run was cut off by a shutdown). */
  requeueInterrupted(id: number): void {
    this.db
      .prepare(
        `UPDATE runs SET state = 'queued', attempts = MAX(attempts - 1, 0), note = 'interrupted by a shutdown'
         WHERE id = ? AND state = 'running'`,
      )
      .run(id);
  }

  /** No more attempts: the next claim posts the note saying so, then the run is `abandoned`. */
  markForAbandon(id: number, note: string): void {
    this.db
      .prepare(
        `UPDATE runs SET state = 'queued', abandon = 1, note = ?, not_before = 0 WHERE id = ?`,
      )
      .run(note, id);
  }

  /**
   * The run's PR head is `currentHead`, not the one it was queued for, so it gives way (the caller
   * finishes it as superseded): the automatic review of `currentHead`, if an older push that
   * arrived late superseded it, is queued again. Returns whether such a run exists.
   */
  reviveCurrentHead(run: QueuedRun, currentHead: string): boolean {
    return this.transaction(() => {
      const winner = this.row(
        `SELECT * FROM runs WHERE subject = ? AND automatic = 1 AND head_sha = ? AND id != ?`,
        run.subject,
        currentHead,
        run.id,
      );
      if (winner?.state === 'superseded') this.revive(winner.id, 'its head is the current one');
      return winner !== undefined;
    });
  }

  /**
   * Runs a dead process left `running` (this process holds the lock, so every one is an orphan):
   * taken up again while attempts remain, else marked to be abandoned with a note.
   */
  reclaimOrphans(maxAttempts: number): { retried: QueuedRun[]; abandoned: QueuedRun[] } {
    return this.transaction(() => {
      const orphans = (
        this.db.prepare(`SELECT * FROM runs WHERE state = 'running' ORDER BY id`).all() as Row[]
      ).map(toRun);
      const retried: QueuedRun[] = [];
      const abandoned: QueuedRun[] = [];
      for (const run of orphans) {
        if (run.abandon || run.attempts < maxAttempts) {
          this.revive(
            run.id,
            `taken up again after the app stopped during attempt ${run.attempts}`,
          );
          retried.push(run);
        } else {
          this.markForAbandon(
            run.id,
            `the app stopped during each of its ${run.attempts} attempt(s)`,
          );
          abandoned.push(run);
        }
      }
      return { retried, abandoned };
    });
  }

  recordSubject(id: number, subjectJson: string): void {
    this.db.prepare(`UPDATE runs SET subject_json = ? WHERE id = ?`).run(subjectJson, id);
  }

  recordCheckRun(runId: number, checkRunId: number, attempt: number): void {
    this.db
      .prepare(`INSERT OR IGNORE INTO check_runs (run_id, check_run_id, attempt) VALUES (?, ?, ?)`)
      .run(runId, checkRunId, attempt);
  }

  closeCheckRun(runId: number, checkRunId: number): void {
    this.db
      .prepare(`UPDATE check_runs SET closed = 1 WHERE run_id = ? AND check_run_id = ?`)
      .run(runId, checkRunId);
  }

  /** Check runs the run created and did not complete (asked as an attempt starts: earlier ones'). */
  openCheckRuns(runId: number): number[] {
    return (
      this.db
        .prepare(`SELECT check_run_id FROM check_runs WHERE run_id = ? AND closed = 0`)
        .all(runId) as Array<{ check_run_id: number }>
    ).map((r) => Number(r.check_run_id));
  }

  counts(): Record<RunState, number> {
    const out = Object.fromEntries(RUN_STATES.map((s) => [s, 0])) as Record<RunState, number>;
    const rows = this.db
      .prepare(`SELECT state, COUNT(*) AS n FROM runs GROUP BY state`)
      .all() as Array<{ state: RunState; n: number }>;
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }

  recent(limit: number): QueuedRun[] {
    return (this.db.prepare(`SELECT * FROM runs ORDER BY id DESC LIMIT ?`).all(limit) as Row[]).map(
      toRun,
    );
  }

  /** Forgets finished runs older than `ageMs` (their keys no longer dedupe). */
  prune(ageMs: number): number {
    const r = this.db
      .prepare(`DELETE FROM runs WHERE state NOT IN ('queued', 'running') AND finished_at < ?`)
      .run(this.now() - ageMs);
    this.db.exec(`DELETE FROM check_runs WHERE run_id NOT IN (SELECT id FROM runs)`);
    return Number(r.changes);
  }
}
