import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecretServiceKeychain } from '../../../electron/core/credentials/keychain';
import { verifyRecord } from '../../../electron/core/records/verifyRecord';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';

// A keychain that no longer holds the sealing key (reset, another computer, a backup restored
// elsewhere) is not a forgery: Plume makes a new key, says so in the log, and verification
// tells « sealed by a key this keychain no longer has » from « the seal does not verify ».
const folders: { remove: () => void }[] = [];
let cores: TestCore[] = [];
afterEach(() => {
  cores.forEach((core) => core.close());
  cores = [];
  folders.splice(0).forEach((folder) => folder.remove());
});

const open = (dir: string): TestCore => {
  const core = createTestCore(dir);
  cores.push(core);
  return core;
};

function read<T>(file: string, query: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** Waits until the anchor sits on the newest entry (the key comes from the keychain just after start). */
async function anchoredOnNewest(file: string): Promise<number> {
  const state = () =>
    read(file, (db) => ({
      newest: db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number,
      anchored: db.prepare('SELECT last_id FROM audit_anchor').pluck().get() as number | undefined,
    }));
  await vi.waitFor(() => expect(state().anchored).toBe(state().newest), { timeout: 10_000 });
  return state().newest;
}

/** A workspace with a few audited facts, anchored, then closed. */
async function workspace(): Promise<{ dir: string; file: string; postId: string; newest: number }> {
  const folder = tempDir();
  folders.push(folder);
  const t = open(folder.path);
  const partner = await t.call('partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  let postId = '';
  for (const text of ['Première', 'Deuxième']) postId = (await t.call('posts.create', { partnerId: partner.id, title: text, content: docFromParagraphs([text]) })).id;
  const file = t.core.databasePath;
  const newest = await anchoredOnNewest(file);
  await t.call('records.verifyAuditLog', {});
  t.close();
  cores = cores.filter((core) => core !== t);
  return { dir: folder.path, file, postId, newest };
}

/** What a fresh keychain looks like to this workspace: the sealing key's item is gone. */
async function loseKey(file: string): Promise<void> {
  const ref = read(file, (db) => db.prepare('SELECT keychain_service AS service, keychain_account AS account FROM signoff_key').get() as { service: string; account: string });
  expect(await new SecretServiceKeychain().delete(ref.service, ref.account)).toBe(true);
}

describe('the audit anchor when the keychain lost its key', () => {
  it('reports the replaced key as a warning with its date, not as a forged anchor, and the log as intact', async () => {
    const { dir, file } = await workspace();
    await loseKey(file);
    const t = open(dir);
    t.clock.advance(3_600_000);
    const result = await t.call('records.verifyAuditLog', {});
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.notices).toEqual([{ kind: 'anchorKeyReplaced', id: expect.any(Number) as number, at: expect.any(Number) as number }]);
  });

  it('writes the replacement into the chained log as a system fact, and anchors it under the new key', async () => {
    const { dir, file, newest } = await workspace();
    await loseKey(file);
    // Verification waits for the start's anchoring: the replacement is written by then.
    await open(dir).call('records.verifyAuditLog', {});
    const after = await anchoredOnNewest(file);
    expect(after).toBe(newest + 1);
    const fact = read(file, (db) => db.prepare('SELECT actor_kind, action, details FROM audit_log WHERE id = ?').get(after) as { actor_kind: string; action: string; details: string });
    expect(fact).toMatchObject({ actor_kind: 'system', action: 'anchorKeyReplaced' });
    expect(JSON.parse(fact.details)).toMatchObject({ previousAnchor: { lastId: newest } });
    const keys = read(file, (db) => db.prepare('SELECT DISTINCT key_id FROM audit_anchor').pluck().all());
    expect(keys).toHaveLength(1);
  });

  it('still calls an anchor forged when its seal fails under the key that sealed it', async () => {
    const { dir, file } = await workspace();
    const db = new Database(file);
    db.prepare("UPDATE audit_anchor SET mac = replace(mac, substr(mac, 1, 1), CASE substr(mac, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END)").run();
    db.close();
    const t = open(dir);
    expect(await t.call('records.verifyAuditLog', {})).toMatchObject({ ok: false, problems: [{ kind: 'anchorForged', id: 0 }], notices: [] });
  });

  it('names entries cut off before the key was replaced, from the anchor the replacement recorded', async () => {
    const { dir, file, newest } = await workspace();
    await loseKey(file);
    const db = new Database(file);
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(newest);
    db.close();
    const t = open(dir);
    const result = await t.call('records.verifyAuditLog', {});
    expect(result.problems).toEqual([{ kind: 'tailCut', id: newest }]);
  });

  it('keeps an anchor written before key ids were kept verified, and stamps its key id', async () => {
    const { dir, file } = await workspace();
    const db = new Database(file);
    db.prepare('UPDATE audit_anchor SET key_id = NULL').run();
    db.close();
    const t = open(dir);
    expect(await t.call('records.verifyAuditLog', {})).toMatchObject({ ok: true, problems: [], notices: [] });
    expect(read(file, (d) => d.prepare('SELECT key_id FROM audit_anchor').pluck().get())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says the same in an exported record, checked offline', async () => {
    const { dir, file, postId } = await workspace();
    await loseKey(file);
    const t = open(dir);
    await t.call('records.verifyAuditLog', {});
    const out = tempDir('plume-record-');
    folders.push(out);
    const record = await t.call('records.export', { scope: { kind: 'post', postId }, folder: out.path });
    const checked = verifyRecord(record.path);
    expect(checked.ok).toBe(true);
    expect(checked.notices.map((n) => n.code)).toEqual(['audit.anchorKeyReplaced']);
    expect(checked.notices[0]?.message).toMatch(/no longer had/);
  });
});
