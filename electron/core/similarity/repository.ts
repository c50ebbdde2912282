import type { Database, Statement } from 'better-sqlite3';
import { PostStatus } from '../../../shared/posts/schema';
import { SIGNATURE_BYTES, SIGNATURE_SIZE } from '../../../shared/similarity/minhash';
import { COMPARED_STATUSES } from '../../../shared/similarity/window';
import type { Signature } from '../../../shared/similarity/minhash';
import { pairsCache } from './pairsCache';
import type { PairsCache } from './pairsCache';
import { SignatureStore, signatureStore } from './signatureStore';

/** The post's date for the window; the same expression as the index posts_similarity_date (migration 0014). */
const DATE = 'coalesce(p.scheduled_at, p.created_at)';
const STATUSES = COMPARED_STATUSES.map((status) => `'${status}'`).join(', ');

export interface SignedPost {
  id: string;
  partnerId: string;
  at: number;
  signature: Uint8Array;
}

export interface PostDetail {
  id: string;
  partnerId: string;
  partnerName: string;
  title: string;
  status: PostStatus;
  at: number;
  zone: string;
  plainText: string;
}

interface DetailRow {
  id: string;
  partner_id: string;
  display_name: string;
  title: string;
  status: string;
  at: number;
  zone: string;
  plain_text: string;
}

const toDetail = (row: DetailRow): PostDetail => ({
  id: row.id,
  partnerId: row.partner_id,
  partnerName: row.display_name,
  title: row.title,
  status: PostStatus.parse(row.status),
  at: row.at,
  zone: row.zone,
  plainText: row.plain_text,
});

/** Posts' signatures located in a store: entry `i` is post `ids[i]`, at `slots[i]`. */
export interface LocatedSignatures {
  store: SignatureStore;
  ids: string[];
  slots: number[];
}

/** Reads for the near-duplicate check, and the dismissals it remembers. */
export class SimilarityRepository {
  private readonly window: Statement<[number, number, string, string], number>;
  private readonly detail: Statement<[string], DetailRow>;
  private readonly missing: Statement<[string], [number, string, Uint8Array]>;
  private readonly missingRows: Statement<[string], [number, string, Uint8Array]>;
  private readonly dismissedOf: Statement<[string], string>;

  constructor(private readonly db: Database) {
    // Rowids only, from the covering index posts_similarity_date; the signatures come from the store.
    this.window = db
      .prepare<[number, number, string, string], number>(
        `SELECT p.rowid FROM posts p
         WHERE ${DATE} BETWEEN ? AND ? AND p.partner_id <> ? AND p.id <> ? AND p.status IN (${STATUSES})
           AND p.partner_id NOT IN (SELECT id FROM partners WHERE archived_at IS NOT NULL)`,
      )
      .pluck();
    this.detail = db.prepare(
      `SELECT p.id, p.partner_id, pa.display_name, p.title, p.status, ${DATE} AS at,
         coalesce(p.scheduled_zone, pa.time_zone) AS zone, p.plain_text
       FROM posts p JOIN partners pa ON pa.id = p.partner_id WHERE p.id = ?`,
    );
    this.missing = db
      .prepare<[string], [number, string, Uint8Array]>(
        'SELECT p.rowid, s.post_id, s.signature FROM post_signatures s JOIN posts p ON p.id = s.post_id WHERE s.post_id IN (SELECT value FROM json_each(?))',
      )
      .raw();
    this.missingRows = db
      .prepare<[string], [number, string, Uint8Array]>(
        'SELECT p.rowid, s.post_id, s.signature FROM posts p JOIN post_signatures s ON s.post_id = p.id WHERE p.rowid IN (SELECT value FROM json_each(?))',
      )
      .raw();
    this.dismissedOf = db.prepare<[string], string>('SELECT other_post_id FROM similarity_dismissals WHERE post_id = ?').pluck();
  }

  /**
   * Every compared post dated in [from, to], by date: the windows of many posts at once (the
   * calendar's pair search cuts each post's window out of it instead of one query per post).
   */
  datedIn(from: number, to: number): { ids: string[]; partnerIds: string[]; ats: number[] } {
    const rows = this.db
      .prepare<[number, number], [string, string, number]>(
        `SELECT p.id, p.partner_id, ${DATE} AS at FROM posts p
         WHERE ${DATE} BETWEEN ? AND ? AND p.status IN (${STATUSES})
           AND p.partner_id NOT IN (SELECT id FROM partners WHERE archived_at IS NOT NULL)
         ORDER BY at`,
      )
      .raw()
      .all(from, to);
    return { ids: rows.map((row) => row[0]), partnerIds: rows.map((row) => row[1]), ats: rows.map((row) => row[2]) };
  }

  /**
   * Other partners' compared posts dated in [from, to], located in the store: a check's window.
   * Read as rowids and found by rowid (SignatureStore), the missing ones as `signatureSlots` does.
   */
  windowSignatures(from: number, to: number, partnerId: string, postId: string): LocatedSignatures {
    const store = signatureStore(this.db);
    const ids: string[] = [];
    const slots: number[] = [];
    const missing: number[] = [];
    for (const rowid of this.window.all(from, to, partnerId, postId)) {
      const slot = store.slotOfRow(rowid);
      if (slot === undefined) missing.push(rowid);
      else {
        ids.push(store.postIdAt(slot));
        slots.push(slot);
      }
    }
    if (missing.length === 0) return { store, ids, slots };
    return this.withRead(store, ids, slots, this.missingRows.all(JSON.stringify(missing)));
  }

  /**
   * The store's slots of these posts' signatures, the missing ones (before the background load,
   * or written since) read in one query and kept. Ids without a valid signature are left out.
   */
  signatureSlots(ids: readonly string[]): LocatedSignatures {
    const store = signatureStore(this.db);
    const foundIds: string[] = [];
    const slots: number[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const slot = store.slotOf(id);
      if (slot === undefined) missing.push(id);
      else {
        foundIds.push(id);
        slots.push(slot);
      }
    }
    if (missing.length === 0) return { store, ids: foundIds, slots };
    return this.withRead(store, foundIds, slots, this.missing.all(JSON.stringify(missing)));
  }

  /** The entries found in the store, and the rows read for the missing ones (rowid, post id, signature). */
  private withRead(store: SignatureStore, foundIds: string[], slots: number[], rows: readonly [number, string, Uint8Array][]): LocatedSignatures {
    // Inside an open transaction a row may yet be rolled back: ranked from a copy, never kept.
    const scratch = this.db.inTransaction ? new SignatureStore() : store;
    const read: string[] = [];
    for (const [rowid, id, bytes] of rows) if (scratch.put(id, rowid, bytes)) read.push(id);
    if (scratch === store) {
      for (const id of read) {
        foundIds.push(id);
        slots.push(store.slotOf(id) ?? 0);
      }
      return { store, ids: foundIds, slots };
    }
    // Rare path (a check from within a write): copy the found ones beside the freshly read ones.
    for (let i = 0; i < foundIds.length; i++) {
      const slot = slots[i] ?? 0;
      scratch.put(foundIds[i] ?? '', store.rowAt(slot), slotBytes(store, slot));
    }
    const all = [...foundIds, ...read];
    return { store: scratch, ids: all, slots: all.map((id) => scratch.slotOf(id) ?? 0) };
  }

  /** A post's current signature (from the store, or its row), null without one. */
  signatureOf(id: string): Signature | null {
    const { store, slots } = this.signatureSlots([id]);
    const slot = slots[0];
    if (slot === undefined) return null;
    return { size: store.sizes[slot] ?? 0, mins: store.mins.slice(slot * SIGNATURE_SIZE, (slot + 1) * SIGNATURE_SIZE) };
  }

  /** The findings kept for this database (PairsCache). */
  pairsCache(): PairsCache {
    return pairsCache(this.db);
  }

  post(id: string): PostDetail | null {
    const row = this.detail.get(id);
    return row ? toDetail(row) : null;
  }

  /** Compared posts dated in [from, to), oldest first, with their stored signature. */
  signedPostsDatedIn(from: number, to: number, limit: number): SignedPost[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.partner_id, ${DATE} AS at, s.signature FROM posts p
         JOIN post_signatures s ON s.post_id = p.id
         JOIN partners pa ON pa.id = p.partner_id AND pa.archived_at IS NULL
         WHERE ${DATE} >= ? AND ${DATE} < ? AND p.status IN (${STATUSES}) ORDER BY at LIMIT ?`,
      )
      .all(from, to, limit) as { id: string; partner_id: string; at: number; signature: Uint8Array }[];
    return rows.map((row) => ({ id: row.id, partnerId: row.partner_id, at: row.at, signature: row.signature }));
  }

  dismissedOthers(postId: string): Set<string> {
    return new Set(this.dismissedOf.all(postId));
  }

  /** Dismissed pairs in either direction among these posts (for the calendar). */
  dismissedPairs(postIds: readonly string[]): Set<string> {
    const pairs = new Set<string>();
    if (postIds.length === 0) return pairs;
    const rows = this.db
      .prepare(
        `SELECT post_id, other_post_id FROM similarity_dismissals
         WHERE post_id IN (SELECT value FROM json_each(?)) OR other_post_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(postIds), JSON.stringify(postIds)) as { post_id: string; other_post_id: string }[];
    for (const row of rows) pairs.add(`${row.post_id} ${row.other_post_id}`);
    return pairs;
  }

  dismiss(postId: string, otherPostId: string, partnerId: string, jaccard: number, now: number): void {
    this.db
      .prepare(
        `INSERT INTO similarity_dismissals (post_id, other_post_id, partner_id, jaccard, dismissed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (post_id, other_post_id) DO NOTHING`,
      )
      .run(postId, otherPostId, partnerId, jaccard, now);
  }

  /** For each window, the dismissals made in [from, to) for its partner's drafts, in one statement. */
  dismissalCounts(windows: readonly { partnerId: string; from: number; to: number }[]): Map<string, number> {
    const counts = new Map<string, number>(windows.map((w) => [w.partnerId, 0]));
    const rows = this.db
      .prepare<[string], { partner_id: string; n: number }>(
        `WITH windows AS (
           SELECT value ->> 0 AS partner_id, value ->> 1 AS from_at, value ->> 2 AS to_at FROM json_each(?)
         )
         SELECT w.partner_id, count(d.post_id) AS n FROM windows w
         JOIN similarity_dismissals d ON d.partner_id = w.partner_id AND d.dismissed_at >= w.from_at AND d.dismissed_at < w.to_at
         GROUP BY w.partner_id`,
      )
      .all(JSON.stringify(windows.map((w) => [w.partnerId, w.from, w.to])));
    for (const row of rows) counts.set(row.partner_id, row.n);
    return counts;
  }
}

/** An entry's bytes as stored in post_signatures, to copy it into another store. */
function slotBytes(store: SignatureStore, slot: number): Uint8Array {
  const bytes = new Uint8Array(SIGNATURE_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, store.sizes[slot] ?? 0, true);
  for (let i = 0; i < SIGNATURE_SIZE; i++) view.setUint32(4 + i * 4, store.mins[slot * SIGNATURE_SIZE + i] ?? 0, true);
  return bytes;
}
