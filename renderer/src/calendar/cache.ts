import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { CalendarDays, CalendarEntry, CalendarFilter } from '../../../shared/calendar/entries';
import { localDayBounds, localParts } from '../../../shared/calendar/zonedTime';
import type { PartnerWarning } from '../../../shared/calendar/warningSchema';
import { warningAnchor } from '../../../shared/calendar/warnings';

/**
 * The calendar's query cache, updated entry by entry: a moved post is taken out of every cached
 * range and put back where it now belongs, so a move never refetches a range of hundreds of posts.
 * Keys: ['calendar', 'range', from, to, filter], ['calendar', 'days', from, to, filter, zone]
 * (a month: the first posts of each day and the days' counts), ['calendar', 'unscheduled',
 * partnerIds], ['calendar', 'warnings', from, to, partnerIds].
 */
export const calendarKeys = {
  all: ['calendar'] as const,
  range: (from: number, to: number, filter: CalendarFilter) => ['calendar', 'range', from, to, filter] as const,
  unscheduled: (partnerIds: string[]) => ['calendar', 'unscheduled', partnerIds] as const,
  warnings: (from: string, to: string, partnerIds: string[]) => ['calendar', 'warnings', from, to, partnerIds] as const,
};

export function matchesFilter(entry: CalendarEntry, filter: CalendarFilter): boolean {
  if (filter.partnerIds && !filter.partnerIds.includes(entry.partnerId)) return false;
  if (filter.statuses && !filter.statuses.includes(entry.status)) return false;
  if (filter.networks && !entry.networks.some((n) => filter.networks?.includes(n))) return false;
  return true;
}

/** `list` without `entry`, then with it again if it belongs to [from, to) under `filter`, in time order. */
export function placeInRange(list: readonly CalendarEntry[], entry: CalendarEntry, from: number, to: number, filter: CalendarFilter): CalendarEntry[] {
  const others = list.filter((e) => e.id !== entry.id);
  const at = entry.scheduledAt;
  if (at === null || at < from || at >= to || !matchesFilter(entry, filter)) return others;
  // Same order as the server's (scheduled_at): after any entry at the same instant.
  let index = others.findIndex((e) => (e.scheduledAt ?? 0) > at);
  if (index === -1) index = others.length;
  return [...others.slice(0, index), entry, ...others.slice(index)];
}

const rangeOf = (key: QueryKey): { from: number; to: number; filter: CalendarFilter } | null => {
  const [, , from, to, filter] = key;
  return typeof from === 'number' && typeof to === 'number' && typeof filter === 'object' && filter !== null ? { from, to, filter } : null;
};

/** A month's days after a post moved from `before` to `after` (either may be absent): drawn entries and counts. */
export function moveInDays(days: CalendarDays, before: CalendarEntry | undefined, after: CalendarEntry, range: { from: number; to: number; filter: CalendarFilter }, zone: string): CalendarDays {
  const counts = { ...days.counts };
  const counted = (entry: CalendarEntry | undefined): string | null =>
    entry && entry.scheduledAt !== null && entry.scheduledAt >= range.from && entry.scheduledAt < range.to && matchesFilter(entry, range.filter) ? localParts(entry.scheduledAt, zone).date : null;
  const left = counted(before);
  const joined = counted(after);
  if (left !== null) counts[left] = Math.max(0, (counts[left] ?? 1) - 1);
  if (joined !== null) counts[joined] = (counts[joined] ?? 0) + 1;
  return { entries: placeInRange(days.entries, after, range.from, range.to, range.filter), counts };
}

/**
 * Puts `entry` (as moved, or as core answered) in every cached range, month and unscheduled
 * list; `before` is how the lists showed it until now (for the months' day counts).
 */
export function applyEntry(queryClient: QueryClient, entry: CalendarEntry, before?: CalendarEntry): void {
  for (const [key, list] of queryClient.getQueriesData<CalendarEntry[]>({ queryKey: ['calendar', 'range'] })) {
    const range = rangeOf(key);
    if (range && list) queryClient.setQueryData<CalendarEntry[]>(key, placeInRange(list, entry, range.from, range.to, range.filter));
  }
  for (const [key, days] of queryClient.getQueriesData<CalendarDays>({ queryKey: ['calendar', 'days'] })) {
    const range = rangeOf(key);
    const zone = key[5];
    if (range && days && typeof zone === 'string') queryClient.setQueryData<CalendarDays>(key, moveInDays(days, before, entry, range, zone));
  }
  for (const [key, list] of queryClient.getQueriesData<CalendarEntry[]>({ queryKey: ['calendar', 'unscheduled'] })) {
    const partnerIds = key[2];
    if (!list || !Array.isArray(partnerIds)) continue;
    const others = list.filter((e) => e.id !== entry.id);
    const belongs = entry.scheduledAt === null && (partnerIds.length === 0 || partnerIds.includes(entry.partnerId));
    queryClient.setQueryData<CalendarEntry[]>(key, belongs ? [entry, ...others] : others);
  }
}

/** A month's day that draws fewer posts than it holds and has room for: a post moved out of a full day left a gap. */
export interface ShortDay {
  key: QueryKey;
  date: string;
  from: number;
  to: number;
  filter: CalendarFilter;
  zone: string;
}

/**
 * The cached months' days that now draw fewer posts than they could (`perDay` at most, their
 * count otherwise): each is read again alone (`calendar.days` over that day) and put back with
 * `refillDay`, rather than the whole month.
 */
export function shortDays(queryClient: QueryClient, perDay: number): ShortDay[] {
  const short: ShortDay[] = [];
  for (const [key, days] of queryClient.getQueriesData<CalendarDays>({ queryKey: ['calendar', 'days'] })) {
    const range = rangeOf(key);
    const zone = key[5];
    if (!range || !days || typeof zone !== 'string') continue;
    const drawn = new Map<string, number>();
    for (const entry of days.entries) {
      if (entry.scheduledAt === null) continue;
      const date = localParts(entry.scheduledAt, zone).date;
      drawn.set(date, (drawn.get(date) ?? 0) + 1);
    }
    for (const [date, count] of Object.entries(days.counts)) {
      if ((drawn.get(date) ?? 0) >= Math.min(count, perDay)) continue;
      const { start, end } = localDayBounds(date, zone);
      short.push({ key, date, from: Math.max(start, range.from), to: Math.min(end, range.to), filter: range.filter, zone });
    }
  }
  return short;
}

/** The day's posts as core drew them, in place of the cached month's entries for that day. */
export function refillDay(queryClient: QueryClient, day: ShortDay, fresh: CalendarDays): void {
  queryClient.setQueryData<CalendarDays>(day.key, (days) => {
    if (!days) return days;
    const others = days.entries.filter((entry) => entry.scheduledAt === null || localParts(entry.scheduledAt, day.zone).date !== day.date);
    const entries = [...others, ...fresh.entries].sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0));
    return { entries, counts: { ...days.counts, [day.date]: fresh.counts[day.date] ?? 0 } };
  });
}

/**
 * True when every cached range and unscheduled list already shows the post at `scheduledAt`
 * (this window moved it): core's event then needs no refetch.
 */
export function cacheShowsSchedule(queryClient: QueryClient, postId: string, scheduledAt: number | null): boolean {
  let seen = false;
  for (const [key, data] of queryClient.getQueriesData<CalendarEntry[] | CalendarDays>({ queryKey: ['calendar'] })) {
    const list = entriesOf(key, data);
    if (!list) continue;
    const entry = list.find((e) => e.id === postId);
    if (!entry) continue;
    seen = true;
    if (entry.scheduledAt !== scheduledAt) return false;
  }
  return seen;
}

/** A partner's warnings over a view's dates, fresh from core, in place of that partner's cached ones. */
export function replacePartnerWarnings(list: readonly PartnerWarning[], partnerId: string, fresh: readonly PartnerWarning[]): PartnerWarning[] {
  return [...list.filter((w) => w.partnerId !== partnerId), ...fresh].sort((a, b) => warningAnchor(a.warning).localeCompare(warningAnchor(b.warning)));
}

/** The post as the calendar last showed it, from whichever cached list holds it. */
export function cachedEntry(queryClient: QueryClient, postId: string): CalendarEntry | undefined {
  for (const [key, data] of queryClient.getQueriesData<CalendarEntry[] | CalendarDays>({ queryKey: ['calendar'] })) {
    const found = entriesOf(key, data)?.find((e) => e.id === postId);
    if (found) return found;
  }
  return undefined;
}

/** The entries a cached calendar query holds (ranges, months, unscheduled lists), if any. */
function entriesOf(key: QueryKey, data: CalendarEntry[] | CalendarDays | undefined): readonly CalendarEntry[] | null {
  if (!data) return null;
  if (key[1] === 'range' || key[1] === 'unscheduled') return Array.isArray(data) ? data : null;
  if (key[1] === 'days') return Array.isArray(data) ? null : data.entries;
  return null;
}
