import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { loadMigrations, migrate } from './migrate';
import { packRevisionBody } from '../posts/revisionBody';
import type { MigrationReport } from './migrate';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface OpenedDatabase {
  db: Db;
  path: string;
  migration: MigrationReport;
}

/**
 * Opens the workspace database: WAL so readers never block the writer, synchronous=NORMAL
 * (durable across a process crash, which is what kill -9 is; an OS crash may lose the last
 * transaction), foreign keys on, and a busy timeout so two processes wait instead of failing.
 */
export function openDatabase(filePath: string, now: number, migrationsDir = DEFAULT_MIGRATIONS_DIR): OpenedDatabase {
  if (filePath !== ':memory:') mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  registerSqlFunctions(db);
  try {
    const migration = migrate(db, loadMigrations(migrationsDir), filePath, now);
    return { db, path: filePath, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The SQL functions migrations call: 0011 compresses existing revisions with the same code core writes new ones with. */
export function registerSqlFunctions(db: Db): void {
  db.function('revision_pack', { deterministic: true }, (contentJson: unknown, plainText: unknown) => {
    if (typeof contentJson !== 'string' || typeof plainText !== 'string') throw new TypeError('revision_pack(content_json, plain_text) takes two texts');
    return packRevisionBody(contentJson, plainText);
  });
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'plume.sqlite');
