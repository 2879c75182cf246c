/**
 * The App's durable queue: one SQLite file in AETHR_DATA_DIR (see queue-db.ts). A delivery is
 * acknowledged only once it is committed here (`accept`; filed as a run moments later by
 * `absorb`), and every state change is one transaction, so a crash at any moment leaves each
 * run accepted, queued, running (an orphan, taken up again at the next start) or finished —
 * never lost, never twice.
 *
 * Rules (the scheduler relies on them):
 * - the same delivery id, or the same dedupe key (PR, head, intent, comment), is filed once;
 * - a newer automatic review of a PR supersedes its queued older ones (arrival order); when the
 *   run starts and the PR head is another, the run of that head wins (`reviveCurrentHead`);
 * - `claimNext` never hands out a run whose subject (PR) already has one running.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { QueueDb, RUN_STATES, SELECT_RUN, type QueuedRun, type RunState } from './queue-db.js';
import type { RunKey } from './run-key.js';

export { QueueLocked, RUN_STATES, type QueuedRun, type RunState } from './queue-db.js';

export interface NewRun {
  delivery: string;
  key: RunKey;
  event: string;
  installationId?: number;
  cloneUrl?: string;
  /** The normalised intent, as JSON. */
  intent: string;
}

/** Attempts at posting the note that abandons a run, past its own attempts. */
const ABANDON_ATTEMPTS = 2;

/** A delivery as accepted: the run's fields without its intent's text. */
type AcceptedRun = Omit<NewRun, 'intent'>;

export type EnqueueResult =
  | { status: 'queued'; id: number; superseded: number }
  | { status: 'revived'; id: number; superseded: number }
  | { status: 'duplicate-delivery' | 'duplicate'; id: number };

export class RunQueue {
  private readonly pending: Array<{
    run: NewRun;
    resolve: () => void;
    reject: (error: unknown) => void;
  }> = [];

  constructor(
    private readonly db: QueueDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens (creating) the queue in `dir`. */
  static open(dir: string): RunQueue {
    mkdirSync(dir, { recursive: true });
    return new RunQueue(new QueueDb(join(dir, 'aethr-app.sqlite')));
  }

  close(): void {
    this.db.close();
  }

  get(id: number): QueuedRun | undefined {
    return this.db.run(`${SELECT_RUN} WHERE runs.id = ?`, id);
  }

  /** Accepts and files one run at once (tests, tools); the App uses `accept` and `absorb`. */
  enqueue(run: NewRun): EnqueueResult {
    return this.db.transaction(() => {
      this.insertIntent(run);
      return this.fileAccepted().at(-1)!.result;
    });
  }

  /**
   * The acknowledgement path's write: one append to `intents`, with group commit — deliveries
   * that arrive together share one transaction, committed before any of them is answered.
   */
  accept(run: NewRun): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ run, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flushPending());
    });
  }

  private flushPending(): void {
    const batch = this.pending.splice(0);
    try {
      this.db.transaction(() => {
        for (const p of batch) this.insertIntent(p.run);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) p.resolve();
  }

  private insertIntent(run: NewRun): number {
    const { intent, ...fields } = run;
    const r = this.db
      .sql('INSERT INTO intents (run, intent) VALUES (?, ?)')
      .run(JSON.stringify(fields), intent);
    return Number(r.lastInsertRowid);
  }

  /** Files every accepted delivery as a run (dedupe, supersede), in one transaction, in order. */
  absorb(): Array<{ run: AcceptedRun; result: EnqueueResult }> {
    return this.db.transaction(() => this.fileAccepted());
  }

  private fileAccepted(): Array<{ run: AcceptedRun; result: EnqueueResult }> {
    const rows = this.db
      .sql('SELECT id, run FROM intents WHERE id > (SELECT through FROM filed) ORDER BY id')
      .all() as Array<{ id: number; run: string }>;
    if (rows.length === 0) return [];
    const filed = rows.map((row) => {
      const run = JSON.parse(row.run) as AcceptedRun;
      return { run, result: this.file(Number(row.id), run) };
    });
    this.db.sql('UPDATE filed SET through = ?').run(rows.at(-1)!.id);
    return filed;
  }

  private file(intentId: number, run: AcceptedRun): EnqueueResult {
    const { key } = run;
    // A redelivery carries the same key as well: one lookup tells both apart.
    const same = this.db
      .sql('SELECT id, delivery, state FROM runs WHERE dedupe_key = ?')
      .get(key.dedupeKey) as { id: number; delivery: string; state: RunState } | undefined;
    if (same?.delivery === run.delivery) return { status: 'duplicate-delivery', id: same.id };
    if (same && same.state !== 'superseded') return { status: 'duplicate', id: same.id };
    if (same) {
      const superseded = key.automatic ? this.supersedeQueued(key.subject, key.dedupeKey) : 0;
      this.revive(same.id, `asked again by delivery ${run.delivery}`);
      return { status: 'revived', id: same.id, superseded };
    }
    const inserted = this.db
      .sql(
        `INSERT INTO runs (intent_id, delivery, dedupe_key, subject, repo, number, head_sha, kind,
           automatic, event, installation_id, clone_url, state, queued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)
         ON CONFLICT (delivery) DO NOTHING`,
      )
      .run(
        intentId,
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
        this.now(),
      );
    if (Number(inserted.changes) === 0) {
      const earlier = this.db.sql('SELECT id FROM runs WHERE delivery = ?').get(run.delivery) as {
        id: number;
      };
      return { status: 'duplicate-delivery', id: earlier.id };
    }
    const superseded = key.automatic ? this.supersedeQueued(key.subject, key.dedupeKey) : 0;
    return { status: 'queued', id: Number(inserted.lastInsertRowid), superseded };
  }

  /** Queued automatic reviews of `subject` other than `keep` give way to a newer push. */
  private supersedeQueued(subject: string, keep: string): number {
    const r = this.db
      .sql(
        `UPDATE runs SET state = 'superseded', finished_at = ?, note = 'a newer push of the pull request arrived'
         WHERE subject = ? AND automatic = 1 AND state = 'queued' AND dedupe_key != ?`,
      )
      .run(this.now(), subject, keep);
    return Number(r.changes);
  }

  private revive(id: number, note: string): void {
    this.db
      .sql(
        `UPDATE runs SET state = 'queued', finished_at = NULL, not_before = 0, note = ? WHERE id = ?`,
      )
      .run(note, id);
  }

  /** The oldest queued run that may start now and whose subject has nothing running, claimed. */
  claimNext(): QueuedRun | undefined {
    // One connection, synchronous calls: nothing runs between the SELECT and the UPDATE, so the
    // common answer ("nothing to start") costs one read and no write transaction.
    const now = this.now();
    const next = this.db
      .sql(
        `SELECT id FROM runs r WHERE state = 'queued' AND not_before <= ?
           AND NOT EXISTS (SELECT 1 FROM runs o WHERE o.subject = r.subject AND o.state = 'running')
         ORDER BY id LIMIT 1`,
      )
      .get(now) as { id: number } | undefined;
    if (!next) return undefined;
    this.db
      .sql(
        `UPDATE runs SET state = 'running', attempts = attempts + 1, started_at = ? WHERE id = ?`,
      )
      .run(now, next.id);
    return this.get(next.id);
  }

  /** When the next queued run may start (for a timer), or undefined when none waits. */
  nextWakeAt(): number | undefined {
    const row = this.db
      .sql(`SELECT MIN(not_before) AS at FROM runs WHERE state = 'queued'`)
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
      .sql(
        `UPDATE runs SET state = ?, outcome = ?, note = COALESCE(?, note), finished_at = ? WHERE id = ?`,
      )
      .run(state, outcome, note ?? null, this.now(), id);
  }

  /** Back to the queue after a failed attempt, not before `delayMs`. */
  retryLater(id: number, note: string, delayMs: number): void {
    this.db
      .sql(`UPDATE runs SET state = 'queued', note = ?, not_before = ? WHERE id = ?`)
      .run(note, this.now() + delayMs, id);
  }

  /** The attempt will not be made after all (the run was cut off by a shutdown). */
  requeueInterrupted(id: number): void {
    this.db
      .sql(
        `UPDATE runs SET state = 'queued', attempts = MAX(attempts - 1, 0), note = 'interrupted by a shutdown'
         WHERE id = ? AND state = 'running'`,
      )
      .run(id);
  }

  /** No more attempts: the next claim posts the note saying so, then the run is `abandoned`. */
  markForAbandon(id: number, note: string): void {
    this.db
      .sql(`UPDATE runs SET state = 'queued', abandon = 1, note = ?, not_before = 0 WHERE id = ?`)
      .run(note, id);
  }

  /**
   * The run's PR head is `currentHead`, not the one it was queued for, so it gives way (the caller
   * finishes it as superseded): the automatic review of `currentHead`, if an older push that
   * arrived late superseded it, is queued again. Returns whether such a run exists.
   */
  reviveCurrentHead(run: QueuedRun, currentHead: string): boolean {
    return this.db.transaction(() => {
      const winner = this.db
        .sql(
          `SELECT id, state FROM runs WHERE subject = ? AND automatic = 1 AND head_sha = ? AND id != ?`,
        )
        .get(run.subject, currentHead, run.id) as { id: number; state: RunState } | undefined;
      if (winner?.state === 'superseded') this.revive(winner.id, 'its head is the current one');
      return winner !== undefined;
    });
  }

  /**
   * Runs a dead process left `running` (this process holds the lock, so every one is an orphan):
   * taken up again while attempts remain, else marked to be abandoned with a note.
   */
  reclaimOrphans(maxAttempts: number): { retried: QueuedRun[]; abandoned: QueuedRun[] } {
    return this.db.transaction(() => {
      const orphans = this.db.runs(`${SELECT_RUN} WHERE runs.state = 'running' ORDER BY runs.id`);
      const retried: QueuedRun[] = [];
      const abandoned: QueuedRun[] = [];
      for (const run of orphans) {
        if (run.abandon && run.attempts >= maxAttempts + ABANDON_ATTEMPTS) {
          // Even posting the note kept killing the app: give up without it.
          this.finish(run.id, 'abandoned', 'abandoned', 'the app stopped while posting the note');
          abandoned.push(run);
        } else if (run.abandon || run.attempts < maxAttempts) {
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
    this.db.sql(`UPDATE runs SET subject_json = ? WHERE id = ?`).run(subjectJson, id);
  }

  recordCheckRun(runId: number, checkRunId: number, attempt: number): void {
    this.db
      .sql(`INSERT OR IGNORE INTO check_runs (run_id, check_run_id, attempt) VALUES (?, ?, ?)`)
      .run(runId, checkRunId, attempt);
  }

  closeCheckRun(runId: number, checkRunId: number): void {
    this.db
      .sql(`UPDATE check_runs SET closed = 1 WHERE run_id = ? AND check_run_id = ?`)
      .run(runId, checkRunId);
  }

  /** Check runs the run created and did not complete (asked as an attempt starts: earlier ones'). */
  openCheckRuns(runId: number): number[] {
    return (
      this.db
        .sql(`SELECT check_run_id FROM check_runs WHERE run_id = ? AND closed = 0`)
        .all(runId) as Array<{ check_run_id: number }>
    ).map((r) => Number(r.check_run_id));
  }

  /** Runs per state; deliveries accepted and not yet filed count as queued. */
  counts(): Record<RunState, number> {
    const out = Object.fromEntries(RUN_STATES.map((s) => [s, 0])) as Record<RunState, number>;
    const unfiled = this.db
      .sql('SELECT COUNT(*) AS n FROM intents WHERE id > (SELECT through FROM filed)')
      .get() as { n: number };
    out.queued = Number(unfiled.n);
    const rows = this.db
      .sql(`SELECT state, COUNT(*) AS n FROM runs GROUP BY state`)
      .all() as Array<{
      state: RunState;
      n: number;
    }>;
    for (const r of rows) out[r.state] += Number(r.n);
    return out;
  }

  recent(limit: number): QueuedRun[] {
    return this.db.runs(`${SELECT_RUN} ORDER BY runs.id DESC LIMIT ?`, limit);
  }

  /** Forgets finished runs older than `ageMs` (their keys no longer dedupe), and their intents. */
  prune(ageMs: number): number {
    return this.db.transaction(() => {
      const r = this.db
        .sql(`DELETE FROM runs WHERE state NOT IN ('queued', 'running') AND finished_at < ?`)
        .run(this.now() - ageMs);
      this.db.sql(`DELETE FROM check_runs WHERE run_id NOT IN (SELECT id FROM runs)`).run();
      this.db
        .sql(
          `DELETE FROM intents WHERE id <= (SELECT through FROM filed)
             AND id NOT IN (SELECT intent_id FROM runs)`,
        )
        .run();
      return Number(r.changes);
    });
  }
}
