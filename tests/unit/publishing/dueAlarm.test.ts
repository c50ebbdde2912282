import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DueAlarm, MAX_WAIT_MS } from '../../../electron/core/publishing/dueAlarm';

/** Posts due at these instants; the alarm asks for the first strictly after an instant, as the repository does. */
function alarmFor(dueAt: number[]) {
  const wakes: number[] = [];
  const alarm = new DueAlarm({
    clock: { now: () => Date.now() },
    nextDueAfter: (after) => dueAt.filter((at) => at > after).sort((a, b) => a - b)[0] ?? null,
    wake: () => wakes.push(Date.now()),
  });
  return { alarm, wakes };
}

describe('the alarm that wakes the background loop at a post’s instant', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rings just after the next post’s instant, and only once until armed again', () => {
    const { alarm, wakes } = alarmFor([1_005_000, 1_009_000]);
    alarm.arm();
    vi.advanceTimersByTime(5_024);
    expect(wakes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(wakes).toEqual([1_005_025]);
    // Until the step covers that instant and arms again, nothing rings over and over.
    vi.advanceTimersByTime(1_000);
    expect(wakes).toHaveLength(1);
    alarm.coveredUpTo(1_006_025);
    alarm.arm();
    vi.advanceTimersByTime(10_000);
    expect(wakes).toEqual([1_005_025, 1_009_025]);
    alarm.close();
  });

  it('rings at once for a post that came due while the step’s pass ran, instead of looking past it', () => {
    // The pass started (and the step ran) 2 ms before the post's instant; the step arms 3 ms after it.
    const { alarm, wakes } = alarmFor([1_000_002]);
    alarm.coveredUpTo(1_000_000);
    vi.advanceTimersByTime(5);
    alarm.arm();
    vi.advanceTimersByTime(25);
    // Looking after "now" (1_000_005) found nothing due and slept a minute: the post started up to 30 s late.
    expect(wakes).toEqual([1_000_027]);
    alarm.close();
  });

  it('rings at once for a post moved to an instant the step already covered, and arms as usual for a later one', () => {
    const due = [1_000_000 + MAX_WAIT_MS * 10];
    const { alarm, wakes } = alarmFor(due);
    alarm.coveredUpTo(1_000_000);
    alarm.arm();
    // Moved to a time just past (the pass at 1_000_000 already ran): the next alarm looks after it.
    vi.advanceTimersByTime(500);
    alarm.postMovedTo(999_000);
    expect(wakes).toEqual([1_000_500]);
    // Moved to 2 s from now: rung for at its instant, not at once.
    due.push(1_002_500);
    alarm.postMovedTo(1_002_500);
    vi.advanceTimersByTime(2_024);
    expect(wakes).toEqual([1_000_500]);
    vi.advanceTimersByTime(1);
    expect(wakes).toEqual([1_000_500, 1_002_525]);
    alarm.close();
    alarm.postMovedTo(0);
    expect(wakes).toHaveLength(2);
  });

  it('looks again within a minute when nothing is due, and never rings once closed', () => {
    const { alarm, wakes } = alarmFor([]);
    alarm.arm();
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(wakes).toEqual([1_000_000 + MAX_WAIT_MS]);
    alarm.arm();
    alarm.close();
    vi.advanceTimersByTime(MAX_WAIT_MS * 2);
    alarm.arm();
    vi.advanceTimersByTime(MAX_WAIT_MS * 2);
    expect(wakes).toHaveLength(1);
  });
});
