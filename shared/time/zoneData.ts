import { offsetInTable } from './zoneTable';
import type { ZoneTable } from './zoneTable';

/**
 * Where every zone offset Plume shows comes from: tables registered here. Core registers a
 * source that builds them from Node's tz data; the UI registers the tables core serves it.
 * Nothing here reads the runtime's own zone data.
 */
type TableSource = (zone: string) => ZoneTable;

const tables = new Map<string, ZoneTable>();
let source: TableSource | null = null;
let missing: ((zone: string, at: number) => number | null) | null = null;
let version = 0;
const listeners = new Set<() => void>();

export class UnknownZoneData extends RangeError {
  constructor(readonly zone: string) {
    super(`No time-zone data for ${zone}`);
  }
}

/** Core: tables are built on demand from this source (and kept). */
export function setZoneTableSource(build: TableSource | null): void {
  source = build;
}

/** UI: what to do for a zone whose table has not arrived (ask core for it); may give a stop-gap offset. */
export function setMissingZoneHandler(handler: ((zone: string, at: number) => number | null) | null): void {
  missing = handler;
}

export function registerZoneTables(list: readonly ZoneTable[]): void {
  let changed = false;
  for (const table of list) {
    const known = tables.get(table.zone);
    if (known && known.from === table.from && known.to === table.to && known.transitions.length === table.transitions.length) continue;
    tables.set(table.zone, table);
    changed = true;
  }
  if (!changed) return;
  version += 1;
  for (const listener of listeners) listener();
}

export function hasZoneTable(zone: string): boolean {
  return tables.has(zone);
}

export function zoneTable(zone: string): ZoneTable {
  const known = tables.get(zone);
  if (known) return known;
  if (!source) throw new UnknownZoneData(zone);
  const built = source(zone);
  tables.set(zone, built);
  return built;
}

/** UTC offset of `zone` at `at`, in minutes east of Greenwich; throws on an unknown zone. */
export function zoneOffset(zone: string, at: number): number {
  const known = tables.get(zone);
  if (known) return offsetInTable(known, at);
  if (!source) {
    const stopGap = missing?.(zone, at) ?? null;
    if (stopGap !== null) return stopGap;
    throw new UnknownZoneData(zone);
  }
  return offsetInTable(zoneTable(zone), at);
}

/** Changes each time tables arrive, so a UI can redraw what it computed with stop-gaps. */
export const zoneDataVersion = (): number => version;

export function subscribeZoneData(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
