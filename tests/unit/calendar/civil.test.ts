import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  datesBetween,
  daysBetween,
  formatLocalTime,
  isLocalDate,
  isoWeek,
  isoWeekday,
  lastDayOfMonth,
  localDate,
  parseLocalTime,
  startOfIsoWeek,
} from '../../../shared/calendar/civil';

describe('civil dates', () => {
  it('add days across months, years and leap days', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // a DST day is still one day
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('count whole days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-01', '2026-11-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('know ISO weekdays and weeks (2026 has 53 ISO weeks)', () => {
    expect(isoWeekday('2026-03-23')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(startOfIsoWeek('2026-03-29')).toBe('2026-03-23');
    expect(startOfIsoWeek('2027-01-01')).toBe('2026-12-28');
    expect(isoWeek('2026-12-31')).toEqual({ isoWeekYear: 2026, isoWeek: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ isoWeekYear: 2027, isoWeek: 1 });
    expect(isoWeek('2025-12-29')).toEqual({ isoWeekYear: 2026, isoWeek: 1 });
  });

  it('list dates inclusively, and nothing for a reversed range', () => {
    expect(datesBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(datesBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('know month lengths and step months', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('refuse dates that do not exist', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-3-1')).toBe(false);
    expect(() => localDate(2026, 4, 31)).toThrow(RangeError);
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
  });
});

describe('civil times of day', () => {
  it('convert HH:mm to minutes and back', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('08:30')).toBe(510);
    expect(parseLocalTime('23:59')).toBe(1439);
    expect(formatLocalTime(510)).toBe('08:30');
    expect(() => parseLocalTime('24:00')).toThrow(RangeError);
    expect(() => formatLocalTime(1440)).toThrow(RangeError);
  });
});

describe('civil arithmetic on day numbers', () => {
  it('agrees with the UTC calendar of JavaScript and date-fns for every day from 1960 to 2110', async () => {
    const { getISOWeek, getISOWeekYear } = await import('date-fns');
    const DAY = 86_400_000;
    const mismatches: string[] = [];
    let previous = '1959-12-31';
    for (let at = Date.UTC(1960, 0, 1); at < Date.UTC(2110, 0, 1); at += DAY) {
      const utc = new Date(at);
      const date = utc.toISOString().slice(0, 10);
      // date-fns reads local fields: a local date with the same fields has the same ISO week.
      const local = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
      const week = isoWeek(date);
      if (
        addDays(previous, 1) !== date ||
        isoWeekday(date) !== ((utc.getUTCDay() + 6) % 7) + 1 ||
        week.isoWeek !== getISOWeek(local) ||
        week.isoWeekYear !== getISOWeekYear(local)
      ) {
        mismatches.push(date);
      }
      previous = date;
    }
    expect(mismatches).toEqual([]);
    expect(daysBetween('1960-01-01', '2110-01-01')).toBe((Date.UTC(2110, 0, 1) - Date.UTC(1960, 0, 1)) / DAY);
  });
});
