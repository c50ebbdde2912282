import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../shared/calendar/entries';
import { agendaParts, cellShown, lastRowToFill, rowsInView } from '../../../renderer/src/calendar/windowing';

const entry = (n: number): CalendarEntry => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  partnerId: '00000000-0000-4000-8000-000000000000',
  title: `Post ${n}`,
  networks: [],
  versionNetworks: [],
  threadParts: {},
  commentNetworks: [],
  status: 'draft',
  scheduledAt: n,
  scheduledZone: 'Europe/Paris',
  version: 1,
});

describe('calendar windowing', () => {
  it('splits each agenda day into parts of at most the given size, keeps empty days, and every post once in order', () => {
    const busy = Array.from({ length: 23 }, (_, i) => entry(i));
    const parts = agendaParts(['2026-06-01', '2026-06-02', '2026-06-03'], new Map([['2026-06-02', busy], ['2026-06-03', [entry(99)]]]), 10);
    expect(parts.map((p) => [p.date, p.dayIndex, p.part, p.entries.length])).toEqual([
      ['2026-06-01', 0, 0, 0],
      ['2026-06-02', 1, 0, 10],
      ['2026-06-02', 1, 1, 10],
      ['2026-06-02', 1, 2, 3],
      ['2026-06-03', 2, 0, 1],
    ]);
    expect(parts.flatMap((p) => p.entries)).toEqual([...busy, entry(99)]);
    expect(new Set(parts.map((p) => p.key)).size).toBe(parts.length);
  });

  it('shows a week cell’s first posts with the count of the others, and all of them once opened', () => {
    const list = [1, 2, 3, 4, 5];
    expect(cellShown(list, false, 3)).toEqual({ shown: [1, 2, 3], hidden: 2 });
    expect(cellShown(list, true, 3)).toEqual({ shown: list, hidden: 0 });
    expect(cellShown([1, 2, 3], false, 3)).toEqual({ shown: [1, 2, 3], hidden: 0 });
  });
});

describe('a month’s days in the query cache after a move', () => {
  it('moves the post between days and keeps every day’s count', async () => {
    const { moveInDays } = await import('../../../renderer/src/calendar/cache');
    const range = { from: Date.parse('2026-05-31T22:00:00Z'), to: Date.parse('2026-06-30T22:00:00Z'), filter: {} };
    const before = { ...entry(1), scheduledAt: Date.parse('2026-06-10T08:00:00Z') };
    const stays = { ...entry(2), scheduledAt: Date.parse('2026-06-10T09:00:00Z') };
    const days = { entries: [before, stays], counts: { '2026-06-10': 7 } };
    // 22:30 UTC on the 11th is already the 12th in Paris.
    const after = { ...before, scheduledAt: Date.parse('2026-06-11T22:30:00Z') };
    expect(moveInDays(days, before, after, range, 'Europe/Paris')).toEqual({ entries: [stays, after], counts: { '2026-06-10': 6, '2026-06-12': 1 } });
    // Out of the month: gone from it, and counted nowhere in it.
    const away = { ...before, scheduledAt: Date.parse('2026-07-02T08:00:00Z') };
    expect(moveInDays(days, before, away, range, 'Europe/Paris')).toEqual({ entries: [stays], counts: { '2026-06-10': 6 } });
  });
});

describe('the week’s rows in view', () => {
  it('names the rows a scroller shows: any row cut by the band counts, rows touching its edges do not', () => {
    // Rows of 44 px and one of 100 px (a busy hour).
    const rows = [44, 44, 100, 44, 44].reduce<{ top: number; height: number }[]>((list, height) => [...list, { top: (list.at(-1)?.top ?? 0) + (list.at(-1)?.height ?? 0), height }], []);
    expect(rows.map((r) => r.top)).toEqual([0, 44, 88, 188, 232]);
    expect(rowsInView(rows, 0, 44)).toEqual({ from: 0, to: 0 });
    expect(rowsInView(rows, 50, 190)).toEqual({ from: 1, to: 3 });
    expect(rowsInView(rows, 88, 188)).toEqual({ from: 2, to: 2 });
    expect(rowsInView(rows, 230, 1_000)).toEqual({ from: 3, to: 4 });
    expect(rowsInView(rows, 400, 500)).toBeNull();
    expect(rowsInView([], 0, 500)).toBeNull();
  });
});


describe('the week’s first rows', () => {
  it('draws from the hour in view down as far as the expected heights fill the screen, never past the last hour', () => {
    const rows = [45, 45, 45, 45, 45, 45, 45, 130, 130, 130, 45, 45, 45, 45, 45, 45, 45, 45, 45, 45, 45, 45, 45, 45];
    // 07:00 → 130 + 130 + 130 = 390 ≥ 300: three busy hours fill a 300 px screen.
    expect(lastRowToFill(7, rows, 300)).toBe(9);
    // Empty hours: seven of them for the same screen.
    expect(lastRowToFill(12, rows, 300)).toBe(18);
    expect(lastRowToFill(20, rows, 10_000)).toBe(23);
    expect(lastRowToFill(23, rows, 300)).toBe(23);
  });
});
