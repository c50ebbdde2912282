import { createRequire } from 'node:module';

/** Where better-sqlite3 resolves from core: the storage's worker threads (plain JS, eval'd) require it by this path. */
export const sqliteDriverPath = (): string => createRequire(import.meta.url).resolve('better-sqlite3');
