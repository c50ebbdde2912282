import { formatDistanceToNow, format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { dateLocales } from '../i18n';
import type { UiLocale } from '../i18n';
import { formatInZone } from '../../../shared/time/wallClock';
import { formatOffset, repeatedWallTimeOffset } from '../../../shared/calendar/zonedTime';
import { userZone } from '../time/userZone';
import { useZoneDataVersion } from '../time/zoneTables';
import { formatCivilDate } from '../../../shared/time/civilDate';
import { civil } from './civilDate';

/** « 31 oct. 2027, 02:30 UTC+1 » where 02:30 happens twice that night, so the two are told apart. */
function withRepeatedOffset(text: string, at: number, zone: string): string {
  const offset = repeatedWallTimeOffset(at, zone);
  return offset === null ? text : `${text} ${formatOffset(offset)}`;
}

/**
 * Dates in the UI language (date-fns locales), in a partner's zone or the user's. Instants go
 * through Plume's tz tables (core's data), never the browser's own zone data.
 */
export function useDateFormat() {
  const { i18n } = useTranslation();
  useZoneDataVersion();
  const locale = dateLocales[(i18n.language as UiLocale) in dateLocales ? (i18n.language as UiLocale) : 'fr'];
  return {
    relative: (at: number) => formatDistanceToNow(at, { addSuffix: true, locale }),
    dateTime: (at: number, zone?: string) => withRepeatedOffset(formatInZone(at, zone ?? userZone(), 'PPp', locale), at, zone ?? userZone()),
    /** To the second, where two instants of one minute must be told apart (backups). */
    dateTimeSeconds: (at: number, zone?: string) => formatInZone(at, zone ?? userZone(), 'PPpp', locale),
    time: (at: number, zone?: string) => formatInZone(at, zone ?? userZone(), 'p', locale),
    /** Civil dates ('YYYY-MM-DD') are names of days, not instants: formatted without any zone. */
    weekdayShort: (date: string) => format(civil(date), 'EEE', { locale }),
    longDate: (date: string) => formatCivilDate(date, 'EEEE d MMMM yyyy', locale),
    monthTitle: (month: string) => format(civil(`${month}-01`), 'LLLL yyyy', { locale }),
    shortDate: (date: string) => formatCivilDate(date, 'd MMM', locale),
    mediumDate: (date: string) => formatCivilDate(date, 'd MMM yyyy', locale),
  };
}
