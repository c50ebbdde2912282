import { useEffect, useSyncExternalStore } from 'react';
import { connection } from './connection';

/** What a side panel's read query gives this hook. */
export interface SideRead {
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/**
 * The error a side panel (voice, near-duplicates, editorial line) should show for its read: none
 * while core is unreachable, since the status bar already says so once for the whole page (three
 * messages for one outage before), and none while the read is tried again. Back online, a read
 * that failed during the outage is asked again by itself. A read refused while core answers is
 * shown as before.
 */
export function useReadError(read: SideRead): unknown {
  const reachable = useSyncExternalStore((onChange) => connection.subscribe(onChange), connection.get);
  const failed = read.error !== null && read.error !== undefined;
  const { refetch } = read;
  useEffect(() => {
    if (!failed) return undefined;
    const unsubscribe = connection.subscribe((up) => {
      if (up) void refetch();
    });
    return () => {
      unsubscribe();
    };
  }, [failed, refetch]);
  return reachable && !read.isFetching && failed ? read.error : null;
}
