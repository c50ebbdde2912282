import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AUDIT_GENESIS, auditChainInput, ChainWalker } from '../../../shared/records/auditChain';
import type { AuditRowValues, ChainNotice, ChainProblem } from '../../../shared/records/auditChain';
import { anchorKeyReplacedDetails, isAnchorKeyReplaced } from '../../../shared/records/anchorKey';
import { checkAnchor } from './anchor';

/** Same input as shared `auditEntryHash`, hashed by Node's native SHA-256 (a million rows verify in seconds). */
export const entryHash = (row: AuditRowValues, prevHash: string): string =>
  createHash('sha256').update(auditChainInput(row, prevHash), 'utf8').digest('hex');

/** Whether the table has the chain columns yet (a core opened before migration 0007 runs as before). */
function chained(db: Database): boolean {
  const columns = db.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all() as string[];
  return columns.includes('entry_hash');
}

/**
 * Chains, in id order, every row not chained yet: the rows a migration found, then each row
 * just appended. Runs in the caller's transaction (or its own).
 */
export function chainPending(db: Database): number {
  if (!chained(db)) return 0;
  return db.transaction(() => {
    const first = db.prepare('SELECT min(id) FROM audit_log WHERE entry_hash IS NULL').pluck().get() as number | null;
    if (first === null) return 0;
    let prev =
      (db.prepare('SELECT entry_hash FROM audit_log WHERE id < ? AND entry_hash IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get(first) as
        | string
        | undefined) ?? AUDIT_GENESIS;
    // In batches: a migrated log of a million rows is not held in memory at once.
    // By primary key: filtering on entry_hash here would make SQLite sort every pending row per batch.
    const batch = db.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id LIMIT 5000');
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE id = ?');
    let count = 0;
    let from = first;
    for (;;) {
      const rows = batch.all(from) as AuditRowValues[];
      if (rows.length === 0) return count;
      for (const row of rows) {
        if (row.entry_hash !== null) continue;
        const hash = entryHash(row, prev);
        update.run(prev, hash, row.id);
        prev = hash;
      }
      count += rows.filter((row) => row.entry_hash === null).length;
      from = Number(rows[rows.length - 1]?.id) + 1;
    }
  })();
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  /** The last entry's hash (GENESIS when empty): what an export or a printout can pin. */
  head: string;
  problems: ChainProblem[];
  /** Not breaks: each time the keychain lost the anchor's key and Plume replaced it. */
  notices: ChainNotice[];
}

/**
 * Recomputes every entry's hash and checks each link, reading the table directly: it
 * catches edits, deletions and moves made outside Plume (triggers dropped, raw SQL).
 */
export function verifyChain(db: Database, anchorKey: Buffer | null = null): ChainVerification {
  if (!chained(db)) return { ok: true, entries: 0, head: AUDIT_GENESIS, problems: [], notices: [] };
  const lookup = db.prepare('SELECT 1 FROM audit_log WHERE entry_hash = ? LIMIT 1').pluck();
  const walker = new ChainWalker(AUDIT_GENESIS, (hash) => lookup.get(hash) !== undefined);
  const notices: ChainNotice[] = [];
  /** The anchors each key replacement found: their entries must still be there, as they were. */
  const previousAnchors: { lastId: number; head: string }[] = [];
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRowValues>) {
    if (isAnchorKeyReplaced(row)) {
      notices.push({ kind: 'anchorKeyReplaced', id: Number(row.id), at: Number(row.at) });
      const details = anchorKeyReplacedDetails(row);
      if (details !== null) previousAnchors.push(details.previousAnchor);
    }
    const prevHash = typeof row.prev_hash === 'string' ? row.prev_hash : null;
    const stored = typeof row.entry_hash === 'string' ? row.entry_hash : null;
    walker.step({
      id: Number(row.id),
      prevHash,
      entryHash: stored,
      ...(prevHash === null ? {} : { recomputed: entryHash(row, prevHash) }),
    });
  }
  // The chain shows what remains is intact and in order; the anchor shows nothing was cut off its end.
  const anchor = checkAnchor(db, anchorKey);
  const problems = [...walker.problems];
  // What an anchor sealed by a lost key named is still checked, as far as it goes: its entry is there, unchanged.
  const entryAt = db.prepare('SELECT entry_hash FROM audit_log WHERE id = ?').pluck();
  for (const previous of previousAnchors) {
    if (entryAt.get(previous.lastId) !== previous.head && !problems.some((p) => p.kind === 'tailCut' && p.id === previous.lastId)) {
      problems.push({ kind: 'tailCut', id: previous.lastId });
    }
  }
  if (anchor.status === 'cut') problems.push({ kind: 'tailCut', id: anchor.lastId });
  if (anchor.status === 'otherKey') problems.push({ kind: 'anchorOtherKey', id: 0, at: anchor.at });
  if (anchor.status === 'forged') problems.push({ kind: 'anchorForged', id: 0 });
  if (anchor.status === 'none') problems.push({ kind: 'anchorMissing', id: 0 });
  return { ok: problems.length === 0, entries: walker.count, head: walker.head, problems, notices };
}
