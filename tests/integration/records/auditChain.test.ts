import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { chainPending, verifyChain } from '../../../electron/core/audit/chain';
import { AuditRepository } from '../../../electron/core/audit/repository';
import { createCore } from '../../../electron/core/app';
import { databaseFile, DEFAULT_MIGRATIONS_DIR, openDatabase } from '../../../electron/core/db/open';
import { createLogger } from '../../../electron/core/log';
import { MemoryKeychain } from '../signoff/harness';
import type { AuditAppend } from '../../../electron/core/audit/repository';
import { AUDIT_GENESIS, auditEntryHash } from '../../../shared/records/auditChain';
import type { AuditRowValues } from '../../../shared/records/auditChain';
import { tempDir } from '../../support/tempDir';

const temps: { remove: () => void }[] = [];
const fresh = () => {
  const t = tempDir();
  temps.push(t);
  return t.path;
};
const open: Database[] = [];
afterEach(() => {
  open.splice(0).forEach((db) => db.close());
  temps.splice(0).forEach((t) => t.remove());
});

const POST = '6f1c1c1e-8d4e-4a0e-9a59-0a3f3b1f0001';
const PARTNER = '6f1c1c1e-8d4e-4a0e-9a59-0a3f3b1f0002';

const entry = (i: number): AuditAppend => ({
  postId: POST,
  partnerId: PARTNER,
  at: Date.UTC(2026, 10, 1) + i * 60_000,
  actor: { kind: 'partner', name: 'Maître Arcand' },
  action: i % 2 === 0 ? 'approve' : 'commented',
  fromStatus: 'in_review',
  toStatus: i % 2 === 0 ? 'approved' : 'in_review',
  revisionNumber: i,
  revisionHash: 'a'.repeat(64),
  channel: 'email',
  details: { requestId: `r${i}`, comment: i === 3 ? 'Très bien « parfait »' : null },
});

function database(migrationsDir = DEFAULT_MIGRATIONS_DIR): Database {
  const { db } = openDatabase(join(fresh(), 'plume.sqlite'), 1, migrationsDir);
  open.push(db);
  return db;
}

function withEntries(count: number): Database {
  const db = database();
  const audit = new AuditRepository(db);
  for (let i = 1; i <= count; i++) audit.append(entry(i));
  return db;
}

/** What an attacker with sqlite3 does first: the append-only triggers go. */
const dropTriggers = (db: Database) => db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');

describe('audit log hash chain', () => {
  it('links every appended entry to the one before, the first to the genesis, and verifies', () => {
    const db = withEntries(5);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRowValues[];
    expect(rows[0]?.prev_hash).toBe(AUDIT_GENESIS);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.entry_hash);
    // The shared (pure) hash and core's native one agree.
    const first = rows[0];
    expect(first && auditEntryHash(first, AUDIT_GENESIS)).toBe(first?.entry_hash);
    expect(verifyChain(db)).toEqual({ ok: true, entries: 5, head: rows[4]?.entry_hash, problems: [], notices: [] });
  });

  it('still refuses an update of a chained entry while its triggers are in place', () => {
    const db = withEntries(2);
    expect(() => db.prepare("UPDATE audit_log SET actor_name = 'x' WHERE id = 1").run()).toThrow(/append-only/);
  });

  it('names the entry whose content was edited with raw SQL after the triggers were dropped', () => {
    const db = withEntries(5);
    dropTriggers(db);
    db.prepare("UPDATE audit_log SET details = json_set(details, '$.comment', 'OK pour moi') WHERE id = 3").run();
    expect(verifyChain(db)).toMatchObject({ ok: false, problems: [{ kind: 'edited', id: 3 }] });
  });

  it('names an edit even when the attacker recomputed the edited entry’s own hash', () => {
    const db = withEntries(5);
    dropTriggers(db);
    db.prepare("UPDATE audit_log SET actor_name = 'Quelqu’un d’autre' WHERE id = 2").run();
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as AuditRowValues;
    db.prepare('UPDATE audit_log SET entry_hash = ? WHERE id = 2').run(auditEntryHash(row, String(row.prev_hash)));
    // Entry 3 no longer links to what entry 2 was when chained.
    expect(verifyChain(db)).toMatchObject({ ok: false, problems: [{ kind: 'deleted', id: 3 }] });
  });

  it('names where entries were deleted', () => {
    const db = withEntries(5);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyChain(db)).toMatchObject({ ok: false, entries: 4, problems: [{ kind: 'deleted', id: 3 }] });
  });

  it('names entries moved out of order', () => {
    const db = withEntries(5);
    dropTriggers(db);
    db.exec('UPDATE audit_log SET id = 100 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 100;');
    const result = verifyChain(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ kind: 'reordered', id: 2 });
    expect(result.problems.every((p) => p.kind === 'reordered')).toBe(true);
  });

  it('names an entry inserted without a chain hash', () => {
    const db = withEntries(2);
    db.prepare(
      "INSERT INTO audit_log (post_id, partner_id, at, actor_kind, action) VALUES (?, ?, 1, 'partner', 'approve')",
    ).run(POST, PARTNER);
    expect(verifyChain(db)).toMatchObject({ ok: false, problems: [{ kind: 'unchained', id: 3 }] });
  });

  it('chains the entries an older database already had, in order, when migrating', () => {
    const dir = fresh();
    const before = join(dir, 'before');
    mkdirSync(before);
    for (const file of readdirSync(DEFAULT_MIGRATIONS_DIR).filter((f) => f < '0007')) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(before, file));
    const file = join(dir, 'plume.sqlite');
    const old = openDatabase(file, 1, before).db;
    const legacy = new AuditRepository(old);
    for (let i = 1; i <= 4; i++) legacy.append(entry(i));
    old.close();

    const { db } = openDatabase(file, 2);
    open.push(db);
    expect(chainPending(db)).toBe(4);
    expect(chainPending(db)).toBe(0);
    new AuditRepository(db).append(entry(5));
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: 5, problems: [] });
    expect(() => db.prepare("UPDATE audit_log SET actor_name = 'x' WHERE id = 1").run()).toThrow(/append-only/);
  });

  it('a core opened on an older database chains its entries at start, and they verify', async () => {
    const dir = fresh();
    const before = join(dir, 'before');
    mkdirSync(before);
    for (const file of readdirSync(DEFAULT_MIGRATIONS_DIR).filter((f) => f < '0007')) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(before, file));
    const old = openDatabase(databaseFile(dir), 1, before).db;
    for (let i = 1; i <= 3; i++) new AuditRepository(old).append(entry(i));
    old.close();
    const core = createCore({ dataDir: dir, logger: createLogger({}), keychain: new MemoryKeychain() });
    try {
      const result = await core.router.call('records.verifyAuditLog', {});
      expect(result).toMatchObject({ ok: true, value: { ok: true, entries: 3 } });
    } finally {
      core.close();
    }
  });

  it('keeps existing hashes valid when a later version adds a nullable column, and hashes that column from then on', () => {
    const db = withEntries(3);
    db.exec('ALTER TABLE audit_log ADD COLUMN attribution TEXT');
    new AuditRepository(db).append(entry(4));
    expect(verifyChain(db).ok).toBe(true);
    dropTriggers(db);
    db.prepare("UPDATE audit_log SET attribution = 'forged' WHERE id = 2").run();
    expect(verifyChain(db)).toMatchObject({ ok: false, problems: [{ kind: 'edited', id: 2 }] });
  });
});

