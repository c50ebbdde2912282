import { afterEach, beforeEach, vi } from 'vitest';

/** A display refreshed every 16 ms: a frame's animation callbacks run, then it is painted. */
export const FRAME_MS = 16;
/**
 * When what waits for a frame's paint has run: the task queued from the frame's callback (fake
 * timers run a 0 ms timer set while they tick 1 ms later).
 */
export const PAINTED_MS = FRAME_MS + 1;

/**
 * The browser's frames, as fake timers: the returned list holds when each animation callback
 * ran, so a test can tell work done in a keystroke's frame from work done after it was painted.
 */
export function stubFrames(): number[] {
  const frames: number[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) =>
    setTimeout(() => {
      frames.push(Date.now());
      callback();
    }, FRAME_MS),
  );
  return frames;
}

let hoursOn = 0;

/**
 * Sets the fake clock an hour after any keystroke noted by an earlier test (ui/typingPace.ts keeps
 * the last one module-wide). The count of hours is kept here, in the one module every such test
 * shares: files run one after another in a worker that keeps its modules (vitest.config.ts), so a
 * fixed « now + 1 h » could fall before a keystroke an earlier file noted hours ahead.
 */
export function clockAfterEarlierKeystrokes(): void {
  vi.setSystemTime(Date.now() + ++hoursOn * 3_600_000);
}

/**
 * Fake timers for each test of the calling file or block, each test starting an hour after the
 * last one's keystrokes (ui/typingPace.ts keeps the last one module-wide); every frame asked for
 * is drawn before the next test.
 */
export function useFakeClockAfterKeystrokes(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    clockAfterEarlierKeystrokes();
  });
  afterEach(() => {
    vi.runOnlyPendingTimers();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}
