import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Locale as DateFnsLocale } from 'date-fns';
import { parseLocalDate } from '../calendar/civil';
import type { LocalDate } from '../calendar/civil';

/**
 * `pattern` with each lone day-of-month token (`d`, outside quoted text; not `dd` nor `do`)
 * written « 1er ».
 */
function withFirstOfMonth(pattern: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "'") quoted = !quoted;
    const lone = !quoted && c === 'd' && pattern.charAt(i - 1) !== 'd' && pattern.charAt(i + 1) !== 'd' && pattern.charAt(i + 1) !== 'o';
    out += lone ? "d'er'" : c;
  }
  return out;
}

/**
 * A date with a date-fns `pattern` in `locale`, as the language writes it: French writes the
 * first of the month « 1er » (« jeudi 1er avril 2027 », « du 1er au 7 déc. »), which date-fns's
 * `d` does not. The day is the date's own (a TZDate's in its zone).
 */
export function formatDate(date: Date, pattern: string, locale: DateFnsLocale): string {
  const first = date.getDate() === 1 && locale.code.startsWith('fr');
  return format(date, first ? withFirstOfMonth(pattern) : pattern, { locale });
}

/** A civil date ('YYYY-MM-DD'): a day's name, not an instant, so formatted with no zone at all. */
export function formatCivilDate(date: LocalDate, pattern: string, locale: DateFnsLocale): string {
  const { year, month, day } = parseLocalDate(date);
  return formatDate(new TZDate(year, month - 1, day, 'UTC'), pattern, locale);
}
