import { describe, expect, it } from 'vitest';
import { walkRowidWindows } from '../../../electron/core/scheduler/rowidWindows';

/** A table's rowids 1..last, the ones needing work, and a step doing up to `batch` of them per call. */
function table(last: number, needWork: (rowid: number) => boolean, batch: number) {
  const done: number[] = [];
  const calls: [number, number][] = [];
  const step = (after: number, upTo: number): number | null => {
    calls.push([after, upTo]);
    const rows: number[] = [];
    for (let rowid = after + 1; rowid <= upTo && rows.length < batch; rowid++) if (needWork(rowid) && !done.includes(rowid)) rows.push(rowid);
    done.push(...rows);
    return rows.length === batch ? (rows.at(-1) ?? null) : null;
  };
  return { done, calls, step };
}

describe('a background pass over a big table', () => {
  it('with nothing to do, reads it a window of rowids at a time and yields between windows', async () => {
    const t = table(10_000, () => false, 25);
    let slices = 0;
    await walkRowidWindows(10_000, t.step, () => Promise.resolve(void (slices += 1)), () => true, 2_000);
    expect(t.calls).toEqual([
      [0, 2_000],
      [2_000, 4_000],
      [4_000, 6_000],
      [6_000, 8_000],
      [8_000, 10_000],
    ]);
    expect(slices).toBe(5);
  });

  it('does every row that needs work, a batch at a time, even when a window holds more than a batch', async () => {
    const needs = (rowid: number) => rowid % 3 === 0 || (rowid > 4_100 && rowid < 4_200);
    const t = table(5_000, needs, 25);
    await walkRowidWindows(5_000, t.step, () => Promise.resolve(), () => true, 1_000);
    const expected = Array.from({ length: 5_000 }, (_, i) => i + 1).filter(needs);
    expect([...t.done].sort((a, b) => a - b)).toEqual(expected);
    // No batch is ever larger than 25 rows: a save waits behind one batch at most.
    expect(t.calls.length).toBeGreaterThanOrEqual(Math.ceil(expected.length / 25));
  });

  it('stops as soon as the database is closed', async () => {
    const t = table(10_000, () => true, 25);
    let open = true;
    await walkRowidWindows(10_000, t.step, () => Promise.resolve(void (open = t.calls.length < 3)), () => open, 2_000);
    expect(t.calls).toHaveLength(3);
  });

  it('does nothing on an empty table', async () => {
    const t = table(0, () => true, 25);
    await walkRowidWindows(0, t.step, () => Promise.resolve(), () => true);
    expect(t.calls).toEqual([]);
  });
});
