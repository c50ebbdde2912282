import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { pauseHereForCrashTest } from '../crashTestHook';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files; numbers must run 1, 2, 3… with no gap or duplicate. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering broken at ${m.version}_${m.name}`);
  });
  return migrations;
}

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`This database was written by a newer Plume (schema ${found}, this version knows ${supported}).`);
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  backupPath: string | null;
}

function isEmpty(db: Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n === 0;
}

/**
 * Brings the schema to the newest version, one transaction per migration, tracked by
 * PRAGMA user_version. A non-empty database is copied aside first (VACUUM INTO gives a
 * consistent copy even in WAL mode); a database from a newer Plume is refused untouched.
 */
export function migrate(db: Database, migrations: Migration[], filePath: string, now: number): MigrationReport {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  if (from === latest) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (!isEmpty(db) && filePath !== ':memory:') {
    backupPath = `${filePath}.v${from}-${now}.bak`;
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  for (const migration of migrations.filter((m) => m.version > from)) {
    db.transaction(() => {
      db.exec(migration.sql);
      pauseHereForCrashTest(`migration-${migration.version}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: latest, backupPath };
}
