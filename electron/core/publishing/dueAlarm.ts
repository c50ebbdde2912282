import type { Clock } from '../clock';

/** Longest sleep between two looks at the next due instant (a moved post, a clock change). */
export const MAX_WAIT_MS = 60_000;

/** How long after a post's instant the alarm rings, so the pass that follows sees it due. */
const AFTER_DUE_MS = 25;

export interface DueAlarmDeps {
  clock: Clock;
  /** The first instant strictly after `after` at which a post comes due, or null. */
  nextDueAfter(after: number): number | null;
  /** Runs the background loop soon (the publication step is part of its pass). */
  wake(): void;
}

/**
 * Wakes the background loop at each scheduled post's instant, so a post starts within
 * moments of its time rather than at the loop's next 30 s pass.
 *
 * The alarm aims at the first post due after the instant the publication step last covered,
 * not after "now": a pass runs with the instant it started at, so a post that came due while
 * that pass ran is still ahead of what was covered and is rung for at once. (Aiming after
 * "now" dropped it: the pass did not see it due, and the next alarm looked past it, leaving
 * the post for the loop's next pass, up to 30 s late.)
 */
export class DueAlarm {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private covered: number;

  constructor(private readonly deps: DueAlarmDeps) {
    this.covered = deps.clock.now();
  }

  /** The publication step ran for `now`: everything due up to it was seen. */
  coveredUpTo(now: number): void {
    this.covered = now;
  }

  /** Sets the alarm for the next post due after what was covered (call after any change). */
  arm(): void {
    this.clear();
    if (this.closed) return;
    const next = this.deps.nextDueAfter(this.covered);
    const delay = next === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(0, next - this.deps.clock.now() + AFTER_DUE_MS));
    // The ring only wakes the loop; the step's pass covers the instant and arms again. Arming
    // here would ring at once, over and over, until that pass has run.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.deps.wake();
    }, delay);
    // The alarm never keeps the process alive on its own.
    this.timer.unref();
  }

  /**
   * A post was given the instant `at`. One put at or before what the step already covered (a
   * time just past, still within the grace period) is behind every later alarm: it is rung for
   * at once, where it used to wait for the loop's next pass, up to 30 s.
   */
  postMovedTo(at: number): void {
    if (this.closed) return;
    if (at > this.covered) {
      this.arm();
      return;
    }
    this.clear();
    this.deps.wake();
  }

  close(): void {
    this.closed = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
