import { TZDate } from '@date-fns/tz';
import {
  addDays as addDaysFns,
  addMonths as addMonthsFns,
  differenceInCalendarDays,
  format,
  getISODay,
  getISOWeek,
  getISOWeekYear,
  lastDayOfMonth as lastDayOfMonthFns,
  startOfISOWeek,
} from 'date-fns';

/**
 * Civil (zone-less) dates and times of day, as the strings the calendar is keyed by:
 * 'YYYY-MM-DD', 'YYYY-MM' and 'HH:mm'. A civil date has no zone; its arithmetic runs in
 * UTC only because UTC never skips or repeats a day.
 */
export type LocalDate = string;
export type LocalMonth = string;
export type LocalTime = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateTime {
  date: LocalDate;
  time: LocalTime;
}

const CIVIL_ZONE = 'UTC';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface DateFields {
  year: number;
  month: number;
  day: number;
}

export function parseLocalDate(date: LocalDate): DateFields {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const civil = new TZDate(fields.year, fields.month - 1, fields.day, CIVIL_ZONE);
  // The Date constructor rolls 02-30 over to 03-02: a round trip catches it.
  if (fields.year < 1000 || civil.getMonth() !== fields.month - 1 || civil.getDate() !== fields.day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return fields;
}

export function isLocalDate(value: string): boolean {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

function toCivil(date: LocalDate): TZDate {
  const { year, month, day } = parseLocalDate(date);
  return new TZDate(year, month - 1, day, CIVIL_ZONE);
}

function fromCivil(civil: Date): LocalDate {
  return format(civil, 'yyyy-MM-dd');
}

export function localDate(year: number, month: number, day: number): LocalDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parseLocalDate(date);
  return date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromCivil(addDaysFns(toCivil(date), days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return differenceInCalendarDays(toCivil(to), toCivil(from));
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  return getISODay(toCivil(date)) as IsoWeekday;
}

/** The Monday of the ISO week that contains `date`. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return fromCivil(startOfISOWeek(toCivil(date)));
}

export function isoWeek(date: LocalDate): { isoWeekYear: number; isoWeek: number } {
  const civil = toCivil(date);
  return { isoWeekYear: getISOWeekYear(civil), isoWeek: getISOWeek(civil) };
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(from, i));
}

export function monthOf(date: LocalDate): LocalMonth {
  parseLocalDate(date);
  return date.slice(0, 7);
}

function parseMonth(month: LocalMonth): { year: number; month: number } {
  const match = MONTH_RE.exec(month);
  const fields = { year: Number(match?.[1]), month: Number(match?.[2]) };
  if (!match || fields.month < 1 || fields.month > 12 || fields.year < 1000) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return fields;
}

export function firstDayOfMonth(month: LocalMonth): LocalDate {
  const { year, month: m } = parseMonth(month);
  return localDate(year, m, 1);
}

export function lastDayOfMonth(month: LocalMonth): LocalDate {
  return fromCivil(lastDayOfMonthFns(toCivil(firstDayOfMonth(month))));
}

export function addMonths(month: LocalMonth, months: number): LocalMonth {
  return monthOf(fromCivil(addMonthsFns(toCivil(firstDayOfMonth(month)), months)));
}

/** Minutes since midnight of an 'HH:mm' time. */
export function parseLocalTime(time: LocalTime): number {
  const match = TIME_RE.exec(time);
  if (!match) throw new RangeError(`Not a local time (HH:mm): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatLocalTime(minutesOfDay: number): LocalTime {
  if (!Number.isInteger(minutesOfDay) || minutesOfDay < 0 || minutesOfDay >= 24 * 60) {
    throw new RangeError(`Not a minute of the day: ${minutesOfDay}`);
  }
  return `${String(Math.floor(minutesOfDay / 60)).padStart(2, '0')}:${String(minutesOfDay % 60).padStart(2, '0')}`;
}
