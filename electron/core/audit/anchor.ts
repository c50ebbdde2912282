import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * The audit chain's anchor: the newest entry's id and hash, MACed with a key derived from the
 * sign-off key in the OS keychain. Someone who cuts the newest entries off the log (sqlite3,
 * triggers dropped) removes the anchored entry with them, and cannot write a new anchor
 * without the keychain. Limit: a copy of an older database file (with its older anchor) is
 * still consistent; proving that needs a copy of the head kept elsewhere (an export pins it).
 */
const keys = new WeakMap<Database, Buffer>();

/** The anchor key from the sign-off key: a separate purpose, so a token MAC never doubles as an anchor. */
export const anchorKeyFrom = (signingKey: Buffer): Buffer => createHmac('sha256', signingKey).update('plume audit anchor v1').digest();

const macOf = (key: Buffer, lastId: number, head: string): string => createHmac('sha256', key).update(`${lastId}:${head}`).digest('hex');

/** Whether the anchor table exists yet (a core opened before migration 0015 runs as before). */
const anchored = (db: Database): boolean => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_anchor'").get() !== undefined;

/** Moves the anchor to the newest chained entry; a no-op until the key is known (and the table exists). Runs in the caller's transaction. */
export function anchorHead(db: Database, now: number): void {
  const key = keys.get(db);
  if (!key) return;
  const last = db.prepare('SELECT id, entry_hash FROM audit_log WHERE entry_hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number; entry_hash: string } | undefined;
  if (!last) return;
  const current = db.prepare('SELECT last_id FROM audit_anchor WHERE id = 1').get() as { last_id: number } | undefined;
  if (current?.last_id === last.id) return; // already anchored there: opening a workspace writes nothing
  db.prepare(
    `INSERT INTO audit_anchor (id, last_id, head, mac, at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, head = excluded.head, mac = excluded.mac, at = excluded.at`,
  ).run(last.id, last.entry_hash, macOf(key, last.id, last.entry_hash), now);
}

/** Gives core's connection the anchor key (once the keychain answered) and anchors what was appended meanwhile. */
export function useAnchorKey(db: Database, key: Buffer, now: number): void {
  // The table is looked for once here, not on every append: core's schema is migrated before it is wired.
  if (!db.open || !anchored(db)) return;
  keys.set(db, key);
  db.transaction(() => anchorHead(db, now))();
}

export type AnchorCheck = { status: 'verified' } | { status: 'noKey' } | { status: 'none' } | { status: 'forged' } | { status: 'cut'; lastId: number };

/**
 * Checks the anchor against the log: its MAC under `key`, then that the anchored entry is
 * still there with the same hash. 'none': no anchor while the log has entries (it was
 * removed, or the keychain never answered); 'noKey': this check could not get the key.
 */
export function checkAnchor(db: Database, key: Buffer | null): AnchorCheck {
  if (!anchored(db)) return { status: 'verified' };
  if (key === null) return { status: 'noKey' };
  const anchor = db.prepare('SELECT last_id, head, mac FROM audit_anchor WHERE id = 1').get() as { last_id: number; head: string; mac: string } | undefined;
  if (!anchor) {
    const any = db.prepare('SELECT 1 FROM audit_log LIMIT 1').get();
    return any === undefined ? { status: 'verified' } : { status: 'none' };
  }
  const expected = Buffer.from(macOf(key, anchor.last_id, anchor.head), 'hex');
  const stored = Buffer.from(anchor.mac, 'hex');
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) return { status: 'forged' };
  const row = db.prepare('SELECT entry_hash FROM audit_log WHERE id = ?').get(anchor.last_id) as { entry_hash: string | null } | undefined;
  return row?.entry_hash === anchor.head ? { status: 'verified' } : { status: 'cut', lastId: anchor.last_id };
}
