import type { Database, Statement } from 'better-sqlite3';
import { networks as networkList } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { postStatuses } from '../../../shared/posts/schema';
import type { PostStatus } from '../../../shared/posts/schema';
import type { CalendarEntry, CalendarFilter, SearchHit } from '../../../shared/calendar/entries';
import { SEARCH_OPENING_LENGTH, UNSCHEDULED_SHOWN } from '../../../shared/calendar/entries';
import { countSearchMatches } from '../posts/searchMatchCount';
import { AuditRepository } from '../audit/repository';
import { SNIPPET_CLOSE, SNIPPET_OPEN, snippetParts } from '../../../shared/calendar/search';
import type { CalendarPost } from '../../../shared/calendar/warnings';

// A month view maps thousands of rows: set lookups instead of a schema parse per row (the
// router still parses the whole answer against the contract before it leaves core).
const knownNetworks: ReadonlySet<string> = new Set(networkList);
const knownStatuses: ReadonlySet<string> = new Set(postStatuses);

/**
 * A month holds thousands of posts but only a handful of network combinations: each distinct
 * JSON text is parsed and checked once (each entry gets its own copy).
 */
const networksByJson = new Map<string, readonly Network[]>();

function networksOf(json: string): Network[] {
  const known = networksByJson.get(json);
  if (known) return known.slice();
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((n): n is Network => typeof n === 'string' && knownNetworks.has(n))) {
    throw new Error(`Unexpected networks in the database: ${json.slice(0, 80)}`);
  }
  // 7 networks make at most 2^7 orderless sets; orderings are few in practice. Bounded anyway.
  if (networksByJson.size < 1024) networksByJson.set(json, value.slice());
  return value;
}

function statusOf(status: string): PostStatus {
  if (!knownStatuses.has(status)) throw new Error(`Unexpected post status in the database: ${status.slice(0, 40)}`);
  return status as PostStatus;
}

/**
 * The COLUMNS, in order, as `raw()` returns them. Rows are read as arrays and mapped here: a
 * month view maps thousands, and better-sqlite3's per-row objects cost as much as the query
 * itself (bench/calendar.bench.ts). Search adds its snippet after them.
 */
type EntryTuple = [string, string, string, string, string, number | null, string | null, number, string, string, string];
type SearchTuple = [...EntryTuple, string, string];

const fromTuple = ([id, partnerId, title, networks, status, scheduledAt, scheduledZone, version, versionNetworks, threadParts, commentNetworks]: EntryTuple | SearchTuple): CalendarEntry => ({
  id,
  partnerId,
  title,
  networks: networksOf(networks),
  status: statusOf(status),
  scheduledAt,
  scheduledZone,
  version,
  versionNetworks: versionNetworks === '[]' ? [] : networksOf(versionNetworks),
  threadParts: threadParts === '{}' ? {} : threadPartsOf(threadParts),
  commentNetworks: commentNetworks === '[]' ? [] : networksOf(commentNetworks),
});

/** `{"x": 3}` as the posts repository writes it (migration 0023); rare, so parsed per row. */
function threadPartsOf(json: string): Partial<Record<Network, number>> {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) throw new Error(`Unexpected thread parts in the database: ${json.slice(0, 80)}`);
  const parts: Partial<Record<Network, number>> = {};
  for (const [network, count] of Object.entries(value)) {
    if (!knownNetworks.has(network) || !Number.isInteger(count)) throw new Error(`Unexpected thread parts in the database: ${json.slice(0, 80)}`);
    parts[network as Network] = count as number;
  }
  return parts;
}

/** No body: every column is in the posts_calendar index (migrations 0012, 0017, 0023), so a range never reads a row. */
const COLUMNS = `p.id, p.partner_id, p.title, p.networks, p.status, p.scheduled_at, p.scheduled_zone, p.version, p.version_networks, p.thread_parts, p.comment_networks`;

type Params = Record<string, string | number>;

/** Matches ranked per search, newest first (see `search`). */
const SEARCH_CANDIDATES = 1000;

/** `@name0, @name1…` bound to `values` (callers handle the empty list). */
function bindList(name: string, values: readonly string[], params: Params): string {
  values.forEach((value, i) => (params[`${name}${i}`] = value));
  return values.map((_, i) => `@${name}${i}`).join(', ');
}

/** Filters applied in SQL, so a month of 3,000 posts among 100,000 costs one index range scan. */
function filterSql(filter: CalendarFilter, params: Params): string {
  // Archived partners' posts are left out by a subquery SQLite runs once (a Bloom filter), not a join per row.
  const where: string[] = ['p.partner_id NOT IN (SELECT id FROM partners WHERE archived_at IS NOT NULL)'];
  const list = (name: string, values: readonly string[]) => bindList(name, values, params);
  if (filter.partnerIds) where.push(filter.partnerIds.length ? `p.partner_id IN (${list('partner', filter.partnerIds)})` : '0');
  if (filter.statuses) where.push(filter.statuses.length ? `p.status IN (${list('status', filter.statuses)})` : '0');
  if (filter.networks) {
    where.push(
      filter.networks.length
        ? `EXISTS (SELECT 1 FROM json_each(p.networks) n WHERE n.value IN (${list('network', filter.networks)}))`
        : '0',
    );
  }
  return where.join(' AND ');
}

export class CalendarRepository {
  private readonly entryById: Statement<[string], EntryTuple>;

  /** Statements by SQL text: the filters make a handful of shapes, each compiled once. */
  private readonly statements = new Map<string, Statement>();

  /** An entry query, compiled once per SQL text, returning rows as arrays. */
  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 200) this.statements.clear();
      statement = this.db.prepare(sql).raw(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readonly countUpTo: Statement<[string, number], { n: number }>;
  /** The user's scheduling acts are audit facts, written with the change. */
  private readonly audit: AuditRepository;

  constructor(private readonly db: Database) {
    this.audit = new AuditRepository(db);
    this.countUpTo = db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM post_search WHERE post_search MATCH ? ORDER BY rowid DESC LIMIT ?)');
    this.entryById = db.prepare<[string], EntryTuple>(`SELECT ${COLUMNS} FROM posts p JOIN partners pa ON pa.id = p.partner_id WHERE p.id = ?`).raw(true);
  }

  private rangeRows(from: number, to: number, filter: CalendarFilter): EntryTuple[] {
    const params: Params = { from, to };
    const sql = `SELECT ${COLUMNS} FROM posts p INDEXED BY posts_calendar
      WHERE p.scheduled_at >= @from AND p.scheduled_at < @to AND p.scheduled_at IS NOT NULL AND ${filterSql(filter, params)}
      ORDER BY p.scheduled_at`;
    return this.prepared(sql).all(params) as EntryTuple[];
  }

  range(from: number, to: number, filter: CalendarFilter): CalendarEntry[] {
    return this.rangeRows(from, to, filter).map(fromTuple);
  }

  /** The first `perDay` entries of each day (`dayOf` an instant) and every day's count; only those drawn are mapped. */
  rangePerDay(from: number, to: number, filter: CalendarFilter, dayOf: (at: number) => string, perDay: number): { entries: CalendarEntry[]; counts: Record<string, number> } {
    const entries: CalendarEntry[] = [];
    const counts: Record<string, number> = {};
    for (const row of this.rangeRows(from, to, filter)) {
      const day = dayOf(row[5] ?? 0);
      const count = (counts[day] ?? 0) + 1;
      counts[day] = count;
      if (count <= perDay) entries.push(fromTuple(row));
    }
    return { entries, counts };
  }

  unscheduled(partnerIds: string[] | undefined): CalendarEntry[] {
    const params: Params = { limit: UNSCHEDULED_SHOWN };
    const sql = `SELECT ${COLUMNS} FROM posts p
      WHERE p.scheduled_at IS NULL AND ${filterSql(partnerIds ? { partnerIds } : {}, params)}
      ORDER BY p.updated_at DESC LIMIT @limit`;
    return (this.prepared(sql).all(params) as EntryTuple[]).map(fromTuple);
  }

  /** Posts without a date in all (the tray lists the UNSCHEDULED_SHOWN last edited). */
  unscheduledCount(partnerIds: string[] | undefined): number {
    const params: Params = {};
    const sql = `SELECT count(*) FROM posts p WHERE p.scheduled_at IS NULL AND ${filterSql(partnerIds ? { partnerIds } : {}, params)}`;
    return this.db.prepare(sql).pluck().get(params) as number;
  }

  entry(id: string): CalendarEntry | null {
    const row = this.entryById.get(id);
    return row ? fromTuple(row) : null;
  }

  /**
   * Scheduling is not an edit of content: the version (used to detect concurrent edits) stays.
   * The user's act is audited as theirs, when they did it (`moved`: the date before, the date
   * chosen, the zone it was chosen in; null for none), in the same transaction; setting the same
   * date again records nothing.
   */
  setSchedule(id: string, scheduledAt: number | null, zone: string | null, now: number): boolean {
    return this.db.transaction(() => {
      const before = this.db.prepare('SELECT partner_id, scheduled_at, scheduled_zone FROM posts WHERE id = ?').get(id) as
        | { partner_id: string; scheduled_at: number | null; scheduled_zone: string | null }
        | undefined;
      if (!before) return false;
      this.db.prepare('UPDATE posts SET scheduled_at = ?, scheduled_zone = ?, updated_at = ? WHERE id = ?').run(scheduledAt, zone, now, id);
      if (before.scheduled_at !== scheduledAt || (scheduledAt !== null && before.scheduled_zone !== zone)) {
        this.audit.append({
          postId: id,
          partnerId: before.partner_id,
          at: now,
          actor: { kind: 'community_manager', name: '' },
          action: 'moved',
          fromStatus: null,
          toStatus: null,
          revisionNumber: null,
          revisionHash: null,
          channel: 'app',
          details: { fromInstant: before.scheduled_at, toInstant: scheduledAt, zone },
        });
      }
      return true;
    })();
  }

  /**
   * Full-text search (FTS5, see migration 0005) ranked by BM25, titles first. `match` and
   * `asTyped` must come from shared/calendar/search.ts (`ftsQuery`, `ftsQueryAsTyped`), which
   * quote every word of the user's input.
   * Ranking every match of a word most posts contain costs 200–300 ms at 100,000 posts
   * (bench/quickSearch.bench.ts): only the newest SEARCH_CANDIDATES matches are ranked, FTS5
   * walking its index newest first and stopping there; snippet() runs for the hits returned only.
   * Fewer matches than that (any specific word) are all ranked, as before.
   * When the words as typed already match that many posts (« droit »), their newest matches are
   * ranked without expanding the last word as a prefix: FTS5 would merge the full lists of every
   * longer word (droits, droite…) first, most of the time Ctrl+K takes at 100,000 posts. The
   * check walks at most SEARCH_CANDIDATES rowids of the word's own list, newest first.
   */
  search(query: { match: string; asTyped: string }, filter: CalendarFilter, limit = 50): SearchHit[] {
    const match = this.searchMatch(query);
    const params: Params = { match, limit, candidates: SEARCH_CANDIDATES, open: SNIPPET_OPEN, close: SNIPPET_CLOSE, opening: SEARCH_OPENING_LENGTH };
    const rows = this.db
      .prepare<Params, SearchTuple>(
        `WITH candidates AS (
           SELECT f.rowid AS search_id, f.rank AS rank
           FROM post_search f
           JOIN post_search_ids s ON s.search_id = f.rowid
           JOIN posts p ON p.id = s.post_id
           WHERE post_search MATCH @match AND ${filterSql(filter, params)}
           ORDER BY f.rowid DESC LIMIT @candidates
         ),
         top AS (SELECT search_id, rank FROM candidates ORDER BY rank LIMIT @limit)
         -- One more pass for snippet(), over the candidates' rowid range only. CROSS JOIN and +rowid
         -- keep FTS5 outer: a lookup per hit would rebuild a prefix's doclist each time.
         SELECT ${COLUMNS}, snippet(post_search, -1, @open, @close, '…', 16) AS snippet,
           CASE WHEN trim(p.title) = '' THEN substr(p.plain_text, 1, @opening) ELSE '' END AS opening
         FROM post_search f
         CROSS JOIN top t ON t.search_id = +f.rowid
         JOIN post_search_ids s ON s.search_id = t.search_id
         JOIN posts p ON p.id = s.post_id
         WHERE post_search MATCH @match
           AND f.rowid >= (SELECT min(search_id) FROM top) AND f.rowid <= (SELECT max(search_id) FROM top)
         ORDER BY t.rank`,
      )
      .raw(true)
      .all(params);
    return rows.map((row) => ({ ...fromTuple(row), snippet: snippetParts(row[11]), opening: row[12] }));
  }

  /** The expression `search` uses: the words as typed when they alone match more posts than it ranks. */
  private searchMatch(query: { match: string; asTyped: string }): string {
    const common = this.countUpTo.get(query.asTyped, SEARCH_CANDIDATES)?.n === SEARCH_CANDIDATES;
    return common ? query.asTyped : query.match;
  }

  /**
   * How many posts `search` chooses its hits among (the same expression and filter), in all:
   * with no filter but partners, FTS5's own count (countSearchMatches); otherwise every match
   * joined to its post.
   */
  searchCount(query: { match: string; asTyped: string }, filter: CalendarFilter): number {
    const match = this.searchMatch(query);
    if (!filter.statuses && !filter.networks) return countSearchMatches(this.db, match, filter.partnerIds);
    const params: Params = { match };
    const row = this.db
      .prepare<Params, { n: number }>(
        `SELECT count(*) AS n FROM post_search f
         JOIN post_search_ids s ON s.search_id = f.rowid
         JOIN posts p ON p.id = s.post_id
         WHERE post_search MATCH @match AND ${filterSql(filter, params)}`,
      )
      .get(params);
    return row?.n ?? 0;
  }

  /** Active partners' zones (all of them, or those listed), for per-partner computations. */
  partnerZones(partnerIds: readonly string[] | undefined): { id: string; timeZone: string }[] {
    const params: Params = {};
    const where = partnerIds ? (partnerIds.length ? `AND id IN (${bindList('partner', partnerIds, params)})` : 'AND 0') : '';
    return this.db
      .prepare(`SELECT id, time_zone AS timeZone FROM partners WHERE archived_at IS NULL ${where} ORDER BY display_name`)
      .all(params) as { id: string; timeZone: string }[];
  }

  partnerZone(partnerId: string): string | null {
    const row = this.db.prepare('SELECT time_zone FROM partners WHERE id = ?').get(partnerId) as { time_zone: string } | undefined;
    return row?.time_zone ?? null;
  }

  /** Scheduled posts in [from, to) as the warnings and slot placement need them, by partner. */
  scheduledPosts(from: number, to: number, partnerIds: readonly string[]): Map<string, CalendarPost[]> {
    const out = new Map<string, CalendarPost[]>(partnerIds.map((id) => [id, []]));
    if (partnerIds.length === 0) return out;
    const params: Params = { from, to };
    const rows = this.db
      .prepare(
        `SELECT p.id, p.partner_id, p.scheduled_at, p.networks, p.pillar, p.status FROM posts p INDEXED BY posts_calendar
         WHERE p.scheduled_at >= @from AND p.scheduled_at < @to AND p.scheduled_at IS NOT NULL
           AND p.partner_id IN (${bindList('partner', partnerIds, params)})
         ORDER BY p.scheduled_at`,
      )
      .all(params) as { id: string; partner_id: string; scheduled_at: number; networks: string; pillar: string | null; status: string }[];
    for (const row of rows) {
      out.get(row.partner_id)?.push({
        id: row.id,
        instant: row.scheduled_at,
        networks: networksOf(row.networks),
        pillar: row.pillar,
        status: statusOf(row.status),
      });
    }
    return out;
  }
}
