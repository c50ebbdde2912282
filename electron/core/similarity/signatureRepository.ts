import type { Database, Statement } from 'better-sqlite3';
import { SIMILARITY_ALGORITHM_VERSION, signatureOf, signatureToBytes } from '../../../shared/similarity/minhash';
import { pairsCache } from './pairsCache';
import { signatureStore } from './signatureStore';
import { REBUILD_BATCH, rebuildInWindows } from '../scheduler/rowidWindows';

/**
 * The post_signatures table. Writes run in the caller's transaction: the post repository
 * calls `write` beside each insert or update of a post's text, so a signature never lags its post.
 */
export class SignatureRepository {
  private readonly upsert: Statement<[string, number, Uint8Array, number]>;
  private readonly versionOf: Statement<[string], number>;
  private readonly textOf: Statement<[string], string>;
  private readonly rowidOf: Statement<[string], number>;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO post_signatures (post_id, algorithm_version, signature, computed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (post_id) DO UPDATE SET algorithm_version = excluded.algorithm_version, signature = excluded.signature,
         computed_at = excluded.computed_at`,
    );
    this.versionOf = db.prepare<[string], number>('SELECT algorithm_version FROM post_signatures WHERE post_id = ?').pluck();
    this.textOf = db.prepare<[string], string>('SELECT plain_text FROM posts WHERE id = ?').pluck();
    this.rowidOf = db.prepare<[string], number>('SELECT rowid FROM posts WHERE id = ?').pluck();
  }

  write(postId: string, plainText: string, now: number): void {
    this.upsert.run(postId, SIMILARITY_ALGORITHM_VERSION, signatureToBytes(signatureOf(plainText)), now);
    const store = signatureStore(this.db);
    store.evict(postId);
    // A new post may have the rowid of a deleted one whose entry is still held (the store finds windows by rowid).
    const rowid = this.rowidOf.get(postId);
    if (rowid !== undefined) store.evictRow(rowid);
    pairsCache(this.db).touch(postId);
  }

  /** Beside a post's delete (its row goes by cascade): the store and the kept pairs forget it too. */
  forget(postId: string): void {
    signatureStore(this.db).evict(postId);
    pairsCache(this.db).touch(postId);
  }

  /** After a change that leaves the text alone (a status change): writes the signature only if missing or stale. */
  ensure(postId: string, now: number): void {
    // The status decides whether the post is compared at all: its pairs are found again.
    pairsCache(this.db).touch(postId);
    if (this.versionOf.get(postId) === SIMILARITY_ALGORITHM_VERSION) return;
    const text = this.textOf.get(postId);
    if (text !== undefined) this.write(postId, text, now);
  }

  /**
   * Signs every post without a signature of the current version, a few posts per transaction,
   * yielding to `slice` between them (100,000 posts take ~20 s once after an upgrade: the first
   * page and autosaves must not wait behind that). Each batch reads and writes in one
   * transaction, so a save in between is never overwritten by an older text's signature.
   * Stops when the database is closed; returns how many were written.
   */
  async rebuildStale(now: number, slice: () => Promise<void>): Promise<number> {
    // Every post signed by this algorithm (a signature is its post's, by key and cascade): nothing to walk.
    if (this.allCurrent()) return 0;
    // Walks the posts in windows of rowids (rowidWindows.ts): with every post signed, one
    // statement over the whole table held the thread ~300 ms at 100,000 posts.
    const batch = this.db.prepare<[number, number, number], { rowid: number; id: string; plain_text: string }>(
      `SELECT p.rowid AS rowid, p.id, p.plain_text FROM posts p LEFT JOIN post_signatures s ON s.post_id = p.id
       WHERE p.rowid > ? AND p.rowid <= ? AND (s.post_id IS NULL OR s.algorithm_version <> ?) ORDER BY p.rowid LIMIT ${REBUILD_BATCH}`,
    );
    const last = this.db.prepare('SELECT coalesce(max(rowid), 0) FROM posts').pluck().get() as number;
    return rebuildInWindows(this.db, last, (after, upTo) => batch.all(after, upTo, SIMILARITY_ALGORITHM_VERSION), (row) => this.write(row.id, row.plain_text, now), slice);
  }

  /** As many current signatures as posts, counted from indexes (migration 0025): a few milliseconds at 100,000 posts. */
  private allCurrent(): boolean {
    const posts = this.db.prepare('SELECT count(*) FROM posts').pluck().get() as number;
    const current = this.db.prepare('SELECT count(*) FROM post_signatures WHERE algorithm_version = ?').pluck().get(SIMILARITY_ALGORITHM_VERSION) as number;
    return posts === current;
  }
}
