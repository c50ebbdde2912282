import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { installNodeZoneData, nodeTzDataKey } from '../time/nodeZoneTables';
import { zoneTableCache, zoneTableCachePath } from '../time/zoneTableCache';
import { CalendarRepository } from './repository';
import { computeUnits } from './warningUnits';

const Message = z.object({
  id: z.number().int(),
  requests: z.array(
    z.object({
      partnerId: z.string(),
      zone: z.string(),
      policy: CadencePolicy,
      weeks: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
      months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
    }),
  ),
});

/**
 * The calendar warnings' thread: it reads the workspace file itself, read-only, and computes
 * warning units, so a month of them never holds up the server's one thread (an autosave).
 */
const { databasePath } = workerData as { databasePath: string };
// The workspace's table cache (read, and written for a zone it lacks) spares the thread rebuilding them.
installNodeZoneData(zoneTableCache(zoneTableCachePath(dirname(databasePath)), nodeTzDataKey(), () => undefined));
const db = new Database(databasePath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const repository = new CalendarRepository(db);

parentPort?.on('message', (raw: unknown) => {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number' ? raw.id : -1;
  try {
    const message = Message.parse(raw);
    parentPort?.postMessage({ id, ok: true, units: computeUnits(repository, message.requests) });
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
