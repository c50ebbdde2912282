import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PushedTimer } from '../../../renderer/src/ui/pushedTimer';

describe('a timer every keystroke pushes back', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once, its delay after the last push, without a browser timer set on each push', () => {
    const run = vi.fn();
    const timer = new PushedTimer(run);
    const set = vi.spyOn(globalThis, 'setTimeout');
    for (let key = 0; key < 20; key++) {
      timer.in(400);
      vi.advanceTimersByTime(50);
    }
    // 20 keys 50 ms apart: the first timer, then one more for what was left when it came.
    expect(set.mock.calls.length).toBeLessThanOrEqual(3);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(349);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(timer.pending).toBe(false);
    vi.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('honours a due time brought forward', () => {
    const run = vi.fn();
    const timer = new PushedTimer(run);
    timer.in(1_000);
    timer.in(0);
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled, and can be asked again', () => {
    const run = vi.fn();
    const timer = new PushedTimer(run);
    timer.in(100);
    expect(timer.pending).toBe(true);
    timer.cancel();
    expect(timer.pending).toBe(false);
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled();
    timer.in(100);
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('uses the clock and timers it is given', () => {
    let now = 0;
    const timers: { fn: () => void; at: number }[] = [];
    const run = vi.fn();
    const timer = new PushedTimer(run, {
      now: () => now,
      setTimer: (fn, ms) => timers.push({ fn, at: now + ms }),
      clearTimer: () => undefined,
    });
    timer.in(300);
    now = 200;
    timer.in(300);
    expect(timers).toHaveLength(1);
    now = 300;
    timers[0]?.fn();
    expect(run).not.toHaveBeenCalled();
    expect(timers[1]?.at).toBe(500);
    now = 500;
    timers[1]?.fn();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
