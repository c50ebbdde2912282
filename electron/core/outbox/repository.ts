import type { Database } from 'better-sqlite3';
import { OutboxState } from '../../../shared/signoff/outboxJob';
import type { OutboxJobView } from '../../../shared/signoff/outboxJob';

export interface OutboxJob {
  id: number;
  kind: string;
  idempotencyKey: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  notBefore: number;
  lockedUntil: number | null;
  lastError: string | null;
  result: unknown;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

interface OutboxRow {
  id: number;
  kind: string;
  idempotency_key: string;
  payload: string;
  state: string;
  attempts: number;
  not_before: number;
  locked_until: number | null;
  last_error: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

const toJob = (row: OutboxRow): OutboxJob => ({
  id: row.id,
  kind: row.kind,
  idempotencyKey: row.idempotency_key,
  payload: JSON.parse(row.payload) as unknown,
  state: OutboxState.parse(row.state),
  attempts: row.attempts,
  notBefore: row.not_before,
  lockedUntil: row.locked_until,
  lastError: row.last_error,
  result: row.result === null ? null : (JSON.parse(row.result) as unknown),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

export const toView = (job: OutboxJob): OutboxJobView => {
  const postId = typeof job.payload === 'object' && job.payload !== null && 'postId' in job.payload ? job.payload.postId : null;
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    attempts: job.attempts,
    notBefore: job.notBefore,
    lastError: job.lastError,
    postId: typeof postId === 'string' ? postId : null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
};

/** The only code that writes the outbox table. */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Inserts once per idempotency key; a second enqueue of the same key returns the first job. */
  enqueue(kind: string, key: string, payload: unknown, notBefore: number, now: number): OutboxJob {
    this.db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, payload, state, attempts, not_before, created_at, updated_at)
         VALUES (?, ?, ?, 'queued', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(kind, key, JSON.stringify(payload), notBefore, now, now);
    const job = this.byKey(key);
    if (!job) throw new Error(`outbox job ${key} vanished`);
    return job;
  }

  get(id: number): OutboxJob | null {
    const row = this.db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id);
    return row ? toJob(row) : null;
  }

  byKey(key: string): OutboxJob | null {
    const row = this.db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE idempotency_key = ?').get(key);
    return row ? toJob(row) : null;
  }

  /**
   * The oldest job to run now among `kinds`: a queued one whose time has come, or one left
   * `sending` by a worker whose lease ran out (it crashed: the job must be reconciled).
   */
  nextDue(kinds: readonly string[], now: number): OutboxJob | null {
    if (kinds.length === 0) return null;
    const row = this.db
      .prepare<unknown[], OutboxRow>(
        `SELECT * FROM outbox
         WHERE kind IN (${kinds.map(() => '?').join(', ')})
           AND ((state = 'queued' AND not_before <= ?) OR (state = 'sending' AND locked_until <= ?))
         ORDER BY id LIMIT 1`,
      )
      .get(...kinds, now, now);
    return row ? toJob(row) : null;
  }

  /**
   * Jobs left `sending` by a process that died: due for reconciliation now rather than when
   * their lease would have run out (only called by the process that owns the workspace lock).
   */
  releaseAbandoned(now: number): number {
    return this.db.prepare(`UPDATE outbox SET locked_until = ? WHERE state = 'sending' AND locked_until > ?`).run(now, now).changes;
  }

  /** Marks the job `sending` before its external call, if nobody changed it meanwhile. */
  claim(job: OutboxJob, lockedUntil: number, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'sending', attempts = attempts + 1, locked_until = ?, updated_at = ?
           WHERE id = ? AND state = ? AND updated_at = ?`,
        )
        .run(lockedUntil, now, job.id, job.state, job.updatedAt).changes === 1
    );
  }

  finish(id: number, state: 'done' | 'failed', result: unknown, error: string | null, now: number): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = ?, result = ?, last_error = ?, locked_until = NULL, finished_at = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(state, result === undefined || result === null ? null : JSON.stringify(result), error, now, now, id);
  }

  /** Back to the queue; `refundAttempt` when the try never reached the remote (offline). */
  requeue(id: number, notBefore: number, error: string, refundAttempt: boolean, now: number): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'queued', not_before = ?, last_error = ?, locked_until = NULL, updated_at = ?,
           attempts = attempts - ? WHERE id = ?`,
      )
      .run(notBefore, error, now, refundAttempt ? 1 : 0, id);
  }

  /** Cancels a job that has not started; one already `sending` cannot be called back. */
  cancel(key: string, now: number): boolean {
    return (
      this.db
        .prepare(`UPDATE outbox SET state = 'cancelled', finished_at = ?, updated_at = ? WHERE idempotency_key = ? AND state = 'queued'`)
        .run(now, now, key).changes === 1
    );
  }

  retry(id: number, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'queued', attempts = 0, not_before = ?, finished_at = NULL, updated_at = ?
           WHERE id = ? AND state IN ('failed', 'cancelled')`,
        )
        .run(now, now, id).changes === 1
    );
  }

  /** Everything not finished, then the latest finished ones. */
  list(limit: number): OutboxJob[] {
    return this.db
      .prepare<[number], OutboxRow>(
        `SELECT * FROM outbox ORDER BY state IN ('done', 'cancelled'), id DESC LIMIT ?`,
      )
      .all(limit)
      .map(toJob);
  }
}
