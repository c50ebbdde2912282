import type { OutboxJob } from './repository';

export interface JobContext {
  jobId: number;
  /** 1-based, this try included. */
  attempt: number;
  /**
   * The job was left `sending` by a worker that stopped (crash, kill -9) before recording the
   * outcome: the external effect may or may not have happened. The handler must find out
   * before doing it again.
   */
  reconcile: boolean;
  now: number;
}

export type JobOutcome =
  | { outcome: 'done'; result?: unknown }
  /** Worth another try later; `retryAfterMs` when the remote said when (Retry-After). */
  | { outcome: 'retry'; error: string; retryAfterMs?: number | undefined }
  /** The remote refused for good: `error` keeps its own message. */
  | { outcome: 'failed'; error: string }
  /** The remote could not be reached (offline, not configured): try again later, no attempt used. */
  | { outcome: 'unreachable'; error: string };

export interface JobHandler {
  run(payload: unknown, context: JobContext): Promise<JobOutcome>;
  /** Runs inside the transaction that records a final outcome (audit entries, follow-ups). */
  settled?(job: OutboxJob, state: 'done' | 'failed'): void;
}
