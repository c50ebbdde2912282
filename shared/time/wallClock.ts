import { TZDate } from '@date-fns/tz';
import type { Locale as DateFnsLocale } from 'date-fns';
import { formatDate } from './civilDate';
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

/** An instant as `zone`'s wall clock reads it, in `locale` (French « 1er » included: see formatDate). */
export function formatInZone(at: number, zone: string, pattern: string, locale: DateFnsLocale): string {
  return formatDate(wallDate(at, zone), pattern, locale);
}
