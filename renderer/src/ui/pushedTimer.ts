/** The clock and timers a pushed timer uses: the browser's, or a test's. */
export interface TimerClock {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

const browserClock: TimerClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A timer that every keystroke pushes back (a pause in typing, a lint after the last key)
 * without clearing and setting a browser timer on each key: those pairs, several a key, were
 * ~0.1 ms of each keystroke's path in the editor page (issue 15). The timer set first fires at
 * the first due time; if the due time has moved on meanwhile, it sets itself again for what is
 * left. A due time brought forward is honoured at once.
 */
export class PushedTimer {
  private dueAt: number | null = null;
  private handle: unknown = null;
  private firesAt = 0;

  constructor(
    private readonly run: () => void,
    private readonly clock: TimerClock = browserClock,
  ) {}

  /** Runs the task `ms` from now, in place of any time asked for before. */
  in(ms: number): void {
    const at = this.clock.now() + ms;
    this.dueAt = at;
    if (this.handle !== null && this.firesAt <= at) return;
    this.arm(at);
  }

  cancel(): void {
    this.dueAt = null;
    if (this.handle !== null) this.clock.clearTimer(this.handle);
    this.handle = null;
  }

  /** The task is still to run. */
  get pending(): boolean {
    return this.dueAt !== null;
  }

  private arm(at: number): void {
    if (this.handle !== null) this.clock.clearTimer(this.handle);
    this.firesAt = at;
    this.handle = this.clock.setTimer(this.fire, Math.max(0, at - this.clock.now()));
  }

  private readonly fire = (): void => {
    this.handle = null;
    const due = this.dueAt;
    if (due === null) return;
    if (due > this.clock.now()) {
      this.arm(due);
      return;
    }
    this.dueAt = null;
    this.run();
  };
}
