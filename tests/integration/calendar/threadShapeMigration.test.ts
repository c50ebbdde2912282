import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, databaseFile, openDatabase, registerSqlFunctions } from '../../../electron/core/db/open';
import { loadMigrations } from '../../../electron/core/db/migrate';
import { tempDir } from '../../support/tempDir';

const THREAD_SHAPE = 23;
const migrations = loadMigrations(DEFAULT_MIGRATIONS_DIR);
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => dir?.remove());

describe('migration 0023 (thread and first comment in the calendar index)', () => {
  it('fills them for posts saved before it, by the rule the app applies on save', () => {
    dir = tempDir('plume-thread-shape-');
    const file = databaseFile(dir.path);
    const old = new Database(file);
    registerSqlFunctions(old);
    for (const migration of migrations.filter((m) => m.version < THREAD_SHAPE)) {
      old.transaction(() => {
        old.exec(migration.sql);
        old.pragma(`user_version = ${migration.version}`);
      })();
    }
    old.prepare("INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES ('p1', 'Me Ancienne', '#336699', 'Europe/Paris', 'fr', 1, 1)").run();
    const post = old.prepare("INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, created_at, updated_at) VALUES (?, 'p1', 'Titre', ?, '{\"type\":\"doc\"}', '', 1, 1)");
    post.run('a', JSON.stringify(['linkedin', 'x', 'bluesky']));
    post.run('b', JSON.stringify(['linkedin']));
    const thread = old.prepare('INSERT INTO post_threads (post_id, network, parts, first_comment) VALUES (?, ?, ?, ?)');
    thread.run('a', 'x', JSON.stringify(['Un 1/3', 'Deux 2/3', 'Trois 3/3', '  ']), 'Réponse');
    // One part is no thread; a blank comment is no comment.
    thread.run('a', 'bluesky', JSON.stringify(['Seul']), '   ');
    thread.run('a', 'linkedin', '[]', 'Notre note');
    // A network the post no longer targets counts for nothing.
    thread.run('b', 'x', JSON.stringify(['Un 1/2', 'Deux 2/2']), 'Réponse');
    old.close();

    const { db } = openDatabase(file, Date.now());
    const rows = db.prepare('SELECT id, thread_parts, comment_networks FROM posts ORDER BY id').all() as { id: string; thread_parts: string; comment_networks: string }[];
    db.close();
    expect(rows.map((row) => [row.id, JSON.parse(row.thread_parts) as unknown, (JSON.parse(row.comment_networks) as string[]).sort()])).toEqual([
      ['a', { x: 3 }, ['linkedin', 'x']],
      ['b', {}, []],
    ]);
  });
});
