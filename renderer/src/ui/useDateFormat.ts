import { formatDistanceToNow, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { useTranslation } from 'react-i18next';
import { dateLocales } from '../i18n';
import type { UiLocale } from '../i18n';

const civil = (date: string) => new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Dates in the UI language (date-fns locales), optionally in a partner's zone. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = dateLocales[(i18n.language as UiLocale) in dateLocales ? (i18n.language as UiLocale) : 'fr'];
  return {
    relative: (at: number) => formatDistanceToNow(at, { addSuffix: true, locale }),
    dateTime: (at: number, zone?: string) => format(zone ? new TZDate(at, zone) : new Date(at), 'PPp', { locale }),
    time: (at: number, zone?: string) => format(zone ? new TZDate(at, zone) : new Date(at), 'p', { locale }),
    /** Civil dates ('YYYY-MM-DD') are names of days, not instants: formatted without any zone. */
    weekdayShort: (date: string) => format(civil(date), 'EEE', { locale }),
    longDate: (date: string) => format(civil(date), 'EEEE d MMMM yyyy', { locale }),
    monthTitle: (month: string) => format(civil(`${month}-01`), 'LLLL yyyy', { locale }),
    shortDate: (date: string) => format(civil(date), 'd MMM', { locale }),
  };
}
