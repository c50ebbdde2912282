import { QueryClient } from '@tanstack/react-query';
import type { InvalidateOptions, InvalidateQueryFilters, QueryClientConfig, QueryKey } from '@tanstack/react-query';

/** What this client looks at in a cached query (the cache hands them out with `any` data). */
interface QueryRead {
  promise: Promise<unknown> | undefined;
  queryKey: QueryKey;
}

interface OutdatedRead {
  read: Promise<unknown>;
  refetchType: InvalidateQueryFilters['refetchType'];
}

/**
 * The page's query cache, which keeps every invalidation.
 *
 * React Query forgets one that arrives while a read is in flight and is not restarted by it:
 * - a first read (no answer yet) is shared, not restarted;
 * - a read nothing shows (the calendar's early reads, the first screen's prefetch) is not
 *   refetched at all.
 * That read's answer, asked for before the change, then clears the stale mark and is served as
 * fresh for the whole staleTime: a draft created just after the calendar's first read could
 * miss its tray until the next change.
 *
 * This client notes each read in flight when it is invalidated. If that same read (not a
 * restarted one) answers, the answer is invalidated again as it lands: what shows it reads again,
 * and what shows it later does not take it as fresh.
 */
export class PlumeQueryClient extends QueryClient {
  /** A query's fetch that was already under way when the query was invalidated, and how that invalidation refetched. */
  readonly #readsOlderThanTheirInvalidation = new WeakMap<object, OutdatedRead>();

  constructor(config?: QueryClientConfig) {
    super(config);
    this.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual === true) return;
      const query: QueryRead = event.query;
      const outdated = this.#readsOlderThanTheirInvalidation.get(query);
      if (outdated === undefined) return;
      this.#readsOlderThanTheirInvalidation.delete(query);
      // A restarted read began after the invalidation: its answer is current.
      if (query.promise !== outdated.read) return;
      // After the cache has told everyone about this answer, not in the middle of it; refetched
      // as the caller asked (a drop reads its partner's warnings itself: refetchType 'none').
      queueMicrotask(() => void this.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: outdated.refetchType }));
    });
  }

  override invalidateQueries<TTaggedQueryKey extends QueryKey = QueryKey>(
    filters?: InvalidateQueryFilters<TTaggedQueryKey>,
    options?: InvalidateOptions,
  ): Promise<void> {
    for (const query of this.getQueryCache().findAll(filters)) {
      const read: Promise<unknown> | undefined = query.state.fetchStatus === 'idle' ? undefined : query.promise;
      if (read !== undefined) this.#readsOlderThanTheirInvalidation.set(query, { read, refetchType: filters?.refetchType });
    }
    return super.invalidateQueries(filters, options);
  }
}
