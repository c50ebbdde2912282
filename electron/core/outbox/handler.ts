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

/**
 * `error` is what the job records (`last_error`, shown by the UI: mail jobs store an encoded
 * `MailFailure`); `detail`, when given, is what plume.log says instead (the library's or the
 * system's own words, which the UI never shows).
 */
export type JobOutcome =
  | { outcome: 'done'; result?: unknown }
  /** Worth another try later, an attempt used; `retryAfterMs` when the remote said when (Retry-After). */
  | { outcome: 'retry'; error: string; retryAfterMs?: number | undefined; detail?: string | undefined }
  /** The remote refused for good: `error` keeps its own message. */
  | { outcome: 'failed'; error: string; detail?: string | undefined }
  /** The remote could not be reached (offline, not configured): try again later, no attempt used. */
  | { outcome: 'unreachable'; error: string; detail?: string | undefined };

export interface JobHandler {
  run(payload: unknown, context: JobContext): Promise<JobOutcome>;
  /** Runs inside the transaction that records a final outcome (audit entries, follow-ups). */
  settled?(job: OutboxJob, state: 'done' | 'failed'): void;
}
