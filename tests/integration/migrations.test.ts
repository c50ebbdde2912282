import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, openDatabase } from '../../electron/core/db/open';
import { DatabaseTooNewError, loadMigrations } from '../../electron/core/db/migrate';
import { tempDir } from '../support/tempDir';

const temps: { remove: () => void }[] = [];
const fresh = () => {
  const t = tempDir();
  temps.push(t);
  return t.path;
};
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

const latest = loadMigrations(DEFAULT_MIGRATIONS_DIR).length;

describe('database migrations', () => {
  it('migrate an empty file to the newest schema, with WAL and foreign keys on, and no backup', () => {
    const file = join(fresh(), 'plume.sqlite');
    const { db, migration } = openDatabase(file, 1);
    expect(migration).toEqual({ from: 0, to: latest, backupPath: null });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['partners', 'posts', 'revisions', 'settings']));
    db.close();
  });

  it('is a no-op when already current', () => {
    const file = join(fresh(), 'plume.sqlite');
    openDatabase(file, 1).db.close();
    const again = openDatabase(file, 2);
    expect(again.migration).toEqual({ from: latest, to: latest, backupPath: null });
    again.db.close();
  });

  it('keeps a consistent copy of a non-empty database before migrating it', () => {
    const dir = fresh();
    const oldMigrations = join(dir, 'old');
    const newMigrations = join(dir, 'new');
    mkdirSync(oldMigrations);
    mkdirSync(newMigrations);
    for (const file of readdirSync(DEFAULT_MIGRATIONS_DIR)) {
      copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(oldMigrations, file));
      copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(newMigrations, file));
    }
    const next = String(latest + 1).padStart(4, '0');
    writeFileSync(join(newMigrations, `${next}_test_column.sql`), 'ALTER TABLE settings ADD COLUMN note TEXT;');

    const file = join(dir, 'plume.sqlite');
    const first = openDatabase(file, 1, oldMigrations);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '\"v\"')").run();
    first.db.close();

    const second = openDatabase(file, 42, newMigrations);
    expect(second.migration.from).toBe(latest);
    expect(second.migration.to).toBe(latest + 1);
    const backup = second.migration.backupPath;
    expect(backup).toBe(`${file}.v${latest}-42.bak`);
    expect(backup !== null && existsSync(backup)).toBe(true);
    second.db.close();

    const copy = new Database(backup ?? '', { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(latest);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '"v"' });
    copy.close();
  });

  it('0027 marks as the example’s own the posts its loader wrote with their example partner, not those the user wrote later', () => {
    const dir = fresh();
    const before = join(dir, 'before-0027');
    mkdirSync(before);
    for (const file of readdirSync(DEFAULT_MIGRATIONS_DIR)) if (Number.parseInt(file, 10) < 27) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(before, file));
    const file = join(dir, 'plume.sqlite');
    const old = openDatabase(file, 1, before).db;
    const partner = old.prepare("INSERT INTO partners (id, display_name, color, time_zone, locale, is_example, created_at, updated_at) VALUES (?, ?, '#1d4ed8', 'Europe/Paris', 'fr', ?, ?, ?)");
    partner.run('example', 'Me Claire Dupont', 1, 1_000, 1_000);
    partner.run('own', 'Me Marc Roux', 0, 1_000, 1_000);
    const post = old.prepare(`INSERT INTO posts (id, partner_id, title, content_json, plain_text, created_at, updated_at) VALUES (?, ?, 'Titre', '{"type":"doc","content":[]}', '', ?, ?)`);
    post.run('loaded', 'example', 1_000, 1_000);
    post.run('written-later', 'example', 2_000, 2_000);
    post.run('own-at-that-instant', 'own', 1_000, 1_000);
    old.close();

    const { db } = openDatabase(file, 2);
    expect(db.prepare('SELECT id FROM posts WHERE is_example = 1').pluck().all()).toEqual(['loaded']);
    db.close();
  });

  it('rolls a failing migration back entirely and leaves the version where it was', () => {
    const dir = fresh();
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    for (const file of readdirSync(DEFAULT_MIGRATIONS_DIR)) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(broken, file));
    const next = String(latest + 1).padStart(4, '0');
    writeFileSync(join(broken, `${next}_broken.sql`), 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;');
    const file = join(dir, 'plume.sqlite');
    openDatabase(file, 1).db.close();
    expect(() => openDatabase(file, 2, broken)).toThrow(/no_such_table/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer Plume, untouched', () => {
    const file = join(fresh(), 'plume.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(file, 1)).toThrow(DatabaseTooNewError);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('refuses a gap in migration numbering', () => {
    const dir = fresh();
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/numbering/);
  });
});
