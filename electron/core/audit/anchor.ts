import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * The audit chain's anchor: the newest entry's id and hash, MACed with a key derived from the
 * sign-off key in the OS keychain, and the non-secret id of that key (migration 0029). Someone
 * who cuts the newest entries off the log (sqlite3, triggers dropped) removes the anchored entry
 * with them, and cannot write a new anchor without the keychain. Limit: a copy of an older
 * database file (with its older anchor) is still consistent; proving that needs a copy of the
 * head kept elsewhere (an export pins it).
 *
 * A keychain that no longer holds the key (reset, another computer, a backup restored
 * elsewhere) is not a forgery: the anchor's key id names a key this keychain does not have.
 * Plume then appends a fact (`anchorKeyReplaced`, see anchorKey.ts) that records the old anchor
 * and moves the anchor under the new key; verification reports it as a notice with its date.
 * A MAC that fails under the key id it carries stays « forged ».
 */
const keys = new WeakMap<Database, { key: Buffer; id: string }>();

/** The anchor key from the sign-off key: a separate purpose, so a token MAC never doubles as an anchor. */
export const anchorKeyFrom = (signingKey: Buffer): Buffer => createHmac('sha256', signingKey).update('plume audit anchor v1').digest();

/** A non-secret name for an anchor key: a one-way hash of it, so an anchor can say which key sealed it. */
export const anchorKeyId = (key: Buffer): string => createHash('sha256').update('plume audit anchor key id v1\0').update(key).digest('hex');

const macOf = (key: Buffer, lastId: number, head: string): string => createHmac('sha256', key).update(`${lastId}:${head}`).digest('hex');

/** The anchor as stored; `keyId` is null for an anchor written before migration 0029. */
export interface StoredAnchor {
  lastId: number;
  head: string;
  mac: string;
  at: number;
  keyId: string | null;
}

/** Whether the anchor table exists yet (a core opened before migration 0015 runs as before). */
const anchored = (db: Database): boolean => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_anchor'").get() !== undefined;

/** Whether the anchor carries its key id (migration 0029). */
const keyed = (db: Database): boolean => (db.prepare("SELECT name FROM pragma_table_info('audit_anchor')").pluck().all() as string[]).includes('key_id');

export function readAnchor(db: Database): StoredAnchor | null {
  const withKey = keyed(db);
  const row = db.prepare(`SELECT last_id, head, mac, at${withKey ? ', key_id' : ''} FROM audit_anchor WHERE id = 1`).get() as
    | { last_id: number; head: string; mac: string; at: number; key_id?: string | null }
    | undefined;
  return row ? { lastId: row.last_id, head: row.head, mac: row.mac, at: row.at, keyId: row.key_id ?? null } : null;
}

/** Whether `anchor`'s seal verifies under `key`. */
export function sealVerifies(anchor: StoredAnchor, key: Buffer): boolean {
  const expected = Buffer.from(macOf(key, anchor.lastId, anchor.head), 'hex');
  const stored = Buffer.from(anchor.mac, 'hex');
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

/** Moves the anchor to the newest chained entry; a no-op until the key is known (and the table exists). Runs in the caller's transaction. */
export function anchorHead(db: Database, now: number): void {
  const current = keys.get(db);
  if (!current) return;
  const last = db.prepare('SELECT id, entry_hash FROM audit_log WHERE entry_hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number; entry_hash: string } | undefined;
  if (!last) return;
  const anchor = db.prepare('SELECT last_id, head, key_id FROM audit_anchor WHERE id = 1').get() as { last_id: number; head: string; key_id: string | null } | undefined;
  // Already anchored there, by this key: opening a workspace writes nothing. The head is compared
  // too: an entry appended after a cut can get the cut entry's id again (SQLite reuses the largest rowid).
  if (anchor?.last_id === last.id && anchor.head === last.entry_hash && anchor.key_id === current.id) return;
  db.prepare(
    `INSERT INTO audit_anchor (id, last_id, head, mac, at, key_id) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, head = excluded.head, mac = excluded.mac, at = excluded.at, key_id = excluded.key_id`,
  ).run(last.id, last.entry_hash, macOf(current.key, last.id, last.entry_hash), now, current.id);
}

/** Gives core's connection the anchor key; false when there is nothing to anchor in (no table, connection closed). */
export function setAnchorKey(db: Database, key: Buffer): boolean {
  // The table is looked for once here, not on every append: core's schema is migrated before it is wired.
  if (!db.open || !anchored(db) || !keyed(db)) return false;
  keys.set(db, { key, id: anchorKeyId(key) });
  return true;
}

/** An anchor written before migration 0029 whose seal verifies under `key`: records that key's id (same entry, same seal). */
export function stampKeyId(db: Database, key: Buffer): void {
  db.prepare('UPDATE audit_anchor SET key_id = ? WHERE id = 1 AND key_id IS NULL').run(anchorKeyId(key));
}

export type AnchorCheck =
  | { status: 'verified' }
  | { status: 'noKey' }
  | { status: 'none' }
  | { status: 'forged' }
  | { status: 'otherKey'; at: number }
  | { status: 'cut'; lastId: number };

/**
 * Checks the anchor against the log: which key sealed it, its MAC under `key`, then that the
 * anchored entry is still there with the same hash. 'none': no anchor while the log has
 * entries (it was removed, or the keychain never answered); 'noKey': this check could not get
 * the key; 'otherKey': sealed by a key this keychain does not have (Plume moves such an anchor
 * at start, with an `anchorKeyReplaced` fact; it is seen here only when that could not be
 * written); 'forged': the seal fails under the key it names. An anchor from before migration
 * 0029 (no key id) whose seal fails cannot say which key sealed it: 'otherKey' too.
 */
export function checkAnchor(db: Database, key: Buffer | null): AnchorCheck {
  if (!anchored(db)) return { status: 'verified' };
  if (key === null) return { status: 'noKey' };
  const anchor = readAnchor(db);
  if (!anchor) {
    const any = db.prepare('SELECT 1 FROM audit_log LIMIT 1').get();
    return any === undefined ? { status: 'verified' } : { status: 'none' };
  }
  const id = anchorKeyId(key);
  if (anchor.keyId !== null && anchor.keyId !== id) return { status: 'otherKey', at: anchor.at };
  if (!sealVerifies(anchor, key)) return anchor.keyId === null ? { status: 'otherKey', at: anchor.at } : { status: 'forged' };
  const row = db.prepare('SELECT entry_hash FROM audit_log WHERE id = ?').get(anchor.lastId) as { entry_hash: string | null } | undefined;
  return row?.entry_hash === anchor.head ? { status: 'verified' } : { status: 'cut', lastId: anchor.lastId };
}
