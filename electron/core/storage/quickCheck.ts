import { sqliteDriverPath } from './sqliteDriver';
import { Worker } from 'node:worker_threads';

/** `unchecked`: the check itself could not run (a busy or missing file), which proves nothing. */
export type QuickCheckResult = { status: 'ok' } | { status: 'damaged'; reason: string } | { status: 'unchecked'; reason: string };

// Plain JS run by the worker: its own read-only connection, so the check never holds the
// main thread (or the writer) while it reads every page.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let result;
try {
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check');
    const lines = rows.map((row) => String(Object.values(row)[0]));
    result = lines.length === 1 && lines[0] === 'ok' ? { status: 'ok' } : { status: 'damaged', reason: lines.slice(0, 5).join('; ') };
  } finally {
    db.close();
  }
} catch (error) {
  const code = error && typeof error.code === 'string' ? error.code : '';
  const damaged = code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
  result = { status: damaged ? 'damaged' : 'unchecked', reason: (code ? code + ': ' : '') + (error && error.message ? error.message : String(error)) };
}
parentPort.postMessage(result);
`;

/** `PRAGMA quick_check` on a file, in a worker thread. Never rejects: a failure to check is a result. */
export function quickCheckInBackground(path: string): Promise<QuickCheckResult> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: QuickCheckResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver: sqliteDriverPath() } });
    } catch (error) {
      settle({ status: 'unchecked', reason: `check could not start: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    worker.once('message', (message: QuickCheckResult) => settle(message));
    worker.once('error', (error) => settle({ status: 'unchecked', reason: `check failed: ${error.message}` }));
    worker.once('exit', (code) => settle({ status: 'unchecked', reason: `check stopped (exit ${code})` }));
  });
}
