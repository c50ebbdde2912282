import { enGB, fr } from 'date-fns/locale';
import type { Locale } from '../../../../shared/partners/schema';
import { formatOffset, offsetAt } from '../../../../shared/calendar/zonedTime';
import { formatInZone } from '../../../../shared/time/wallClock';
import { zoneTimeName } from '../../../../shared/time/zoneNames';

const PATTERN: Record<Locale, string> = {
  fr: "EEEE d MMMM yyyy 'à' HH:mm",
  en: "EEEE d MMMM yyyy 'at' HH:mm",
};

/**
 * An instant as the partner reads it: in their time zone and language, with the zone named
 * and its UTC offset at that instant (so Casablanca's Ramadan hour or a DST change is visible).
 * Same tz tables and names as the UI and the report (shared/time).
 */
export function formatInstant(instant: number, zone: string, locale: Locale): string {
  const when = formatInZone(instant, zone, PATTERN[locale], locale === 'fr' ? fr : enGB);
  const offset = formatOffset(offsetAt(zone, instant), 'iso');
  return `${when} (${zoneTimeName(zone, locale)}, UTC${offset})`;
}
