import { statSync } from 'node:fs';
import { sqliteDriverPath } from './sqliteDriver';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Logger } from '../log';

/**
 * How often the worker looks at the WAL: a checkpoint follows writes by about this much, so
 * writes close together (autosaves while typing) share one, and the WAL stays a few hundred pages.
 */
export const CHECKPOINT_EVERY_MS = 1_000;

/** The WAL's file is cut back to this once it starts over: about SQLite's 1,000 default pages. */
const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

/** SQLite's default, put back on the main connection when checkpoints cannot run in the background. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

// Plain JS run by the worker. Each checkpoint opens its own connection and closes it at once, and
// says so in shared memory (BUSY) while it holds one; once core has set STOP, it opens none. So
// when `stop()` returns, no connection of the worker is open and none will be: core's own
// connection is the last one when it closes (it then checkpoints and removes the WAL, as before),
// and a restore or a test can touch the file at once.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const flags = new Int32Array(workerData.flags);
const STOP = 0, BUSY = 1;
parentPort.on('message', (message) => {
  if (message === 'stop') {
    parentPort.close();
    return;
  }
  Atomics.store(flags, BUSY, 1);
  if (Atomics.load(flags, STOP) === 1) {
    Atomics.store(flags, BUSY, 0);
    Atomics.notify(flags, BUSY);
    return;
  }
  const started = Date.now();
  let reply;
  try {
    const db = new Database(workerData.path, { fileMustExist: true });
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)');
      reply = { ok: true, busy: row.busy, log: row.log, checkpointed: row.checkpointed, ms: Date.now() - started };
    } finally {
      db.close();
    }
  } catch (error) {
    reply = { ok: false, code: error && typeof error.code === 'string' ? error.code : '', message: error && error.message ? error.message : String(error) };
  } finally {
    Atomics.store(flags, BUSY, 0);
    Atomics.notify(flags, BUSY);
  }
  parentPort.postMessage(reply);
});
`;
const STOP = 0;
const BUSY = 1;
/** How long `stop()` waits for a checkpoint under way to end (one is a few milliseconds; a stuck disk is not waited for). */
const STOP_WAIT_MS = 5_000;

const CheckpointReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), busy: z.number(), log: z.number(), checkpointed: z.number(), ms: z.number() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type CheckpointReply = z.infer<typeof CheckpointReply>;

/**
 * Checkpoints the workspace's WAL on a worker thread instead of inside a save. SQLite's automatic
 * checkpoint runs in the commit that crosses 1,000 WAL pages: that one autosave then copies ~4 MB
 * into the file and syncs it, on core's only thread (20–100 ms on a busy disk, every minute or so
 * of typing), and every request waits behind it. Here core's connection never checkpoints
 * (`wal_autocheckpoint = 0`); a worker runs a PASSIVE checkpoint (it never waits for, nor blocks,
 * core's reads and writes) about a second after writes. Started on the first write once the file
 * is known sound; if the worker cannot run, the main connection checkpoints itself again and the log says why.
 */
export class BackgroundCheckpoints {
  private worker: Worker | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped: Promise<void> | null = null;
  private inFlight = false;
  /** The WAL as the last checkpoint left it (its modification time), so an idle workspace costs a stat a second. */
  private lastSeen = -1;
  private failing = false;
  /** Shared with the worker: STOP (set by core), BUSY (the worker holds a connection). */
  private readonly flags = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));

  constructor(
    private readonly db: Database,
    private readonly path: string,
    private readonly log: Logger,
    private readonly onCheckpoint: (reply: CheckpointReply) => void = () => undefined,
  ) {}

  /**
   * A write went to the WAL: from the first one on, the worker checkpoints whatever was written,
   * by core's requests or its background work, about a second after it was.
   */
  afterWrite(): void {
    if (this.stopped || this.worker) return;
    this.start();
  }

  /**
   * Stops the worker. When this returns, the worker holds no connection to the file and opens
   * none again (a checkpoint under way is waited for); the promise resolves once it has exited.
   * What it did not checkpoint stays in the WAL, which core's connection checkpoints when it closes.
   */
  stop(): Promise<void> {
    if (this.stopped) return this.stopped;
    this.clearTimer();
    Atomics.store(this.flags, STOP, 1);
    if (Atomics.wait(this.flags, BUSY, 1, STOP_WAIT_MS) === 'timed-out') this.log.error(`WAL checkpoint: still under way after ${STOP_WAIT_MS} ms at close`);
    const worker = this.worker;
    this.worker = null;
    this.stopped = worker
      ? new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.postMessage('stop');
        })
      : Promise.resolve();
    return this.stopped;
  }

  private start(): void {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: this.path, driver: sqliteDriverPath(), flags: this.flags.buffer } });
    } catch (error) {
      this.fallBack('could not start', error);
      return;
    }
    worker.unref();
    worker.on('message', (message: unknown) => this.answered(message));
    worker.once('error', (error) => this.fallBack('failed', error));
    worker.once('exit', (code) => {
      if (this.worker === worker) this.fallBack(`stopped (exit ${code})`, null);
    });
    this.db.pragma('wal_autocheckpoint = 0');
    // After a burst of writes (a backup's long read holds the WAL meanwhile), the file shrinks back
    // to the size SQLite's own checkpoints kept it at, once the WAL starts over.
    this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    this.worker = worker;
    this.timer = setInterval(() => this.tick(), CHECKPOINT_EVERY_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (!this.worker || this.inFlight) return;
    let modified: number;
    try {
      modified = statSync(`${this.path}-wal`).mtimeMs;
    } catch {
      return; // no WAL: nothing written since the last connection closed
    }
    if (modified === this.lastSeen) return;
    this.lastSeen = modified;
    this.inFlight = true;
    this.worker.postMessage('checkpoint');
  }

  private answered(message: unknown): void {
    this.inFlight = false;
    const parsed = CheckpointReply.safeParse(message);
    if (!parsed.success) {
      this.log.error('WAL checkpoint: the worker answered something unexpected', parsed.error);
      return;
    }
    const reply = parsed.data;
    if (!reply.ok) {
      // Said once per run of failures (a full disk fails every checkpoint until space is freed);
      // the next tick tries again.
      if (!this.failing) this.log.error(`WAL checkpoint failed (${reply.code}): ${reply.message}; the writes stay in ${this.path}-wal until one succeeds`);
      this.failing = true;
      this.lastSeen = -1;
    } else if (this.failing) {
      this.failing = false;
      this.log.info(`WAL checkpoint succeeded again (${reply.checkpointed} of ${reply.log} pages)`);
    }
    this.onCheckpoint(reply);
  }

  private clearTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Without the worker, the main connection checkpoints itself again, as SQLite does by default. */
  private fallBack(what: string, error: unknown): void {
    this.log.error(`WAL checkpoints in the background ${what}; core's connection checkpoints itself again`, error ?? undefined);
    this.worker = null;
    this.stopped = Promise.resolve();
    this.clearTimer();
    try {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    } catch (pragmaError) {
      this.log.error('WAL checkpoint: the default could not be put back', pragmaError);
    }
  }
}
