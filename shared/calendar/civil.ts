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

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface DateFields {
  year: number;
  month: number;
  day: number;
}

/*
 * Plain integer arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian): a month
 * of warnings does this tens of thousands of times, and going through Date objects and a tz
 * library cost more than the warnings themselves (bench/calendar.bench.ts).
 */
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0));

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function dayNumber({ year, month, day }: DateFields): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
function fromDayNumber(days: number): LocalDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function parseLocalDate(date: LocalDate): DateFields {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (fields.year < 1000 || fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month)) {
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

const toDays = (date: LocalDate): number => dayNumber(parseLocalDate(date));

export function localDate(year: number, month: number, day: number): LocalDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parseLocalDate(date);
  return date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDays(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDays(to) - toDays(from);
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDays(date) + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

/** The Monday of the ISO week that contains `date`. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function isoWeek(date: LocalDate): { isoWeekYear: number; isoWeek: number } {
  // The ISO week belongs to the year of its Thursday; week 1 holds that year's first Thursday.
  const thursday = toDays(date) + 4 - isoWeekday(date);
  const isoWeekYear = Number(fromDayNumber(thursday).slice(0, 4));
  const firstJanuary = dayNumber({ year: isoWeekYear, month: 1, day: 1 });
  return { isoWeekYear, isoWeek: Math.floor((thursday - firstJanuary) / 7) + 1 };
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const first = toDays(from);
  const count = toDays(to) - first + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => fromDayNumber(first + i));
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
  const { year, month: m } = parseMonth(month);
  return localDate(year, m, daysInMonth(year, m));
}

export function addMonths(month: LocalMonth, months: number): LocalMonth {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
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
