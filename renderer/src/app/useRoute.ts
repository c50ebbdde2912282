import { useCallback, useSyncExternalStore } from 'react';
import { isLocalDate } from '../../../shared/calendar/civil';
import { calendarViews } from '../calendar/calendarViews';
import type { CalendarView } from '../calendar/calendarViews';

/**
 * Hash routes (#/posts/ID, #/partners, #/settings): they survive reloads in both transports
 * (file:// in Electron, the loopback server in browser mode) without server-side routing.
 */
export type Route =
  | { page: 'calendar'; view: CalendarView; date: string | null }
  | { page: 'posts'; postId: string | null }
  | { page: 'partners'; partnerId: string | null }
  | { page: 'settings' }
  | { page: 'reports' }
  | { page: 'editorial'; partnerId: string | null }
  | { page: 'outbox' };

export function parseRoute(hash: string): Route {
  const [page, id, date] = hash.replace(/^#\/?/, '').split('/');
  if (page === 'partners') return { page: 'partners', partnerId: id ?? null };
  if (page === 'settings') return { page: 'settings' };
  if (page === 'reports') return { page: 'reports' };
  if (page === 'outbox') return { page: 'outbox' };
  if (page === 'editorial') return { page: 'editorial', partnerId: id && id.length > 0 ? id : null };
  if (page === 'posts') return { page: 'posts', postId: id && id.length > 0 ? id : null };
  // The calendar is home.
  const view = calendarViews.find((v) => v === id) ?? 'month';
  return { page: 'calendar', view, date: date && isLocalDate(date) ? date : null };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'calendar':
      return `#/calendar/${route.view}${route.date ? `/${route.date}` : ''}`;
    case 'posts':
      return route.postId ? `#/posts/${route.postId}` : '#/posts';
    case 'partners':
      return route.partnerId ? `#/partners/${route.partnerId}` : '#/partners';
    case 'settings':
      return '#/settings';
    case 'reports':
      return '#/reports';
    case 'editorial':
      return route.partnerId ? `#/editorial/${route.partnerId}` : '#/editorial';
    case 'outbox':
      return '#/outbox';
  }
}

const addressListeners = new Set<(route: Route) => void>();
// Registered as this module loads, before any component subscribes: a window's listeners run in
// the order they were added (capture or not), and React renders the new route in the microtask
// right after the first one that tells it.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    if (addressListeners.size === 0) return;
    const route = parseRoute(window.location.hash);
    for (const listener of addressListeners) listener(route);
  });
}

/**
 * Called with the new route as soon as the address changes, before React draws it: a page can
 * start reading what the route will show while its frame is drawn.
 */
export function onAddressChange(listener: (route: Route) => void): () => void {
  addressListeners.add(listener);
  return () => addressListeners.delete(listener);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHash(route);
  }, []);
  return [parseRoute(hash), navigate];
}
