import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Event-driven refetches, gathered for a moment and sent together. Core announces each change
 * (a catch-up after months away holds thousands of posts; the outbox reports every job), and
 * one refetch per event and per view would keep the page and core busy re-reading the same
 * lists (~15 a second while someone types). Each key is refetched once per batch.
 */
const BATCH_MS = 150;

interface Batch {
  keys: Map<string, QueryKey>;
  everything: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

const batches = new WeakMap<QueryClient, Batch>();

function batchOf(queryClient: QueryClient): Batch {
  let batch = batches.get(queryClient);
  if (!batch) batches.set(queryClient, (batch = { keys: new Map(), everything: false, timer: null }));
  return batch;
}

function schedule(queryClient: QueryClient, batch: Batch): void {
  batch.timer ??= setTimeout(() => {
    const { keys, everything } = batch;
    batch.keys = new Map();
    batch.everything = false;
    batch.timer = null;
    if (everything) void queryClient.invalidateQueries();
    else for (const key of keys.values()) void queryClient.invalidateQueries({ queryKey: key });
  }, BATCH_MS);
}

/** Marks `queryKey` (and the keys under it) stale and refetches what is shown, with the next batch. */
export function invalidateSoon(queryClient: QueryClient, queryKey: QueryKey): void {
  const batch = batchOf(queryClient);
  batch.keys.set(JSON.stringify(queryKey), queryKey);
  schedule(queryClient, batch);
}

/** Every cached read, with the next batch (events missed, workspace replaced). */
export function invalidateAllSoon(queryClient: QueryClient): void {
  const batch = batchOf(queryClient);
  batch.everything = true;
  schedule(queryClient, batch);
}
