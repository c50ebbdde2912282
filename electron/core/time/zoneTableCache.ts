import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ZoneTable } from '../../../shared/time/zoneTable';

/**
 * Zone tables built from Node's tz data, kept on disk between launches: building one probes
 * Node's ICU some 4,000 times (~40 ms a zone), and the first page waits for the tables of every
 * partner's zone. Valid only for the tz data they were built from (`tzData`, e.g. "2025b" plus
 * the table span): a Node update with new rules builds them again. A damaged or foreign file is
 * ignored and replaced, never trusted.
 */
const CacheFile = z.object({ tzData: z.string().min(1).max(200), tables: z.array(ZoneTable).max(600) }).strict();

/** Where a workspace keeps it (derived data: deleting it costs one slower start). */
export const zoneTableCachePath = (dataDir: string): string => join(dataDir, 'cache', 'zone-tables.json');

export interface ZoneTableCache {
  get(zone: string): ZoneTable | undefined;
  /** Remembers a freshly built table; written to disk at once (a few kilobytes). */
  remember(table: ZoneTable): void;
}

export function zoneTableCache(path: string, tzData: string, onWriteError: (error: unknown) => void): ZoneTableCache {
  const tables = new Map<string, ZoneTable>();
  try {
    const parsed = CacheFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success && parsed.data.tzData === tzData) for (const table of parsed.data.tables) tables.set(table.zone, table);
  } catch {
    // No cache yet, or an unreadable one: the tables are built as needed and the file rewritten.
  }
  return {
    get: (zone) => tables.get(zone),
    remember: (table) => {
      tables.set(table.zone, table);
      try {
        mkdirSync(dirname(path), { recursive: true });
        const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
        writeFileSync(temporary, JSON.stringify({ tzData, tables: [...tables.values()] }));
        renameSync(temporary, path);
      } catch (error) {
        // A cache that cannot be written (full disk, read-only folder) only costs the next start time.
        onWriteError(error);
      }
    },
  };
}
