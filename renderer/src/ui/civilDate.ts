import { format } from 'date-fns';
import type { Locale } from 'date-fns';

/** A civil date ('YYYY-MM-DD') as a local Date at midnight: a day's name, not an instant. */
export const civil = (date: string): Date => new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/**
 * A civil date ('YYYY-MM-DD') in `locale` with `pattern`: French writes the first of the month
 * « 1er » (« jeudi 1er avril 2027 »), which date-fns's `d` does not.
 */
export function formatCivilDate(date: string, pattern: string, locale: Locale): string {
  const first = locale.code.startsWith('fr') && date.slice(8, 10) === '01';
  return format(civil(date), first ? pattern.replace(/(^|[^d])d(?!d)/, "$1d'er'") : pattern, { locale });
}
