import { format, isValid, parse } from 'date-fns';
import type { Locale } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';

/**
 * Dates and times as people type them, in the UI's language: « 10/03/2027 », « 10 mars 2027 »,
 * « 14h30 », « novembre 2026 ». The browser's own date fields follow the browser's language,
 * not Plume's (a French Plume in an English Chromium showed « mm/dd/yyyy » and « 02:30 PM »),
 * so Plume's fields are text fields read here. Values are the browser fields' own formats
 * (`YYYY-MM-DD`, `HH:mm`, `YYYY-MM-DDTHH:mm`, `YYYY-MM`), which are also always accepted.
 * Names of months and days are read in both of Plume's languages whatever the UI's (a field
 * filled in before the language was switched, « novembre 2026 » in an English Plume, still
 * reads: no name means two months), the UI's first; values are written in the UI's.
 */

/** Day first in both of Plume's languages (French and British English). */
const DATE_PATTERNS = ['yyyy-MM-dd', 'd/M/yyyy', 'd.M.yyyy', 'd-M-yyyy', 'd/M/yy', 'd.M.yy', 'd MMMM yyyy', 'd MMM yyyy', 'EEEE d MMMM yyyy', 'EEE d MMMM yyyy', 'EEE d MMM yyyy', 'MMMM d yyyy', 'MMM d yyyy'] as const;
const MONTH_PATTERNS = ['yyyy-MM', 'M/yyyy', 'M.yyyy', 'M-yyyy', 'LLLL yyyy', 'LLL yyyy', 'MMMM yyyy', 'MMM yyyy'] as const;
// date-fns reads 'yyyy' from two digits as a year of the first century: a year is four digits here.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;
// Any point in time does: the patterns all name a year, so it only breaks no tie.
const REFERENCE = new Date(2000, 0, 1);

const withoutMarks = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Plume's languages: a typed date is read in the UI's, then in the other. */
const READ_LOCALES: readonly Locale[] = [fr, enGB];
const readingLocales = (locale: Locale): Locale[] => [locale, ...READ_LOCALES.filter((other) => other.code !== locale.code)];

/**
 * Abbreviations in common use that the locale does not write itself, by month (0-11), as they
 * read without accents or dots: English « Sept. », French « fév. ».
 */
const EXTRA_MONTH_ABBREVIATIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'en-GB': { sept: 8 },
  fr: { fev: 1 },
};

/** The locale's month names, wide and abbreviated, keyed by how they read without accents or dots. */
const monthNamesByLocale = new Map<string, Map<string, string>>();
function monthNames(locale: Locale): Map<string, string> {
  const key = locale.code;
  const known = monthNamesByLocale.get(key);
  if (known) return known;
  const names = new Map<string, string>();
  for (let month = 0; month < 12; month++) {
    for (const pattern of ['LLLL', 'LLL', 'MMMM', 'MMM']) {
      const name = format(new Date(2000, month, 1), pattern, { locale });
      names.set(withoutMarks(name).replace(/\.$/, '').toLowerCase(), name);
    }
  }
  for (const [abbreviation, month] of Object.entries(EXTRA_MONTH_ABBREVIATIONS[key] ?? {})) {
    if (!names.has(abbreviation)) names.set(abbreviation, format(new Date(2000, month, 1), 'MMM', { locale }));
  }
  monthNamesByLocale.set(key, names);
  return names;
}

/** Spaces of every kind as one, « 1er » as 1, and month names typed without their accents (« fevrier », « aout ») or in a short form of their own (« Sept. ») restored. */
function tidy(text: string, locale: Locale): string {
  const names = monthNames(locale);
  return text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\b1er\b/gi, '1')
    .replace(/,/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/\p{L}+\.?/gu, (word) => names.get(withoutMarks(word).replace(/\.$/, '').toLowerCase()) ?? word);
}

function firstMatch(text: string, patterns: readonly string[], locale: Locale): Date | null {
  for (const pattern of patterns) {
    // A two-digit year is two digits: « 10/03/2 », half typed, is no 2002.
    if (pattern.endsWith('/yy') || pattern.endsWith('.yy')) {
      if (!/\D\d{2}$/u.test(text)) continue;
    }
    const parsed = parse(text, pattern, REFERENCE, { locale });
    if (isValid(parsed) && parsed.getFullYear() >= FIRST_YEAR && parsed.getFullYear() <= LAST_YEAR) return parsed;
  }
  return null;
}

/** `text` read by the first of `patterns` that fits, in the UI's language first, then the other; written back as `output`. */
function readInEitherLanguage(text: string, locale: Locale, patterns: readonly string[], output: string): string | null {
  for (const reading of readingLocales(locale)) {
    const tidied = tidy(text, reading);
    if (tidied === '') return null;
    const parsed = firstMatch(tidied, patterns, reading);
    if (parsed) return format(parsed, output);
  }
  return null;
}

/** A typed date as `YYYY-MM-DD`; null when it names no real day (« 31/02/2027 », « 10/03 »). */
export const readTypedDate = (text: string, locale: Locale): string | null => readInEitherLanguage(text, locale, DATE_PATTERNS, 'yyyy-MM-dd');

/** A `YYYY-MM-DD` date as it is written in the field: « 10/03/2027 ». */
export const writeTypedDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const TIME_24H = /^(\d{1,2})(?:\s*[:hH.]\s*(\d{2})?(?::\d{2}(?:\.\d+)?)?)?$/;
const TIME_DIGITS = /^(\d{1,2})(\d{2})$/;
const TIME_12H = /^(\d{1,2})(?:\s*[:.]\s*(\d{2}))?\s*([ap])\.?\s?m\.?$/i;

/** A typed time of day as `HH:mm` (24 hours): « 14:30 », « 14h30 », « 14 h », « 9.05 », « 0930 », « 2:30 pm ». */
export function readTypedTime(text: string): string | null {
  const tidied = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  let hours: number;
  let minutes: number;
  const twelve = TIME_12H.exec(tidied);
  const plain = TIME_24H.exec(tidied) ?? TIME_DIGITS.exec(tidied);
  if (twelve) {
    const hour = Number(twelve[1]);
    if (hour < 1 || hour > 12) return null;
    hours = (hour % 12) + (twelve[3]?.toLowerCase() === 'p' ? 12 : 0);
    minutes = Number(twelve[2] ?? '0');
  } else if (plain) {
    hours = Number(plain[1]);
    minutes = Number(plain[2] ?? '0');
  } else {
    return null;
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The time part at the end of a typed date and time: « 10/03/2027 14h30 », « 10 mars 2027 à 9 h », « 10/03/2027, 2:30 pm ». */
const DATE_THEN_TIME = /^(.*?)(?:\s*,\s*|\s+(?:à|a|at)\s+|\s+|T)(\d{1,2}(?:\s*[:hH.]\s*\d{2}(?::\d{2}(?:\.\d+)?)?|\s*[hH]|\d{2})?(?:\s*[aApP]\.?\s?[mM]\.?)?)$/;

/** What a typed date and time says so far: its date and its time, each null while unreadable or missing. */
export function readTypedDateTimeParts(text: string, locale: Locale): { date: string | null; time: string | null } {
  const tidied = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const parts = DATE_THEN_TIME.exec(tidied);
  const date = parts?.[1] ? readTypedDate(parts[1], locale) : null;
  const time = parts?.[2] ? readTypedTime(parts[2]) : null;
  // « 10 mars 2027 » alone is a date whose year would otherwise read as a time (20:27).
  if (date === null) return { date: readTypedDate(tidied, locale), time: null };
  return { date, time };
}

/** A typed date and time as `YYYY-MM-DDTHH:mm`; null when either part is unreadable or missing. */
export function readTypedDateTime(text: string, locale: Locale): string | null {
  const { date, time } = readTypedDateTimeParts(text, locale);
  return date !== null && time !== null ? `${date}T${time}` : null;
}

/** A `YYYY-MM-DDTHH:mm` value as it is written in the field: « 10/03/2027 14:30 ». */
export const writeTypedDateTime = (value: string): string => `${writeTypedDate(value.slice(0, 10))} ${value.slice(11, 16)}`;

/** A typed month as `YYYY-MM`: « novembre 2026 », « nov. 2026 », « 11/2026 ». */
export const readTypedMonth = (text: string, locale: Locale): string | null => readInEitherLanguage(text, locale, MONTH_PATTERNS, 'yyyy-MM');

/** A `YYYY-MM` month as it is written in the field: « novembre 2026 ». */
export const writeTypedMonth = (month: string, locale: Locale): string =>
  format(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1), 'LLLL yyyy', { locale });

/** A day the month does not have, as typed: « 31/02/2027 », « 30 février 2027 ». */
export interface MissingDay {
  day: number;
  /** `YYYY-MM`. */
  month: string;
  /** How many days that month has. */
  daysInMonth: number;
}

const NUMERIC_DAY_MONTH_YEAR = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
/** « 31 février 2027 », « lundi 31 février 2027 », « 1er mars 2027 »: a day number, then a month with its year. */
const DAY_THEN_MONTH = /^(?:\p{L}+\.?,?\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+(.+)$/u;

/**
 * Why a typed date reads as no date when it is otherwise well written: a day past its month's
 * last (« 31/02/2027 », « 29 février 2027 »), so the message can say so rather than ask for a
 * day, a month and a year the user did write. Null for anything else. A date and time's own
 * time is left out (« 31/02/2027 14:00 »).
 */
export function missingDay(text: string, locale: Locale): MissingDay | null {
  const tidied = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const dateOnly = DATE_THEN_TIME.exec(tidied)?.[1];
  for (const candidate of dateOnly ? [tidied, dateOnly] : [tidied]) {
    const found = dayAndMonth(candidate, locale);
    if (found === null) continue;
    const [year, month] = found.month.split('-').map(Number);
    if (year === undefined || month === undefined) continue;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (found.day > daysInMonth && found.day <= 31) return { day: found.day, month: found.month, daysInMonth };
  }
  return null;
}

function dayAndMonth(text: string, locale: Locale): { day: number; month: string } | null {
  const numeric = NUMERIC_DAY_MONTH_YEAR.exec(text);
  if (numeric) {
    const month = readTypedMonth(`${numeric[3] ?? ''}/${numeric[4] ?? ''}`, locale);
    return month === null ? null : { day: Number(numeric[1]), month };
  }
  const named = DAY_THEN_MONTH.exec(text);
  if (!named) return null;
  const month = readTypedMonth(named[2] ?? '', locale);
  return month === null ? null : { day: Number(named[1]), month };
}
