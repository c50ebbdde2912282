import type { Database } from 'better-sqlite3';
import type { Signature } from '../../../shared/similarity/minhash';

/**
 * Decoded signatures by post id, one cache per open database. A check reads thousands of
 * them: from memory it costs a fraction of a millisecond, from SQLite tens. Any write of a
 * signature evicts its entry, so the next read goes back to the committed row (a rolled-back
 * write leaves nothing stale behind).
 */
const caches = new WeakMap<Database, Map<string, Signature>>();

/** Beyond this many entries the cache starts over (about 60 MB at 100,000 posts otherwise). */
export const SIGNATURE_CACHE_LIMIT = 50_000;

export function signatureCache(db: Database): Map<string, Signature> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}
