import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../shared/workspace/backupRetention';

const DAY = 86_400_000;
const at = (y: number, m: number, d: number, h = 9) => Date.UTC(y, m - 1, d, h);

describe('backup retention', () => {
  it('keeps the newest backup of each of the last 7 days and of each of the last 4 weeks', () => {
    // Two backups a day for 60 days, ending Friday 2026-11-27.
    const end = at(2026, 11, 27, 18);
    const taken = Array.from({ length: 120 }, (_, i) => end - i * (DAY / 2));
    const keep = [...backupsToKeep(taken)].sort((a, b) => b - a);
    // The newest day's first backup (06:00) is kept beside its newest (18:00).
    expect(keep.slice(0, 2).map((k) => new Date(k).toISOString())).toEqual(['2026-11-27T18:00:00.000Z', '2026-11-27T06:00:00.000Z']);
    const days = keep.slice(1).map((k) => new Date(k).toISOString().slice(0, 10));
    expect(days.slice(0, 7)).toEqual(['2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21']);
    // Weekly: newest of the weeks of 23 Nov (already kept), 16 Nov, 9 Nov, 2 Nov (Sundays).
    expect(days.slice(7)).toEqual(['2026-11-15', '2026-11-08']);
  });

  it('keeps the copy of the workspace as the day began, however many backups the day takes', () => {
    const start = at(2026, 11, 27, 8);
    const day = [start, start + 4 * 3_600_000, start + 8 * 3_600_000, start + 9 * 3_600_000];
    expect([...backupsToKeep(day)].sort((a, b) => a - b)).toEqual([start, start + 9 * 3_600_000]);
  });

  it('always keeps the newest', () => {
    expect([...backupsToKeep([at(2026, 1, 1)], { daily: 0, weekly: 0 })]).toEqual([at(2026, 1, 1)]);
  });
});
