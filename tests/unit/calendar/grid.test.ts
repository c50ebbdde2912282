import { describe, expect, it } from 'vitest';
import { localDatesInRange, monthGrid, monthViewRange, weekDays, weekViewRange } from '../../../shared/calendar/grid';

const at = (iso: string): number => Date.parse(iso);

describe('the month grid', () => {
  it('has six Monday-first weeks by default, neighbouring days flagged', () => {
    const grid = monthGrid('2026-03', { today: '2026-03-17' });
    expect(grid.weeks).toHaveLength(6);
    expect(grid.first).toBe('2026-02-23');
    expect(grid.last).toBe('2026-04-05');
    expect(grid.weeks.map((week) => week.weekStart)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    for (const week of grid.weeks) {
      expect(week.days.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    const days = grid.weeks.flatMap((week) => week.days);
    expect(days.filter((day) => day.inMonth)).toHaveLength(31);
    expect(days[0]).toEqual({ date: '2026-02-23', dayOfMonth: 23, weekday: 1, inMonth: false, isToday: false, isWeekend: false });
    expect(days[6]).toMatchObject({ date: '2026-03-01', inMonth: true, isWeekend: true });
    expect(days.filter((day) => day.isToday).map((day) => day.date)).toEqual(['2026-03-17']);
    expect(days.at(-1)).toMatchObject({ date: '2026-04-05', inMonth: false });
  });

  it('fits 4 to 6 rows when asked', () => {
    expect(monthGrid('2021-02', { rows: 'fit' }).weeks).toHaveLength(4); // starts on a Monday, 28 days
    expect(monthGrid('2026-06', { rows: 'fit' }).weeks).toHaveLength(5);
    expect(monthGrid('2026-03', { rows: 'fit' }).weeks).toHaveLength(6);
    expect(monthGrid('2021-02', { rows: 'fit' }).last).toBe('2021-02-28');
  });

  it('numbers ISO weeks, including week 53 of 2026', () => {
    const december = monthGrid('2026-12');
    expect(december.weeks.map((week) => `${week.isoWeekYear}-W${week.isoWeek}`)).toEqual([
      '2026-W49',
      '2026-W50',
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W1',
    ]);
    expect(monthGrid('2027-01').weeks[0]).toMatchObject({ weekStart: '2026-12-28', isoWeekYear: 2026, isoWeek: 53 });
  });
});

describe('week days and date lists', () => {
  it('gives Monday to Sunday of the week containing a date', () => {
    expect(weekDays('2026-03-29')).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(weekDays('2026-03-23')).toEqual(weekDays('2026-03-29'));
  });

  it('lists the dates of a range, both ends included', () => {
    expect(localDatesInRange('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});

describe('the instants a view covers (for the range query)', () => {
  it('covers a Paris month view from local midnight to local midnight across DST', () => {
    expect(monthViewRange('2026-03', 'Europe/Paris')).toEqual({ from: at('2026-02-22T23:00:00Z'), to: at('2026-04-05T22:00:00Z') });
    expect(monthViewRange('2026-03', 'Europe/Paris', 'fit')).toEqual(monthViewRange('2026-03', 'Europe/Paris'));
  });

  it('makes a week 167 or 169 hours long when it holds a DST change', () => {
    const spring = weekViewRange('2026-03-25', 'Europe/Paris');
    expect(spring).toEqual({ from: at('2026-03-22T23:00:00Z'), to: at('2026-03-29T22:00:00Z') });
    expect((spring.to - spring.from) / 3_600_000).toBe(167);
    const autumn = weekViewRange('2026-11-01', 'America/Toronto');
    expect(autumn).toEqual({ from: at('2026-10-26T04:00:00Z'), to: at('2026-11-02T05:00:00Z') });
    expect((autumn.to - autumn.from) / 3_600_000).toBe(169);
    const ramadan = weekViewRange('2026-02-15', 'Africa/Casablanca');
    expect(ramadan).toEqual({ from: at('2026-02-08T23:00:00Z'), to: at('2026-02-16T00:00:00Z') });
  });
});
