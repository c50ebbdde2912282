import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

// The chain alone proves that what remains is intact and in order, not that nothing was cut off
// its end. The anchor (newest entry, sealed with a key from the OS keychain) proves that too.
let t: TestCore;
afterEach(() => t.close());

/** A workspace with a few audited facts, its anchor on the newest one. */
async function workspace(): Promise<{ newest: number; file: string }> {
  t = createTestCore();
  const partner = await t.call('partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  for (const text of ['Première', 'Deuxième', 'Troisième']) await t.call('posts.create', { partnerId: partner.id, title: text, content: docFromParagraphs([text]) });
  const file = t.core.databasePath;
  const read = () => {
    const db = new Database(file, { readonly: true });
    try {
      return {
        newest: db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number,
        anchored: db.prepare('SELECT last_id FROM audit_anchor').pluck().get() as number | undefined,
      };
    } finally {
      db.close();
    }
  };
  // The key comes from the keychain once, just after start; the anchor follows every append from then on.
  await vi.waitFor(() => expect(read().anchored).toBe(read().newest), { timeout: 10_000 });
  return { newest: read().newest, file };
}

/** Raw SQL on the file, as someone with sqlite3 would, triggers dropped first. */
function tamper(file: string, sql: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  sql(db);
  db.close();
}

describe('the audit log’s anchor', () => {
  it('leaves an untouched log verified', async () => {
    await workspace();
    expect(await t.call('records.verifyAuditLog', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('names the cut when the newest entries are deleted with sqlite3', async () => {
    const { newest, file } = await workspace();
    tamper(file, (db) => db.prepare('DELETE FROM audit_log WHERE id > ?').run(newest - 2));
    expect(await t.call('records.verifyAuditLog', {})).toMatchObject({ ok: false, problems: [{ kind: 'tailCut', id: newest }] });
  });

  it('refuses an anchor moved back by hand to the entry before the cut: its seal no longer verifies', async () => {
    const { newest, file } = await workspace();
    tamper(file, (db) => {
      db.prepare('DELETE FROM audit_log WHERE id > ?').run(newest - 2);
      const kept = db.prepare('SELECT id, entry_hash FROM audit_log WHERE id = ?').get(newest - 2) as { id: number; entry_hash: string };
      db.prepare('UPDATE audit_anchor SET last_id = ?, head = ?').run(kept.id, kept.entry_hash);
    });
    expect(await t.call('records.verifyAuditLog', {})).toMatchObject({ ok: false, problems: [{ kind: 'anchorForged', id: 0 }] });
  });

  it('says so when the anchor itself was deleted', async () => {
    const { file } = await workspace();
    tamper(file, (db) => db.prepare('DELETE FROM audit_anchor').run());
    expect(await t.call('records.verifyAuditLog', {})).toMatchObject({ ok: false, problems: [{ kind: 'anchorMissing', id: 0 }] });
  });
});
