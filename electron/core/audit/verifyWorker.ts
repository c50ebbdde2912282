import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { verifyChain } from './chain';
import type { ChainVerification } from './chain';

/**
 * Worker thread: verifies the audit chain on its own read-only connection, in one read
 * transaction (a consistent snapshot while core keeps appending), so core's thread keeps
 * answering procedures for the ≈12 s a million entries take.
 */
export type VerifyMessage = { ok: true; result: ChainVerification } | { ok: false; error: string };

const input = z.object({ path: z.string().min(1), anchorKey: z.instanceof(Uint8Array).nullable() }).parse(workerData);
let message: VerifyMessage;
try {
  const db = new Database(input.path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    message = { ok: true, result: db.transaction(() => verifyChain(db, input.anchorKey === null ? null : Buffer.from(input.anchorKey)))() };
  } finally {
    db.close();
  }
} catch (error) {
  message = { ok: false, error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(message);
