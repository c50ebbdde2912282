import { enGB, fr } from 'date-fns/locale';
import { firstDayOfMonth } from '../calendar/civil';
import type { LocalDate } from '../calendar/civil';
import type { Locale } from '../partners/schema';
import type { ComparisonKey } from './model';
import type { ReportMonth } from './month';
import { reportMessages } from './messages';
import { formatInZone } from '../time/wallClock';
import { formatCivilDate } from '../time/civilDate';

export type FigureKind = 'count' | 'rate' | 'duration';

export const figureKind = (key: ComparisonKey): FigureKind =>
  key === 'onTimeRate' ? 'rate' : key === 'turnaroundMedian' || key === 'turnaroundP90' ? 'duration' : 'count';

const HOUR = 3_600_000;
const MINUS = '\u2212';

export interface ReportFormat {
  locale: Locale;
  zone: string;
  int(n: number): string;
  decimal(n: number, digits?: number): string;
  /** 0.42 → '42 %'; null → '—'. */
  percent(ratio: number | null): string;
  /** '45 min', '5,3 h', '2,4 j'; null → '—'. */
  duration(ms: number | null): string;
  /** Instants, shown in the report's zone. */
  date(at: number): string;
  dateTime(at: number): string;
  /** A local date: '5 oct.', '1er oct.', or with the year. */
  localDate(date: LocalDate, withYear?: boolean): string;
  /** 'Octobre 2026' (a title), or in running text as the language writes it: 'octobre 2026', 'October 2026'. */
  month(month: ReportMonth, inText?: boolean): string;
  /** An instant within the report's month, short: 'jeu. 1er oct., 18:00'. */
  dayTime(at: number): string;
  /** This month against the previous, by the kind of figure: '+3', '−2 h', '+5 pts', '='. */
  change(kind: FigureKind, current: number | null, previous: number | null): string;
}

const dateLocales = { fr, en: enGB };
const intlLocales = { fr: 'fr-FR', en: 'en-GB' };

/** Formatting for one report: numbers, durations and dates in the reader's language and the report's zone. */
export function reportFormat(locale: Locale, zone: string): ReportFormat {
  const dateLocale = dateLocales[locale];
  const units = reportMessages[locale].units;
  const integer = new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(intlLocales[locale], { style: 'percent', maximumFractionDigits: 0 });
  const decimal = (n: number, digits = 1) =>
    new Intl.NumberFormat(intlLocales[locale], { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(n);
  const duration = (ms: number | null): string => {
    if (ms === null) return '—';
    if (ms < HOUR) return `${integer.format(Math.round(ms / 60_000))}\u00a0${units.minutes}`;
    if (ms < 48 * HOUR) return `${decimal(ms / HOUR)}\u00a0${units.hours}`;
    return `${decimal(ms / (24 * HOUR))}\u00a0${units.days}`;
  };
  const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `${MINUS}${text}` : '=');
  const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase(intlLocales[locale]) + text.slice(1);

  return {
    locale,
    zone,
    int: (n) => integer.format(n),
    decimal,
    percent: (ratio) => (ratio === null ? '—' : percent.format(ratio)),
    duration,
    date: (at) => formatInZone(at, zone, 'd MMM yyyy', dateLocale),
    dateTime: (at) => formatInZone(at, zone, 'd MMM yyyy, HH:mm', dateLocale),
    localDate: (date, withYear = false) => formatCivilDate(date, withYear ? 'd MMM yyyy' : 'd MMM', dateLocale),
    month: (month, inText = false) => {
      const name = formatCivilDate(firstDayOfMonth(month), 'LLLL yyyy', dateLocale);
      return inText ? name : capitalised(name);
    },
    dayTime: (at) => formatInZone(at, zone, 'EEE d MMM, HH:mm', dateLocale),
    change(kind, current, previous) {
      if (current === null || previous === null) return '—';
      const diff = current - previous;
      if (kind === 'rate') return signed(Math.round(diff * 100), `${integer.format(Math.abs(Math.round(diff * 100)))}\u00a0${units.points}`);
      if (kind === 'duration') return Math.abs(diff) < 60_000 ? '=' : signed(diff, duration(Math.abs(diff)));
      return signed(diff, integer.format(Math.abs(diff)));
    },
  };
}
