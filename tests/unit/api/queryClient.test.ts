import { describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { PlumeQueryClient } from '../../../renderer/src/api/queryClient';

const KEY = ['calendar', 'unscheduled'] as const;

/** A read core answers only when told to, with what it stores at the moment the read was asked. */
function slowCore() {
  let stored = 'before';
  const pending: (() => void)[] = [];
  let reads = 0;
  const queryFn = () => {
    reads++;
    const answer = stored;
    return new Promise<string>((resolve) => pending.push(() => resolve(answer)));
  };
  return {
    queryFn,
    change: (value: string) => (stored = value),
    reads: () => reads,
    /** Answers every read in flight, then lets the cache and its listeners settle. */
    answer: async () => {
      for (const resolve of pending.splice(0)) resolve();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await new Promise((settled) => setTimeout(settled, 0));
    },
  };
}

const options = (queryFn: () => Promise<string>) => ({ queryKey: KEY, queryFn, staleTime: 30_000 });

/** A shown read that has its first answer and is being read again. */
async function shownReadRefetching() {
  const core = slowCore();
  const queryClient = new PlumeQueryClient();
  const observer = new QueryObserver(queryClient, options(core.queryFn));
  const unsubscribe = observer.subscribe(() => undefined);
  await core.answer();
  void observer.refetch();
  return { core, queryClient, observer, unsubscribe };
}

describe('an invalidation that arrives while a read is in flight is kept', () => {
  it('a read nothing shows yet (an early read) answers with data from before the change: the next reader reads again', async () => {
    const core = slowCore();
    const queryClient = new PlumeQueryClient();
    const early = queryClient.query(options(core.queryFn));
    core.change('after');
    void queryClient.invalidateQueries({ queryKey: KEY });
    await core.answer();
    expect(await early).toBe('before');
    expect(queryClient.getQueryState(KEY)?.isInvalidated).toBe(true);

    const later = queryClient.query(options(core.queryFn));
    await core.answer();
    expect(await later).toBe('after');
  });

  it('the same sequence on a plain React Query client serves the outdated answer as fresh (why this client exists)', async () => {
    const core = slowCore();
    const queryClient = new QueryClient();
    const early = queryClient.query(options(core.queryFn));
    core.change('after');
    void queryClient.invalidateQueries({ queryKey: KEY });
    await core.answer();
    await early;
    expect(await queryClient.query(options(core.queryFn))).toBe('before');
    expect(core.reads()).toBe(1);
  });

  it('a shown first read (no answer yet) is read again as soon as its outdated answer lands', async () => {
    const core = slowCore();
    const queryClient = new PlumeQueryClient();
    const observer = new QueryObserver(queryClient, options(core.queryFn));
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    core.change('after');
    void queryClient.invalidateQueries({ queryKey: KEY });
    expect(core.reads()).toBe(1);
    await core.answer();
    expect(core.reads()).toBe(2);
    await core.answer();
    expect(observer.getCurrentResult().data).toBe('after');
    expect(seen).toContain('after');
    unsubscribe();
  });

  it('a shown read with an answer already is restarted by React Query itself, and read no third time', async () => {
    const { core, queryClient, observer, unsubscribe } = await shownReadRefetching();
    core.change('after');
    void queryClient.invalidateQueries({ queryKey: KEY });
    await core.answer();
    await core.answer();
    expect(observer.getCurrentResult().data).toBe('after');
    expect(core.reads()).toBe(3);
    expect(queryClient.getQueryState(KEY)?.isInvalidated).toBe(false);
    unsubscribe();
  });

  it('an invalidation that asks for no refetch leaves the in-flight answer stale, and reads nothing more', async () => {
    const { core, queryClient, unsubscribe } = await shownReadRefetching();
    void queryClient.invalidateQueries({ queryKey: KEY, refetchType: 'none' });
    await core.answer();
    expect(queryClient.getQueryState(KEY)?.isInvalidated).toBe(true);
    expect(core.reads()).toBe(2);
    unsubscribe();
  });

  it('a read started after the invalidation is current: nothing more happens', async () => {
    const core = slowCore();
    const queryClient = new PlumeQueryClient();
    void queryClient.invalidateQueries({ queryKey: KEY });
    const read = queryClient.query(options(core.queryFn));
    await core.answer();
    await read;
    expect(queryClient.getQueryState(KEY)?.isInvalidated).toBe(false);
    expect(core.reads()).toBe(1);
  });
});
