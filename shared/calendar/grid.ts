import { addDays, datesBetween, firstDayOfMonth, isoWeek, isoWeekday, lastDayOfMonth, monthOf, startOfIsoWeek } from './civil';
import type { IsoWeekday, LocalDate, LocalMonth } from './civil';
import { startOfLocalDay } from './zonedTime';

/**
 * The shapes of the month and week views, keyed by local dates ('YYYY-MM-DD'). The layout
 * itself is zone-free; a zone only comes in to say which day is "today" and which instants
 * a view covers (the database range query).
 */

export interface GridDay {
  date: LocalDate;
  dayOfMonth: number;
  weekday: IsoWeekday;
  /** False for the leading/trailing days of the neighbouring months. */
  inMonth: boolean;
  isToday: boolean;
  isWeekend: boolean;
}

export interface GridWeek {
  weekStart: LocalDate;
  isoWeekYear: number;
  isoWeek: number;
  days: GridDay[];
}

export interface MonthGrid {
  month: LocalMonth;
  /** First and last dates shown (may belong to the neighbouring months). */
  first: LocalDate;
  last: LocalDate;
  weeks: GridWeek[];
}

export interface MonthGridOptions {
  /** 'fixed' (default): always 6 rows, so the view does not jump between months; 'fit': 4–6 rows. */
  rows?: 'fixed' | 'fit';
  /** Today's local date (see `todayIn`), flagged on its cell. */
  today?: LocalDate;
}

function gridDay(date: LocalDate, month: LocalMonth, today: LocalDate | undefined): GridDay {
  const weekday = isoWeekday(date);
  return {
    date,
    dayOfMonth: Number(date.slice(8, 10)),
    weekday,
    inMonth: monthOf(date) === month,
    isToday: date === today,
    isWeekend: weekday >= 6,
  };
}

/** Weeks Monday-first covering `month` ('YYYY-MM'). */
export function monthGrid(month: LocalMonth, options: MonthGridOptions = {}): MonthGrid {
  const first = startOfIsoWeek(firstDayOfMonth(month));
  const lastOfMonth = lastDayOfMonth(month);
  const fitted = Math.ceil((datesBetween(first, lastOfMonth).length) / 7);
  const rows = options.rows === 'fit' ? fitted : 6;
  const weeks = Array.from({ length: rows }, (_, row): GridWeek => {
    const weekStart = addDays(first, row * 7);
    return {
      weekStart,
      ...isoWeek(weekStart),
      days: weekDays(weekStart).map((date) => gridDay(date, month, options.today)),
    };
  });
  return { month, first, last: addDays(first, rows * 7 - 1), weeks };
}

/** Monday to Sunday of the ISO week containing `date`. */
export function weekDays(date: LocalDate): LocalDate[] {
  const monday = startOfIsoWeek(date);
  return datesBetween(monday, addDays(monday, 6));
}

/** Every local date from `from` to `to`, both included. */
export function localDatesInRange(from: LocalDate, to: LocalDate): LocalDate[] {
  return datesBetween(from, to);
}

export interface InstantRange {
  /** Inclusive. */
  from: number;
  /** Exclusive. */
  to: number;
}

/** [start of `first`, start of the day after `last`) in `zone`: DST days are 23 or 25 h long. */
export function instantRangeOfDates(first: LocalDate, last: LocalDate, zone: string): InstantRange {
  return { from: startOfLocalDay(first, zone), to: startOfLocalDay(addDays(last, 1), zone) };
}

/** The instants a month view shows, neighbouring days of the grid included. */
export function monthViewRange(month: LocalMonth, zone: string, rows: MonthGridOptions['rows'] = 'fixed'): InstantRange {
  const grid = monthGrid(month, { rows });
  return instantRangeOfDates(grid.first, grid.last, zone);
}

/** The instants of the ISO week (Monday to Sunday) containing `date`. */
export function weekViewRange(date: LocalDate, zone: string): InstantRange {
  const monday = startOfIsoWeek(date);
  return instantRangeOfDates(monday, addDays(monday, 6), zone);
}
