import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { typingPauseLeft } from '../ui/typingPace';

/**
 * Event-driven refetches, gathered for a moment and sent together. Core announces each change
 * (a catch-up after months away holds thousands of posts; the outbox reports every job), and
 * one refetch per event and per view would keep the page and core busy re-reading the same
 * lists (~15 a second while someone types). Each key is refetched once per batch.
 */
const BATCH_MS = 150;
/**
 * While someone types, a batch waits for the pause (ui/typingPace.ts): each autosave announces
 * the post saved, and refetching the post, its list, sign-off, previews and near-duplicates every
 * 0.7 s put a burst of parsing and panel renders (and core's answers, on the same cores) under
 * the keys (×2.6 the bare editor's p95, bench/editorPage.bench.ts). Never held longer than this,
 * so what other windows change still shows during long typing.
 */
export const TYPING_HOLD_MAX_MS = 10_000;

/** Work done with a batch instead of a refetch (a list patched in place, renderer/src/posts/listRefresh.ts). */
export interface Task {
  run: () => void;
  /** Called instead of `run` when the batch reads every query again, which covers what the task would have done. */
  drop: () => void;
}

interface Batch {
  keys: Map<string, QueryKey>;
  tasks: Map<string, Task>;
  everything: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  /** When the oldest key waiting was asked for. */
  since: number;
}

const batches = new WeakMap<QueryClient, Batch>();

function batchOf(queryClient: QueryClient): Batch {
  let batch = batches.get(queryClient);
  if (!batch) batches.set(queryClient, (batch = { keys: new Map(), tasks: new Map(), everything: false, timer: null, since: 0 }));
  return batch;
}

/** How long the batch still waits from `now`: 0 once typing has paused or the hold is over. */
function holdLeft(batch: Batch, now: number): number {
  return Math.max(0, Math.min(typingPauseLeft(now), batch.since + TYPING_HOLD_MAX_MS - now));
}

function flush(queryClient: QueryClient, batch: Batch): void {
  batch.timer = null;
  const wait = holdLeft(batch, Date.now());
  if (wait > 0) {
    batch.timer = setTimeout(() => flush(queryClient, batch), wait);
    return;
  }
  const { keys, tasks, everything } = batch;
  batch.keys = new Map();
  batch.tasks = new Map();
  batch.everything = false;
  if (everything) {
    void queryClient.invalidateQueries();
    for (const task of tasks.values()) task.drop();
    return;
  }
  for (const key of keys.values()) void queryClient.invalidateQueries({ queryKey: key });
  for (const task of tasks.values()) task.run();
}

function schedule(queryClient: QueryClient, batch: Batch): void {
  if (batch.timer !== null) return;
  batch.since = Date.now();
  batch.timer = setTimeout(() => flush(queryClient, batch), BATCH_MS);
}

/** Marks `queryKey` (and the keys under it) stale and refetches what is shown, with the next batch. */
export function invalidateSoon(queryClient: QueryClient, queryKey: QueryKey): void {
  const batch = batchOf(queryClient);
  batch.keys.set(JSON.stringify(queryKey), queryKey);
  schedule(queryClient, batch);
}

/**
 * `task.run` with the next batch (held as its refetches are), once however often it is asked for
 * under `name`; `task.drop` instead when that batch reads everything again.
 */
export function runSoon(queryClient: QueryClient, name: string, task: Task): void {
  const batch = batchOf(queryClient);
  batch.tasks.set(name, task);
  schedule(queryClient, batch);
}

/** Every cached read, with the next batch (events missed, workspace replaced). */
export function invalidateAllSoon(queryClient: QueryClient): void {
  const batch = batchOf(queryClient);
  batch.everything = true;
  schedule(queryClient, batch);
}
