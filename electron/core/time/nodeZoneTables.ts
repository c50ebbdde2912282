import { tzOffset } from '@date-fns/tz';
import { buildZoneTable } from '../../../shared/time/zoneTable';
import type { ZoneTable } from '../../../shared/time/zoneTable';
import { setZoneTableSource } from '../../../shared/time/zoneData';

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

/** Every zone offset computed in this process (calendar, e-mail, report) comes from Node's tables. */
export function installNodeZoneData(): void {
  setZoneTableSource(nodeZoneTable);
}
