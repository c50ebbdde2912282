import { sqliteDriverPath } from './sqliteDriver';
import { Worker } from 'node:worker_threads';

// Plain JS run by the worker: its own read-only connection copies one consistent snapshot of
// the workspace (`VACUUM INTO`), so the main thread keeps serving the page and saving while a
// gigabyte-sized workspace is copied, and writes made meanwhile never restart the copy (as they
// restart SQLite's backup API when they come from another connection).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let result;
try {
  const db = new Database(workerData.source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(workerData.destination);
    result = { ok: true };
  } finally {
    db.close();
  }
} catch (error) {
  result = { ok: false, code: error && typeof error.code === 'string' ? error.code : '', message: error && error.message ? error.message : String(error) };
}
parentPort.postMessage(result);
`;

/** A copy that failed, with SQLite's code (SQLITE_FULL on a full disk) so the caller can say why. */
export class BackgroundCopyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Copies the database at `source` into the new file `destination`, in a worker thread. */
export function copyInBackground(source: string, destination: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { source, destination, driver: sqliteDriverPath() } });
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.once('message', (message: { ok: true } | { ok: false; code: string; message: string }) =>
      settle(message.ok ? null : new BackgroundCopyError(message.code, message.message)),
    );
    worker.once('error', (error) => settle(error));
    worker.once('exit', (code) => settle(new Error(`the copy stopped (exit ${code})`)));
  });
}
