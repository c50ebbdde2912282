import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { CalendarView } from './calendarViews';

/** A view of the calendar at a date: what the address asks for, or what the page shows. */
export interface Period {
  view: CalendarView;
  anchor: string;
}

/**
 * How long the page keeps showing the period it has while the asked one's posts are read. Past
 * it, the asked period is drawn and says its posts are loading (a slow core, a long read).
 */
export const HOLD_MS = 300;

const samePeriod = (a: Period, b: Period) => a.view === b.view && a.anchor === b.anchor;

/**
 * The period to show next: the asked one once its first read is answered (posts or an error)
 * or held long enough, else the one on screen (the same object, so nothing re-renders).
 */
export function nextShown(shown: Period, asked: Period, askedReady: boolean): Period {
  if (samePeriod(shown, asked)) return shown;
  return askedReady ? asked : shown;
}

/**
 * Keeps the period on screen until the asked one can be drawn with its posts: one render and one
 * frame per navigation, instead of the new grid drawn empty and drawn again with its posts (at an
 * agency's size each of those is tens of milliseconds), and no blank flash between two weeks.
 */
export function useShownPeriod(asked: Period, answered: boolean): { shown: Period; holding: boolean } {
  const [shown, setShown] = useState(asked);
  const [overdue, setOverdue] = useState<string | null>(null);
  const askedKey = `${asked.view}|${asked.anchor}`;
  const next = nextShown(shown, asked, answered || overdue === askedKey);
  // Adjusted during render (React's pattern for state derived from props): the page never
  // commits a frame with the old period once the new one can be drawn.
  if (next !== shown) setShown(next);
  const waiting = !samePeriod(next, asked);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setOverdue(askedKey), HOLD_MS);
    return () => clearTimeout(timer);
  }, [waiting, askedKey]);
  return { shown: next, holding: waiting };
}

/** True once the cache holds an answer for `key`: its data, or the error its read ended with. */
export function useAnswered(queryClient: QueryClient, key: QueryKey): boolean {
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient]);
  return useSyncExternalStore(subscribe, () => {
    const state = queryClient.getQueryState(key);
    return state !== undefined && (state.data !== undefined || state.status === 'error');
  });
}
