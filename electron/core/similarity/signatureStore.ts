import type { Database } from 'better-sqlite3';
import { SIGNATURE_BYTES, SIGNATURE_SIZE } from '../../../shared/similarity/minhash';
import type { SignatureArena } from '../../../shared/similarity/check';

/** Rows read per step of the background load: a few milliseconds each, then the thread is shared. */
const LOAD_BATCH = 2000;

/**
 * Every post's signature in one Uint32Array arena (SIGNATURE_SIZE slots per post, ~0.5 KB),
 * one store per open database: a check ranks its window's 2,000–3,000 signatures without
 * reading or decoding a row (~51 MB at 100,000 posts, against ~60 MB for 50,000 decoded
 * objects). It is filled in the background after the rebuild; until then, and for an entry
 * written since, the signature is read from SQLite and kept.
 *
 * Exact by eviction: any write or delete of a signature drops its entry, so the next read
 * goes back to the committed row (a rolled-back write leaves nothing stale behind), and
 * nothing read inside an open transaction is kept.
 *
 * Entries are found by post id, and by the post's rowid: a check's window is read from the
 * date index as rowids (integers, no string a post) and located through `slotOfRow`, which at
 * 2,450 posts a window took ~1 ms less than reading ids and looking up 100,000 UUID strings.
 * A posts row keeps its rowid (posts are updated in place, never vacuumed); a rowid SQLite
 * gives again after a delete is cleared when the new post's signature is written (`evictRow`).
 */
export class SignatureStore implements SignatureArena {
  mins = new Uint32Array(0);
  sizes = new Uint32Array(0);
  private readonly slots = new Map<string, number>();
  private readonly slotsByRow = new Map<number, number>();
  /** By slot: the post's id and rowid. */
  private readonly postIds: string[] = [];
  private readonly rows: number[] = [];
  private readonly free: number[] = [];
  private used = 0;
  loaded = false;

  get count(): number {
    return this.slots.size;
  }

  /** Bytes held by the arena (the id map aside). */
  get arenaBytes(): number {
    return this.mins.byteLength + this.sizes.byteLength;
  }

  slotOf(postId: string): number | undefined {
    return this.slots.get(postId);
  }

  /** The entry of the post whose rowid (in `posts`) this is. */
  slotOfRow(rowid: number): number | undefined {
    return this.slotsByRow.get(rowid);
  }

  /** The post id of an entry in use. */
  postIdAt(slot: number): string {
    return this.postIds[slot] ?? '';
  }

  /** The posts rowid of an entry in use. */
  rowAt(slot: number): number {
    return this.rows[slot] ?? 0;
  }

  /** Keeps a stored signature (SIGNATURE_BYTES: a uint32 size, then the mins, little-endian) of the post at `rowid`. */
  put(postId: string, rowid: number, bytes: Uint8Array): boolean {
    if (bytes.byteLength !== SIGNATURE_BYTES) return false;
    // An entry left for a deleted post whose rowid is now this post's goes first.
    const holder = this.slotsByRow.get(rowid);
    if (holder !== undefined && this.postIds[holder] !== postId) this.evictRow(rowid);
    let slot = this.slots.get(postId);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.allocate();
      this.slots.set(postId, slot);
    } else if (this.rows[slot] !== rowid && this.slotsByRow.get(this.rows[slot] ?? 0) === slot) this.slotsByRow.delete(this.rows[slot] ?? 0);
    this.slotsByRow.set(rowid, slot);
    this.postIds[slot] = postId;
    this.rows[slot] = rowid;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.sizes[slot] = view.getUint32(0, true);
    const base = slot * SIGNATURE_SIZE;
    for (let i = 0; i < SIGNATURE_SIZE; i++) this.mins[base + i] = view.getUint32(4 + i * 4, true);
    return true;
  }

  evict(postId: string): void {
    const slot = this.slots.get(postId);
    if (slot === undefined) return;
    this.slots.delete(postId);
    const rowid = this.rows[slot] ?? 0;
    if (this.slotsByRow.get(rowid) === slot) this.slotsByRow.delete(rowid);
    this.free.push(slot);
  }

  /** Drops the entry held for this posts rowid, whichever post it was kept for. */
  evictRow(rowid: number): void {
    const slot = this.slotsByRow.get(rowid);
    if (slot !== undefined) this.evict(this.postIds[slot] ?? '');
  }

  /** Room for `more` entries beyond the slots in use, in one allocation (the load sizes it once). */
  reserve(more: number): void {
    const needed = this.used + more;
    if (needed <= this.sizes.length) return;
    const mins = new Uint32Array(needed * SIGNATURE_SIZE);
    mins.set(this.mins.subarray(0, this.used * SIGNATURE_SIZE));
    const sizes = new Uint32Array(needed);
    sizes.set(this.sizes.subarray(0, this.used));
    this.mins = mins;
    this.sizes = sizes;
  }

  private allocate(): number {
    // A quarter more at a time: doubling would leave up to half of ~50 MB unused.
    if (this.used === this.sizes.length) this.reserve(Math.max(1024, Math.ceil(this.used / 4)));
    return this.used++;
  }
}

const stores = new WeakMap<Database, SignatureStore>();

export function signatureStore(db: Database): SignatureStore {
  let store = stores.get(db);
  if (!store) {
    store = new SignatureStore();
    stores.set(db, store);
  }
  return store;
}

/**
 * Reads every stored signature into the store, in rowid order, yielding to `slice` between
 * batches. A write between two batches evicts its entry or is read by a later batch: either
 * way the store holds committed rows only.
 */
export async function loadSignatureStore(db: Database, slice: () => Promise<void>): Promise<SignatureStore> {
  const store = signatureStore(db);
  const total = db.prepare('SELECT count(*) FROM post_signatures').pluck().get() as number;
  store.reserve(total + 1024);
  const batch = db.prepare<[number, number], [number, string, number, Uint8Array]>(
    `SELECT s.rowid, s.post_id, p.rowid, s.signature FROM post_signatures s JOIN posts p ON p.id = s.post_id
     WHERE s.rowid > ? ORDER BY s.rowid LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    if (!db.open) return store;
    // A batch read while a write's transaction is open could see a row that is then rolled back.
    if (db.inTransaction) {
      await slice();
      continue;
    }
    const rows = batch.raw().all(after, LOAD_BATCH);
    const last = rows.at(-1);
    if (!last) break;
    for (const [, postId, rowid, bytes] of rows) if (store.slotOf(postId) === undefined) store.put(postId, rowid, bytes);
    after = last[0];
    await slice();
  }
  store.loaded = true;
  return store;
}
