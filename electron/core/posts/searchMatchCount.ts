import type { Database } from 'better-sqlite3';

/**
 * How many posts of active partners (of all of them, or of those listed) an FTS5 `match` finds,
 * for the Posts page's and the calendar search's counts. Joining every match to its post took
 * ~1–2 s for a word most of 100,000 posts hold (each a lookup by text id in a large file); FTS5
 * counts its own matches in milliseconds. So with no partner listed the count is FTS5's less the
 * matches among archived partners' posts; with partners listed, the matches among their posts,
 * each side read on its own and met here (as one query, SQLite ran the match again per post).
 */
export function countSearchMatches(db: Database, match: string, partnerIds?: readonly string[]): number {
  const archived = db.prepare('SELECT id FROM partners WHERE archived_at IS NOT NULL').pluck().all() as string[];
  if (partnerIds === undefined) {
    const all = db.prepare('SELECT count(*) FROM (SELECT rowid FROM post_search WHERE post_search MATCH ?)').pluck().get(match) as number;
    return archived.length ? all - matchesAmong(db, match, archived) : all;
  }
  return matchesAmong(db, match, partnerIds.filter((id) => !archived.includes(id)));
}

function matchesAmong(db: Database, match: string, partnerIds: readonly string[]): number {
  if (partnerIds.length === 0) return 0;
  const matched = new Set(db.prepare('SELECT rowid FROM post_search WHERE post_search MATCH ?').pluck().all(match) as number[]);
  if (matched.size === 0) return 0;
  const ids = db
    .prepare(
      `SELECT s.search_id FROM posts p INDEXED BY posts_partner
       JOIN post_search_ids s ON s.post_id = p.id
       WHERE p.partner_id IN (${partnerIds.map(() => '?').join(', ')})`,
    )
    .pluck()
    .all(...partnerIds) as number[];
  let n = 0;
  for (const id of ids) if (matched.has(id)) n++;
  return n;
}
