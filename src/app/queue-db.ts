/**
 * The queue's SQLite file (Node's built-in `node:sqlite`): its schema, how a run row reads, and
 * the connection settings the queue's promises rest on.
 *
 * - `locking_mode=EXCLUSIVE`: the process holds the database's lock while it runs, so a second
 *   app on the same folder fails at start, and the OS releases the lock when the process dies.
 * - WAL with `synchronous=NORMAL`: a commit survives the process being killed (it is in the OS
 *   before the call returns); only a power loss may take the last commits. Checkpoints are rare
 *   (every 20,000 pages), so a burst of deliveries does not stall on them.
 * - Deliveries land in `intents` (append-only, the intent's text written once); `runs` rows are
 *   small and point at them.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { AethrError } from '../errors.js';

export type RunState = 'queued' | 'running' | 'done' | 'failed' | 'superseded' | 'abandoned';
export const RUN_STATES: readonly RunState[] = [
  'queued',
  'running',
  'done',
  'failed',
  'superseded',
  'abandoned',
];

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
  /** The normalised intent, as JSON. */
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

export class QueueLocked extends AethrError {
  override name = 'QueueLocked';
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS intents (
  id INTEGER PRIMARY KEY,
  run TEXT NOT NULL,
  intent TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS filed (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  through INTEGER NOT NULL
);
INSERT OR IGNORE INTO filed (id, through) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  intent_id INTEGER NOT NULL,
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
PRAGMA user_version = 1;
`;

/** Selects whole runs, their intent's text included. */
export const SELECT_RUN =
  'SELECT runs.*, intents.intent AS intent FROM runs JOIN intents ON intents.id = runs.intent_id';

export type Row = Record<string, SQLInputValue>;

export function toRun(row: Row): QueuedRun {
  const num = (v: SQLInputValue | undefined): number | null =>
    v === null || v === undefined ? null : Number(v);
  const str = (v: SQLInputValue | undefined): string | null =>
    v === null || v === undefined ? null : String(v);
  return {
    id: Number(row.id),
    delivery: String(row.delivery),
    subject: String(row.subject),
    repo: String(row.repo),
    number: Number(row.number),
    headSha: str(row.head_sha),
    kind: String(row.kind),
    automatic: Number(row.automatic) === 1,
    event: String(row.event),
    installationId: num(row.installation_id),
    cloneUrl: str(row.clone_url),
    intent: String(row.intent),
    state: String(row.state) as RunState,
    attempts: Number(row.attempts),
    abandon: Number(row.abandon) === 1,
    note: str(row.note),
    outcome: str(row.outcome),
    subjectJson: str(row.subject_json),
    queuedAt: Number(row.queued_at),
    startedAt: num(row.started_at),
    finishedAt: num(row.finished_at),
  };
}

/** One connection with prepared statements kept (the acknowledgement path runs a handful). */
export class QueueDb {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly path: string) {
    try {
      this.db = new DatabaseSync(path);
      this.db.exec('PRAGMA busy_timeout = 0');
      this.db.exec('PRAGMA locking_mode = EXCLUSIVE');
      this.db.exec('PRAGMA journal_mode = WAL');
      this.db.exec('PRAGMA synchronous = NORMAL');
      this.db.exec('PRAGMA wal_autocheckpoint = 20000');
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

  sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  run(text: string, ...params: SQLInputValue[]): QueuedRun | undefined {
    const row = this.sql(text).get(...params) as Row | undefined;
    return row ? toRun(row) : undefined;
  }

  runs(text: string, ...params: SQLInputValue[]): QueuedRun[] {
    return (this.sql(text).all(...params) as Row[]).map(toRun);
  }

  transaction<T>(fn: () => T): T {
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

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
