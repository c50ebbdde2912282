import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, databaseFile, openDatabase } from '../../../electron/core/db/open';
import { loadMigrations } from '../../../electron/core/db/migrate';
import { PostRepository } from '../../../electron/core/posts/repository';
import { unpackRevisionBody } from '../../../electron/core/posts/revisionBody';
import { canonicalJson } from '../../../shared/posts/canonicalJson';
import { docFromParagraphs, plainTextOf } from '../../../shared/posts/document';
import { signoffContentOf } from '../../../shared/signoff/finalTexts';
import { revisionHash } from '../../../shared/signoff/revisionHash';
import { tempDir } from '../../support/tempDir';

const COMPACT = 11;
const migrations = loadMigrations(DEFAULT_MIGRATIONS_DIR);
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => dir?.remove());

// Texts whose bytes are easy to get wrong: accents, no-break spaces, emoji (surrogate pairs),
// combining marks, a NUL, CRLF, escapes in the JSON, an empty body, and a long one.
const texts = [
  'Réforme du droit des contrats\u00a0: trois points\u202f!',
  'Emoji 👩🏽‍⚖️ et « guillemets » — l’apostrophe',
  'e\u0301 combiné, ℌ𝔢𝔩𝔩𝔬, 漢字',
  'Un NUL \u0000 au milieu\r\net un retour CRLF',
  'Guillemets "doubles" et \\ barre oblique',
  '',
  'Le droit des contrats, réformé en 2016, impose une lecture attentive des clauses. '.repeat(120),
];

interface Snapshot {
  id: number;
  postId: string;
  number: number;
  title: string;
  createdAt: number;
  bytes: string;
  approval: string;
}

const bytesHash = (contentJson: string, plainText: string) =>
  createHash('sha256').update(contentJson, 'utf8').update('\u0000').update(plainText, 'utf8').digest('hex');
const approvalHash = (plainText: string) => revisionHash(signoffContentOf({ networks: ['linkedin', 'x'], plainText }));

describe('migration 0011 (compact revisions)', () => {
  it('reads every revision back byte for byte: its bytes and its approval hash before the migration equal those after', () => {
    dir = tempDir('plume-compact-');
    const file = databaseFile(dir.path);
    const old = new Database(file);
    for (const migration of migrations.slice(0, COMPACT - 1)) {
      old.transaction(() => {
        old.exec(migration.sql);
        old.pragma(`user_version = ${migration.version}`);
      })();
    }
    old.prepare("INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES ('p1', 'Me Ancienne', '#336699', 'Europe/Paris', 'fr', 1, 1)").run();
    const insertPost = old.prepare("INSERT INTO posts (id, partner_id, title, content_json, plain_text, created_at, updated_at) VALUES (?, 'p1', 'Titre', '{\"type\":\"doc\"}', '', 1, 1)");
    const insertRevision = old.prepare('INSERT INTO revisions (post_id, number, title, content_json, plain_text, restored_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    ['a', 'b'].forEach((postId) => insertPost.run(postId));
    texts.forEach((text, i) => {
      const doc = docFromParagraphs(text.split('\r\n'));
      // Written as an older Plume did, with its own key order: the stored text, not a re-serialisation, must come back.
      const json = i % 2 === 0 ? canonicalJson(doc) : JSON.stringify(doc, null, i);
      insertRevision.run(i < 4 ? 'a' : 'b', i < 4 ? i + 1 : i - 3, `Titre ${i}`, json, i === 3 ? text : plainTextOf(doc), i === 2 ? 1 : null, 1_000 + i);
    });
    const before: Snapshot[] = (
      old.prepare('SELECT * FROM revisions ORDER BY id').all() as { id: number; post_id: string; number: number; title: string; content_json: string; plain_text: string; created_at: number }[]
    ).map((row) => ({
      id: row.id,
      postId: row.post_id,
      number: row.number,
      title: row.title,
      createdAt: row.created_at,
      bytes: bytesHash(row.content_json, row.plain_text),
      approval: approvalHash(row.plain_text),
    }));
    old.close();
    expect(before).toHaveLength(texts.length);

    const { db, migration } = openDatabase(file, Date.now());
    try {
      expect(migration).toMatchObject({ from: COMPACT - 1 });
      const after: Snapshot[] = (
        db.prepare('SELECT * FROM revisions ORDER BY id').all() as { id: number; post_id: string; number: number; title: string; body: Buffer; created_at: number }[]
      ).map((row) => {
        const body = unpackRevisionBody(row.body);
        return { id: row.id, postId: row.post_id, number: row.number, title: row.title, createdAt: row.created_at, bytes: bytesHash(body.contentJson, body.plainText), approval: approvalHash(body.plainText) };
      });
      expect(after).toEqual(before);
      // Through the repository too, as the revisions panel and a restore read them.
      const posts = new PostRepository(db);
      for (const snapshot of before) {
        const detail = posts.revision(snapshot.id);
        expect(detail && approvalHash(detail.plainText)).toBe(snapshot.approval);
      }
      expect(db.prepare("SELECT name FROM pragma_table_info('revisions')").all().map((c) => (c as { name: string }).name)).not.toContain('content_json');
    } finally {
      db.close();
    }
  });

  it('stores a revision’s body in less than half the bytes of its text and JSON', () => {
    dir = tempDir('plume-compact-');
    const { db } = openDatabase(databaseFile(dir.path), Date.now());
    try {
      const text = 'Depuis la réforme du droit des contrats, la clause d’imprévision permet de demander une renégociation. Nous accompagnons les dirigeants de PME dans la rédaction de leurs contrats commerciaux.';
      const json = canonicalJson(docFromParagraphs([text, text.toUpperCase()]));
      const packed = db.prepare('SELECT revision_pack(?, ?) AS body').get(json, plainTextOf(docFromParagraphs([text, text.toUpperCase()]))) as { body: Buffer };
      expect(packed.body.length).toBeLessThan((Buffer.byteLength(json) + Buffer.byteLength(text) * 2) / 2);
    } finally {
      db.close();
    }
  });
});
