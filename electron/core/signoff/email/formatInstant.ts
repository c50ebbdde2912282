import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import type { Locale } from '../../../../shared/partners/schema';

const PATTERN: Record<Locale, string> = {
  fr: "EEEE d MMMM yyyy 'à' HH:mm",
  en: "EEEE d MMMM yyyy 'at' HH:mm",
};

/** "Casablanca" from "Africa/Casablanca", "Buenos Aires" from "America/Argentina/Buenos_Aires". */
const cityOf = (zone: string): string => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');

/**
 * An instant as the partner reads it: in their time zone and language, with the zone named
 * and its UTC offset at that instant (so Casablanca's Ramadan hour or a DST change is visible).
 */
export function formatInstant(instant: number, zone: string, locale: Locale): string {
  const date = new TZDate(instant, zone);
  const when = format(date, PATTERN[locale], { locale: locale === 'fr' ? fr : enGB });
  const offset = format(date, 'xxx');
  const city = cityOf(zone);
  return locale === 'fr' ? `${when} (heure de ${city}, UTC${offset})` : `${when} (${city} time, UTC${offset})`;
}
