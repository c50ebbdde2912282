import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Locale as DateFnsLocale } from 'date-fns';
import { zoneOffset } from './zoneData';

/**
 * A zone's wall clock at an instant as a date whose UTC fields are that wall time ("wall
 * clock as UTC"): date-fns formats it without any zone arithmetic of its own, so the offset
 * comes only from Plume's tables (zoneData) and never from the runtime's ICU.
 * Patterns must not print an offset from it (xxx, z…): use `formatOffset`.
 */
export function wallDate(at: number, zone: string): Date {
  return new TZDate(at + zoneOffset(zone, at) * 60_000, 'UTC');
}

export function formatInZone(at: number, zone: string, pattern: string, locale: DateFnsLocale): string {
  return format(wallDate(at, zone), pattern, { locale });
}
