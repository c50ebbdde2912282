import type { Database } from 'better-sqlite3';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { backoffDelay, defaultBackoff } from './backoff';
import type { BackoffPolicy } from './backoff';
import type { Connectivity } from './connectivity';
import type { JobHandler, JobOutcome } from './handler';
import type { OutboxJob, OutboxRepository } from './repository';

export interface OutboxOptions {
  /** How long a claimed job belongs to this worker; past it, the job is reconciled. */
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Delay before trying again a job whose remote was unreachable. */
  unreachableDelayMs?: number;
  random?: () => number;
}

const MAX_JOBS_PER_TICK = 50;
/** Shortest interval between two `outbox.changed` from the running jobs. */
const ANNOUNCE_MS = 250;

/**
 * Sends what the outbox holds. Each job is marked `sending` (committed) before its external
 * call; its outcome is recorded after. Jobs run one at a time, oldest first; a kind whose
 * remote is unreachable stops for the rest of the tick so its jobs keep their order.
 */
export class OutboxWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly leaseMs: number;
  /** Tries a job gets (a `retry` outcome uses one); past it, the job fails. */
  readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly unreachableDelayMs: number;
  private readonly random: () => number;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    private readonly jobs: OutboxRepository,
    private readonly connectivity: Connectivity,
    private readonly events: EventBus,
    private readonly log: Logger,
    options: OutboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? defaultBackoff;
    this.unreachableDelayMs = options.unreachableDelayMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** After a crash: what the dead process was sending is looked up on the remote at the next tick. */
  releaseAbandoned(now: number): void {
    const released = this.jobs.releaseAbandoned(now);
    if (released > 0) this.log.info(`outbox: ${released} job(s) left sending by a stopped process, to reconcile`);
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`Outbox kind registered twice: ${kind}`);
    this.handlers.set(kind, handler);
  }

  /** Synchronous, so a service can enqueue inside the transaction that decided to send. */
  enqueue(kind: string, key: string, payload: unknown, notBefore: number, now: number): OutboxJob {
    const job = this.jobs.enqueue(kind, key, payload, notBefore, now);
    this.changed();
    return job;
  }

  /** Runs the due jobs; a tick already under way is joined rather than doubled. Returns how many ran. */
  tick(now: number): Promise<number> {
    this.running ??= this.runDue(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runDue(now: number): Promise<number> {
    const blocked = new Set<string>();
    let ran = 0;
    for (let turn = 0; turn < MAX_JOBS_PER_TICK && this.connectivity.online; turn++) {
      const kinds = [...this.handlers.keys()].filter((kind) => !blocked.has(kind));
      const job = this.jobs.nextDue(kinds, now);
      if (!job) break;
      const handler = this.handlers.get(job.kind);
      if (!handler) break;
      const reconcile = job.state === 'sending';
      if (!this.jobs.claim(job, now + this.leaseMs, now)) continue;
      this.changed();
      ran++;
      const attempt = job.attempts + 1;
      let outcome: JobOutcome;
      try {
        outcome = await handler.run(job.payload, { jobId: job.id, attempt, reconcile, now });
      } catch (error) {
        this.log.error(`outbox job ${job.id} (${job.kind}) threw`, error);
        outcome = { outcome: 'retry', error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' };
      }
      if (outcome.outcome === 'unreachable') blocked.add(job.kind);
      this.logOutcome(job.id, job.kind, attempt, outcome);
      try {
        this.record(job.id, handler, attempt, outcome, now);
      } catch (error) {
        // The job stays `sending`; when its lease runs out it is reconciled, never blindly redone.
        this.log.error(`outbox job ${job.id} (${job.kind}): recording the outcome failed`, error);
      }
    }
    return ran;
  }

  /** The last outage logged per job kind: an outage is logged when it starts or changes, not at every tick. */
  private readonly outages = new Map<string, string>();

  /** Outages (SMTP/IMAP or network down), retries, failures and skipped sends go to plume.log. */
  private logOutcome(id: number, kind: string, attempt: number, outcome: JobOutcome): void {
    const job = `outbox job ${id} (${kind}) attempt ${attempt}`;
    if (outcome.outcome === 'unreachable') {
      const said = outcome.detail ?? outcome.error;
      if (this.outages.get(kind) !== said) this.log.error(`${job}: unreachable: ${said} (no attempt used)`);
      this.outages.set(kind, said);
      return;
    }
    if (this.outages.delete(kind) && outcome.outcome === 'done') this.log.info(`outbox ${kind}: reachable again`);
    if (outcome.outcome === 'retry') this.log.info(`${job} of ${this.maxAttempts}: will retry: ${outcome.detail ?? outcome.error}`);
    else if (outcome.outcome === 'failed') this.log.error(`${job} failed: ${outcome.detail ?? outcome.error}`);
    else {
      const result = outcome.result;
      if (result !== null && typeof result === 'object' && 'skipped' in result) this.log.info(`${job}: skipped (${String(result.skipped)})`);
    }
  }

  private record(id: number, handler: JobHandler, attempt: number, outcome: JobOutcome, now: number): void {
    this.db.transaction(() => {
      switch (outcome.outcome) {
        case 'done':
          this.jobs.finish(id, 'done', outcome.result ?? null, null, now);
          break;
        case 'failed':
          this.jobs.finish(id, 'failed', null, outcome.error, now);
          break;
        case 'unreachable':
          this.jobs.requeue(id, now + this.unreachableDelayMs, outcome.error, true, now);
          return;
        case 'retry':
          if (attempt >= this.maxAttempts) {
            this.jobs.finish(id, 'failed', null, outcome.error, now);
            break;
          }
          this.jobs.requeue(id, now + (outcome.retryAfterMs ?? backoffDelay(attempt, this.backoff, this.random)), outcome.error, false, now);
          return;
      }
      const job = this.jobs.get(id);
      if (job && (job.state === 'done' || job.state === 'failed')) handler.settled?.(job, job.state);
    })();
    this.changed();
  }

  private lastAnnounced = 0;
  private announceTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * `outbox.changed` at most once per ANNOUNCE_MS while jobs start and settle back to back
   * (hundreds of engagement readings skipped in one tick sent two events each, and each event has
   * every open page re-read its queues): the first change is announced at once, the rest together
   * at the end of the interval.
   */
  private changed(): void {
    if (this.announceTimer !== null) return;
    const wait = this.lastAnnounced + ANNOUNCE_MS - performance.now();
    const announce = () => {
      this.announceTimer = null;
      this.lastAnnounced = performance.now();
      this.events.emit({ type: 'outbox.changed' });
    };
    if (wait <= 0) announce();
    else {
      this.announceTimer = setTimeout(announce, wait);
      this.announceTimer.unref();
    }
  }

  cancel(key: string, now: number): boolean {
    const cancelled = this.jobs.cancel(key, now);
    if (cancelled) this.events.emit({ type: 'outbox.changed' });
    return cancelled;
  }

  retry(id: number, now: number): OutboxJob | null {
    const retried = this.jobs.retry(id, now);
    if (retried) this.events.emit({ type: 'outbox.changed' });
    return this.jobs.get(id);
  }

  list(limit = 200): OutboxJob[] {
    return this.jobs.list(limit);
  }
}

