import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { InboxWatcher } from '../mail/inboxWatcher';
import type { Connectivity } from '../outbox/connectivity';
import type { OutboxWorker } from '../outbox/worker';
import type { DeadlineKeeper } from '../signoff/deadlines';
import type { InboxReader } from '../signoff/inboxReader';

export interface TickReport {
  inbox: 'read' | 'watched' | 'notConfigured' | 'offline' | 'failed';
  expired: number;
  reminders: number;
  held: number;
  sent: number;
}

/** A step others add to the tick (publication, issue 7); runs after holds, before the outbox. */
export type SchedulerStep = (now: number) => Promise<void> | void;

export interface SchedulerOptions {
  clock: Clock;
  log: Logger;
  connectivity: Connectivity;
  outbox: OutboxWorker;
  inbox: InboxReader;
  deadlines: DeadlineKeeper;
  intervalMs?: number;
  /** Core's own connectivity check while offline; null when it cannot tell. */
  probe?: () => Promise<boolean | null>;
}

/**
 * The background heartbeat. `tick(now)` does one pass, in this order:
 *   1. replies: read the inbox (unless an IDLE watcher already does), so a decision that
 *      arrived is applied before its deadline is judged;
 *   2. deadlines: open requests past their deadline expire — skipped when the inbox could not
 *      be read (offline), since a reply may be waiting there;
 *   3. reminders due are queued;
 *   4. posts whose publication time came without approval are held (never published);
 *   5. added steps (publication);
 *   6. the outbox sends what is due (nothing while offline).
 * Tests call `tick(now)` with a manual clock; the app calls `start()` for a timer loop.
 */
export class Scheduler {
  private readonly steps: SchedulerStep[] = [];
  private readonly intervalMs: number;
  private ticking: Promise<TickReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private looping = false;
  private rerun = false;
  private watcher: InboxWatcher | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.intervalMs = options.intervalMs ?? 30_000;
    options.connectivity.onChange((online) => {
      if (online) this.wake();
    });
  }

  addStep(step: SchedulerStep): void {
    this.steps.push(step);
  }

  tick(now: number): Promise<TickReport> {
    this.ticking ??= this.pass(now).finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async pass(now: number): Promise<TickReport> {
    const { connectivity, inbox, deadlines, outbox } = this.options;
    let inboxState: TickReport['inbox'];
    if (!inbox.configured) inboxState = 'notConfigured';
    else if (!connectivity.online) inboxState = 'offline';
    else if (this.watcher?.running) inboxState = 'watched';
    else {
      const result = await inbox.poll();
      inboxState = result.status === 'ok' ? 'read' : result.status === 'notConfigured' ? 'notConfigured' : 'failed';
      if (result.status === 'failed') this.options.log.info(`inbox not read: ${result.error}`);
    }
    const inboxKnown = inboxState !== 'offline' && inboxState !== 'failed';
    const expired = inboxKnown ? await deadlines.expireDue(now) : 0;
    const reminders = await deadlines.remindDue(now);
    const held = await deadlines.holdDue(now);
    for (const step of this.steps) await step(now);
    const sent = await outbox.tick(now);
    return { inbox: inboxState, expired, reminders, held, sent };
  }

  /**
   * The app's loop: a tick every interval, sooner when woken; keeps an IDLE watcher on INBOX.
   * The first pass comes `firstPassAfterMs` after the start (the app's first screen first).
   */
  start(firstPassAfterMs = 1_000): void {
    if (this.started) return;
    this.started = true;
    this.schedule(firstPassAfterMs);
  }

  /** Run soon (a job was queued, the machine came back online). */
  wake(): void {
    if (!this.started) return;
    if (this.looping) this.rerun = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.stop();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delayMs);
    // The loop never keeps the process alive on its own.
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    this.timer = null;
    this.looping = true;
    this.rerun = false;
    try {
      const { connectivity, probe } = this.options;
      if (!connectivity.online && probe) {
        const online = await probe();
        if (online !== null) connectivity.set(online);
      }
      await this.keepWatcher();
      await this.tick(this.options.clock.now());
    } catch (error) {
      this.options.log.error('scheduler tick failed', error);
    } finally {
      this.looping = false;
      // `rerun` is set by wake() calls made while the tick awaited; TypeScript cannot see that.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (this.started) this.schedule(this.rerun ? 0 : this.intervalMs);
    }
  }

  private async keepWatcher(): Promise<void> {
    const { connectivity, inbox, log } = this.options;
    const wanted = connectivity.online && inbox.configured;
    if (!wanted) {
      const watcher = this.watcher;
      this.watcher = null;
      await watcher?.stop();
      return;
    }
    if (this.watcher?.running) return;
    const watcher = inbox.watcher();
    try {
      await watcher.start();
      this.watcher = watcher;
    } catch (error) {
      log.info(`inbox watcher not started: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }
}
