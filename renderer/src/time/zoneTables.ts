import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { tzOffset } from '@date-fns/tz';
import { api } from '../api';
import { registerZoneTables, setMissingZoneHandler, subscribeZoneData, zoneDataVersion } from '../../../shared/time/zoneData';
import { userZone } from './userZone';

/**
 * The UI's time-zone data is core's (ARCHITECTURE rule 8): tables for the user's zone and every
 * partner's are loaded before the first render, again when partners change, and for any other
 * zone the first time one is shown. The browser's own zone data is never the answer, except
 * for a zone typed a moment ago whose table is on its way (the stop-gap below, then a redraw).
 */
const queryKey = (zones: readonly string[]) => ['time', 'zoneTables', [...zones].sort()] as const;

async function load(queryClient: QueryClient, zones: readonly string[]): Promise<void> {
  const tables = await queryClient.query({
    queryKey: queryKey(zones),
    queryFn: () => api.call('time.zoneTables', { zones: [...zones] }),
    staleTime: Infinity,
  });
  registerZoneTables(tables);
}

const requested = new Set<string>();

export async function loadZoneTables(queryClient: QueryClient): Promise<void> {
  setMissingZoneHandler((zone, at) => {
    if (!requested.has(zone)) {
      requested.add(zone);
      load(queryClient, [zone]).catch((error: unknown) => console.warn(`time-zone data for ${zone} not loaded`, error));
    }
    const stopGap = tzOffset(zone, new Date(at));
    return Number.isFinite(stopGap) ? stopGap : null;
  });
  api.subscribe((event) => {
    if (event.type === 'partners.changed' || event.type === 'workspace.changed') {
      void queryClient.invalidateQueries({ queryKey: ['time', 'zoneTables'] });
      load(queryClient, [userZone()]).catch((error: unknown) => console.warn('time-zone data not reloaded', error));
    }
  });
  await load(queryClient, [userZone()]);
}

/** Re-render when new tables arrive (times computed with a stop-gap are then drawn again). */
export const useZoneDataVersion = (): number => useSyncExternalStore(subscribeZoneData, zoneDataVersion);
