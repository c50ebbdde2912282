import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, databaseFile, openDatabase, registerSqlFunctions } from '../../../electron/core/db/open';
import { loadMigrations } from '../../../electron/core/db/migrate';
import { killReportCliAt } from '../../support/killMidway';
import { tempDir } from '../../support/tempDir';

const migrations = loadMigrations(DEFAULT_MIGRATIONS_DIR);
const latest = migrations.length;
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => dir?.remove());

/** A workspace as an older Plume left it: schema 1..k, with a partner and a post in it. */
function olderWorkspace(path: string, k: number): void {
  const db = new Database(databaseFile(path));
  registerSqlFunctions(db);
  for (const migration of migrations.slice(0, k)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  db.prepare("INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES ('p1', 'Me Ancienne', '#336699', 'Europe/Paris', 'fr', 1, 1)").run();
  db.prepare(
    "INSERT INTO posts (id, partner_id, title, content_json, plain_text, created_at, updated_at) VALUES ('post1', 'p1', 'Réforme', '{\"type\":\"doc\",\"content\":[]}', 'Le texte écrit avant', 1, 1)",
  ).run();
  db.close();
}

describe('kill -9 during a migration', () => {
  it('leaves the older schema and its data intact, and the next start completes the migration without losing anything', async () => {
    dir = tempDir('plume-kill-migration-');
    olderWorkspace(dir.path, latest - 2);
    await killReportCliAt(`migration-${latest}`, join(dir.path, 'paused'), ['--month', '2026-10', '--format', 'csv', '--out', join(dir.path, 'r.csv')], {
      PLUME_DATA_DIR: dir.path,
    });

    // Killed inside the last migration's transaction: the ones before it are committed, it is not.
    const raw = new Database(databaseFile(dir.path), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latest - 1);
    raw.close();

    const { db, migration } = openDatabase(databaseFile(dir.path), Date.now());
    try {
      expect(migration).toMatchObject({ from: latest - 1, to: latest });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT display_name FROM partners').all()).toEqual([{ display_name: 'Me Ancienne' }]);
      expect(db.prepare('SELECT title, plain_text FROM posts').all()).toEqual([{ title: 'Réforme', plain_text: 'Le texte écrit avant' }]);
    } finally {
      db.close();
    }
  });
});
