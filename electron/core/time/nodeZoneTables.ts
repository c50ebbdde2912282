import { tzOffset } from '@date-fns/tz';
import { buildZoneTable } from '../../../shared/time/zoneTable';
import type { ZoneTable } from '../../../shared/time/zoneTable';
import { setZoneTableSource } from '../../../shared/time/zoneData';
import type { ZoneTableCache } from './zoneTableCache';

/**
 * Core's time-zone truth: Node's tz data (its ICU), as tables over the years Plume deals with
 * (reports look back, posts are scheduled ahead). The UI, the e-mail and the report all read
 * these tables, so a partner's time reads the same everywhere (ARCHITECTURE rule 8).
 */
export const ZONE_TABLE_FROM = Date.UTC(2000, 0, 1);
export const ZONE_TABLE_TO = Date.UTC(2050, 0, 1);

export function nodeZoneTable(zone: string): ZoneTable {
  const probe = (at: number) => tzOffset(zone, new Date(at));
  if (!Number.isFinite(probe(ZONE_TABLE_FROM))) throw new RangeError(`Unknown time zone: ${zone}`);
  return buildZoneTable(zone, probe, ZONE_TABLE_FROM, ZONE_TABLE_TO);
}

/** What the tables depend on: Node's tz data and ICU versions, and the span they cover. */
export const nodeTzDataKey = (): string => `tz ${process.versions.tz ?? '?'} icu ${process.versions.icu ?? '?'} ${ZONE_TABLE_FROM}-${ZONE_TABLE_TO}`;

/**
 * Every zone offset computed in this process (calendar, e-mail, report) comes from Node's
 * tables; with a cache, tables built by an earlier launch on the same tz data are reused.
 */
export function installNodeZoneData(cache?: ZoneTableCache): void {
  if (!cache) {
    setZoneTableSource(nodeZoneTable);
    return;
  }
  setZoneTableSource((zone) => {
    const known = cache.get(zone);
    if (known) return known;
    const built = nodeZoneTable(zone);
    cache.remember(built);
    return built;
  });
}
