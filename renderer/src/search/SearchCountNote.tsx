import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../app/queries';
import type { CalendarFilter } from '../../../shared/calendar/entries';

/**
 * Says when a search's hits are only its best few: Ctrl+K shows 20 and the calendar's box 50, and
 * on an agency's workspace a common word matches tens of thousands of posts. Counted by a read of
 * its own (`calendar.searchCount`), so the hits never wait for the count.
 */
export function SearchCountNote({ query, shown, filter }: { query: string; shown: number; filter?: CalendarFilter }) {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: [...keys.calendar, 'searchCount', query, filter ?? {}],
    queryFn: ({ signal }) => api.call('calendar.searchCount', { query, ...(filter ? { filter } : {}) }, { signal }),
    enabled: query.length > 0,
  });
  const total = count.data?.total;
  if (total === undefined || total <= shown) return null;
  return (
    <p className="muted small" role="status" data-testid="search-count">
      {t('search.bestOf', { shown, total })}
    </p>
  );
}
