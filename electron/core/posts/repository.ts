import type { Database, Statement } from 'better-sqlite3';
import { Network, networks as networkOrder } from '../../../shared/posts/networks';
import { effectiveFirstComments, effectiveThreads } from '../../../shared/threads/content';
import type { DocNode } from '../../../shared/posts/document';
import type { Post, PostStatus, PostSummary, Revision, RevisionDetail, RevisionPage } from '../../../shared/posts/schema';
import { REVISION_EXCERPT_LENGTH } from '../../../shared/posts/schema';
import { PostStatus as PostStatusSchema } from '../../../shared/posts/schema';
import { packRevisionBody, unpackRevisionBody } from './revisionBody';
import { VoiceProfileRepository } from '../voice/repository';
import { SignatureRepository } from '../similarity/signatureRepository';
import { NetworkVersions, versionNetworks } from '../../../shared/posts/versions';
import type { NetworkVersions as Versions } from '../../../shared/posts/versions';
import { ThreadRepository } from '../threads/repository';
import type { ThreadsOfPost } from '../threads/repository';
import { countSearchMatches } from './searchMatchCount';

interface SummaryRow {
  id: string;
  partner_id: string;
  title: string;
  networks: string;
  status: string;
  version: number;
  revision_count: number;
  scheduled_at: number | null;
  scheduled_zone: string | null;
  created_at: number;
  updated_at: number;
}

interface PostRow extends SummaryRow {
  note: string;
  plain_text: string;
  content_json: string;
  versions_json: string;
}

interface RevisionRow {
  id: number;
  post_id: string;
  number: number;
  title: string;
  body: Buffer;
  versions_json: string | null;
  restored_from: number | null;
  created_at: number;
}

/** The first REVISION_EXCERPT_LENGTH UTF-16 units (the contract's bound), never half a surrogate pair. */
function excerptOf(text: string): string {
  const cut = text.slice(0, REVISION_EXCERPT_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const networksFrom = (json: string) => Network.array().parse(JSON.parse(json));
const versionsFrom = (json: string | null): Versions => (json === null ? {} : NetworkVersions.parse(JSON.parse(json)));

const toSummary = (row: SummaryRow): PostSummary => ({
  id: row.id,
  partnerId: row.partner_id,
  title: row.title,
  networks: networksFrom(row.networks),
  status: PostStatusSchema.parse(row.status),
  version: row.version,
  revisionCount: row.revision_count,
  scheduledAt: row.scheduled_at,
  scheduledZone: row.scheduled_zone,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toRevision = (row: RevisionRow, plainText: string): Revision => ({
  id: row.id,
  postId: row.post_id,
  number: row.number,
  title: row.title,
  plainText,
  restoredFrom: row.restored_from,
  createdAt: row.created_at,
});

/** The posts row's own columns (threads live in their own table). */
function withoutThreads(record: PostRecord): Omit<PostRecord, 'threadsAndComments'> {
  const row: Omit<PostRecord, 'threadsAndComments'> & { threadsAndComments?: unknown } = { ...record };
  delete row.threadsAndComments;
  return row;
}

const SUMMARY_COLUMNS = `p.id, p.partner_id, p.title, p.networks, p.status, p.version,
  p.scheduled_at, p.scheduled_zone, p.created_at, p.updated_at,
  coalesce((SELECT max(number) FROM revisions r WHERE r.post_id = p.id), 0) AS revision_count`;

export interface PostRecord {
  id: string;
  partnerId: string;
  title: string;
  note: string;
  networks: Network[];
  contentJson: string;
  plainText: string;
  /** Canonical JSON of the per-network versions; none when omitted. */
  versionsJson?: string;
  status: PostStatus;
  version: number;
  scheduledAt: number | null;
  scheduledZone: string | null;
  /** Omitted: the stored threads and first comments stay as they are. */
  threadsAndComments?: ThreadsOfPost | undefined;
  /** Written by the example workspace's loader (removed with it); set at insert only. */
  isExample?: boolean;
}

/** The stored form of a post without per-network versions. */
export const NO_VERSIONS = '{}';

const recordParams = (record: PostRecord) => {
  const versionsJson = record.versionsJson ?? NO_VERSIONS;
  return {
    ...withoutThreads(record),
    networks: JSON.stringify(record.networks),
    versionsJson,
    versionNetworks: JSON.stringify(versionNetworks(versionsFrom(versionsJson))),
    isExample: record.isExample === true ? 1 : 0,
  };
};

export interface ListFilter {
  partnerId?: string | undefined;
  query?: string | undefined;
  limit: number;
}

export interface PageFilter {
  partnerId?: string | undefined;
  status?: PostStatus | undefined;
  /** An FTS5 expression (shared/calendar/search.ts), or null for every post. */
  match: string | null;
  after?: { updatedAt: number; id: string } | undefined;
  limit: number;
}

/** The post list's order (`page`, `listed`), which the Posts page's cache keeps too (renderer/src/posts/listPatch.ts). */
const LIST_ORDER = 'p.updated_at DESC, p.id DESC';

/** The post list's filter as SQL over `posts p JOIN partners pa`: archived partners' posts are never listed. */
function listWhere(filter: Omit<PageFilter, 'after' | 'limit'>): { where: string[]; params: Record<string, string | number> } {
  const where: string[] = ['pa.archived_at IS NULL'];
  const params: Record<string, string | number> = {};
  if (filter.partnerId) {
    where.push('p.partner_id = @partnerId');
    params.partnerId = filter.partnerId;
  }
  if (filter.status) {
    where.push('p.status = @status');
    params.status = filter.status;
  }
  if (filter.match !== null) {
    where.push('p.id IN (SELECT s.post_id FROM post_search f JOIN post_search_ids s ON s.search_id = f.rowid WHERE post_search MATCH @match)');
    params.match = filter.match;
  }
  return { where, params };
}

export class PostRepository {
  private readonly byId: Statement<[string], PostRow>;
  private readonly newestRevisionOf: Statement<[string], { id: number; title: string; body: Buffer; versions_json: string | null }>;
  private readonly lastSavedAt: Statement<[string], { updated_at: number }>;
  /** The near-duplicate signature, written beside every write of a post's text (same transaction). */
  private readonly signatures: SignatureRepository;
  /** The partner's voice profile follows an approved or published post's text (same transaction). */
  private readonly voices: VoiceProfileRepository;
  /** Thread parts and first comments, written and kept in revisions beside the body. */
  readonly threads: ThreadRepository;

  constructor(private readonly db: Database) {
    this.signatures = new SignatureRepository(db);
    this.voices = new VoiceProfileRepository(db);
    this.threads = new ThreadRepository(db);
    this.byId = db.prepare(`SELECT ${SUMMARY_COLUMNS}, p.note, p.plain_text, p.content_json, p.versions_json FROM posts p WHERE p.id = ?`);
    this.newestRevisionOf = db.prepare('SELECT id, title, body, versions_json FROM revisions WHERE post_id = ? ORDER BY number DESC LIMIT 1');
    this.lastSavedAt = db.prepare('SELECT updated_at FROM posts WHERE id = ?');
  }

  get(id: string): Post | null {
    const row = this.byId.get(id);
    if (!row) return null;
    return { ...toSummary(row), note: row.note, plainText: row.plain_text, content: JSON.parse(row.content_json) as DocNode, versions: versionsFrom(row.versions_json), ...this.threads.get(id) };
  }

  /** Stored versions as written (canonical JSON), for the "did it change?" test. */
  versionsJson(id: string): string | null {
    const row = this.db.prepare('SELECT versions_json FROM posts WHERE id = ?').get(id) as { versions_json: string } | undefined;
    return row?.versions_json ?? null;
  }

  /** Stored content as written, for the "did it change?" test before making a revision. */
  contentJson(id: string): string | null {
    const row = this.db.prepare('SELECT content_json FROM posts WHERE id = ?').get(id) as
      | { content_json: string }
      | undefined;
    return row?.content_json ?? null;
  }

  list(filter: ListFilter): PostSummary[] {
    const where: string[] = ['pa.archived_at IS NULL'];
    const params: Record<string, string | number> = { limit: filter.limit };
    if (filter.partnerId) {
      where.push('p.partner_id = @partnerId');
      params.partnerId = filter.partnerId;
    }
    const query = filter.query?.trim();
    if (query) {
      where.push(`(p.title LIKE @q ESCAPE '\\' OR p.plain_text LIKE @q ESCAPE '\\' OR p.note LIKE @q ESCAPE '\\')`);
      params.q = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM posts p JOIN partners pa ON pa.id = p.partner_id
      WHERE ${where.join(' AND ')} ORDER BY p.updated_at DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as SummaryRow[]).map(toSummary);
  }

  /**
   * A page of the post list (newest change first, ties by id) from `after` on, and how many posts
   * match in all. `match` is an FTS5 expression from shared/calendar/search.ts (`ftsQuery`), which
   * quotes every word typed; null lists every post.
   */
  page(filter: PageFilter): { items: PostSummary[]; total: number } {
    const { where, params } = listWhere(filter);
    const total = this.countListed(filter, where, params);
    if (filter.after) {
      where.push('(p.updated_at < @afterAt OR (p.updated_at = @afterAt AND p.id < @afterId))');
      params.afterAt = filter.after.updatedAt;
      params.afterId = filter.after.id;
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM posts p JOIN partners pa ON pa.id = p.partner_id
      WHERE ${where.join(' AND ')} ORDER BY ${LIST_ORDER} LIMIT @limit`;
    const items = (this.db.prepare(sql).all({ ...params, limit: filter.limit }) as SummaryRow[]).map(toSummary);
    return { items, total };
  }

  /**
   * The posts among `ids` that the list's filter holds (as `page` holds them, in its order), and
   * how many it holds in all. Each post is looked up by its key, and a search is tested on its own
   * text only: the cost does not grow with the list (`page` would run the search over every post).
   */
  listed(filter: Omit<PageFilter, 'after' | 'limit'>, ids: readonly string[]): { items: PostSummary[]; total: number } {
    const whole = listWhere(filter);
    const total = this.countListed(filter, whole.where, whole.params);
    // The search, if any, is tested below on each post's own text rather than run over every post.
    const { where, params } = listWhere({ ...filter, match: null });
    where.push('p.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(ids);
    if (filter.match !== null) {
      where.push(`EXISTS (SELECT 1 FROM post_search_ids s JOIN post_search f ON f.rowid = s.search_id
        WHERE s.post_id = p.id AND post_search MATCH @match)`);
      params.match = filter.match;
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM posts p JOIN partners pa ON pa.id = p.partner_id
      WHERE ${where.join(' AND ')} ORDER BY ${LIST_ORDER}`;
    const items = (this.db.prepare(sql).all(params) as SummaryRow[]).map(toSummary);
    return { items, total };
  }

  /** How many posts the list's filter holds (`where` and `params` from `listWhere`, before any cursor). */
  private countListed(filter: Omit<PageFilter, 'after' | 'limit'>, where: readonly string[], params: Record<string, string | number>): number {
    return filter.match !== null && !filter.status
      ? countSearchMatches(this.db, filter.match, filter.partnerId === undefined ? undefined : [filter.partnerId])
      : (this.db.prepare(`SELECT count(*) AS n FROM posts p JOIN partners pa ON pa.id = p.partner_id WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
  }

  insert(record: PostRecord, now: number): void {
    this.db
      .prepare(
        `INSERT INTO posts (id, partner_id, title, note, networks, content_json, plain_text, versions_json, version_networks,
           status, version, scheduled_at, scheduled_zone, is_example, created_at, updated_at)
         VALUES (@id, @partnerId, @title, @note, @networks, @contentJson, @plainText, @versionsJson, @versionNetworks,
           @status, @version, @scheduledAt, @scheduledZone, @isExample, @now, @now)`,
      )
      .run({ ...recordParams(record), now });
    if (record.threadsAndComments) this.threads.write(record.id, record.threadsAndComments);
    this.writeThreadShape(record.id, record.networks);
    this.signatures.write(record.id, record.plainText, now);
    this.voices.follow(record.id, now);
  }

  /**
   * Writes only if the stored version is still `baseVersion` (optimistic concurrency);
   * returns false when another writer got there first.
   */
  updateIfVersion(record: PostRecord, baseVersion: number, now: number): boolean {
    const result = this.db
      .prepare(
        `UPDATE posts SET partner_id = @partnerId, title = @title, note = @note, networks = @networks,
           content_json = @contentJson, plain_text = @plainText, versions_json = @versionsJson,
           version_networks = @versionNetworks, status = @status, version = @version,
           scheduled_at = @scheduledAt, scheduled_zone = @scheduledZone, updated_at = @now
         WHERE id = @id AND version = @baseVersion`,
      )
      .run({ ...recordParams(record), baseVersion, now });
    if (result.changes !== 1) return false;
    if (record.threadsAndComments) this.threads.write(record.id, record.threadsAndComments);
    this.writeThreadShape(record.id, record.networks);
    this.signatures.write(record.id, record.plainText, now);
    this.voices.follow(record.id, now);
    return true;
  }

  /**
   * What the calendar shows of the thread and first comment (migration 0023), from the stored
   * ones and the post's networks: a save that only changes the networks changes it too.
   */
  private writeThreadShape(id: string, networks: readonly Network[]): void {
    const stored = { networks, ...this.threads.get(id) };
    const parts = Object.fromEntries(Object.entries(effectiveThreads(stored)).map(([network, list]) => [network, list.length]));
    const comments = networkOrder.filter((network) => effectiveFirstComments(stored)[network] !== undefined);
    this.db.prepare('UPDATE posts SET thread_parts = ?, comment_networks = ? WHERE id = ?').run(JSON.stringify(parts), JSON.stringify(comments), id);
  }

  delete(id: string): boolean {
    this.signatures.forget(id);
    return this.db.prepare('DELETE FROM posts WHERE id = ?').run(id).changes === 1;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM posts').get() as { n: number }).n;
  }

  /** A partner's posts set to go out: scheduled, or approved with a time (scheduled at the publisher's next pass). */
  goingOutCount(partnerId: string): number {
    return this.db
      .prepare("SELECT count(*) FROM posts WHERE partner_id = ? AND (status = 'scheduled' OR (status = 'approved' AND scheduled_at IS NOT NULL))")
      .pluck()
      .get(partnerId) as number;
  }

  /** The example workspace's own posts (not those the user wrote under its partners). */
  exampleIds(): string[] {
    return this.db.prepare('SELECT id FROM posts WHERE is_example = 1').pluck().all() as string[];
  }

  /** When the post's row was last written, or null for an unknown post. */
  savedAt(postId: string): number | null {
    return this.lastSavedAt.get(postId)?.updated_at ?? null;
  }

  /**
   * Whether the newest revision holds exactly this title, content JSON and versions, and the
   * post's current threads and first comments (false without any revision).
   */
  newestRevisionHolds(postId: string, title: string, contentJson: string, versionsJson: string = NO_VERSIONS): boolean {
    const row = this.newestRevisionOf.get(postId);
    return (
      row !== undefined &&
      row.title === title &&
      (row.versions_json ?? NO_VERSIONS) === versionsJson &&
      unpackRevisionBody(row.body).contentJson === contentJson &&
      this.threads.same(this.threads.ofRevisionId(row.id), this.threads.get(postId))
    );
  }

  insertRevision(
    postId: string,
    title: string,
    contentJson: string,
    plainText: string,
    restoredFrom: number | null,
    now: number,
    versionsJson: string = NO_VERSIONS,
  ): void {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO revisions (post_id, number, title, body, versions_json, restored_from, created_at)
         VALUES (?, coalesce((SELECT max(number) FROM revisions WHERE post_id = ?), 0) + 1, ?, ?, ?, ?, ?)`,
      )
      .run(postId, postId, title, packRevisionBody(contentJson, plainText), versionsJson === NO_VERSIONS ? null : versionsJson, restoredFrom, now);
    // A revision keeps the threads stored when it is written (callers write the body first).
    this.threads.snapshot(postId, Number(lastInsertRowid));
  }

  /**
   * One page of a post's history, newest first, keyed on the revision number (UNIQUE (post_id,
   * number) serves it). Only a bounded excerpt of each body leaves core; the compressed bodies
   * of the page's rows (~400 bytes each) are inflated here for it.
   */
  revisionPage(postId: string, before: number | undefined, limit: number): RevisionPage {
    const rows = this.db
      .prepare(
        `SELECT id, post_id, number, title, body, versions_json, restored_from, created_at
         FROM revisions WHERE post_id = ? AND number < ? ORDER BY number DESC LIMIT ?`,
      )
      .all(postId, before ?? Number.MAX_SAFE_INTEGER, limit + 1) as RevisionRow[];
    // One row past the page tells whether an older page exists without a count query.
    const items = rows.slice(0, limit).map((row) => ({
      id: row.id,
      postId: row.post_id,
      number: row.number,
      title: row.title,
      excerpt: excerptOf(unpackRevisionBody(row.body).plainText),
      restoredFrom: row.restored_from,
      createdAt: row.created_at,
    }));
    const last = items.at(-1);
    return { items, nextBefore: rows.length > limit && last ? last.number : null };
  }

  revision(id: number): RevisionDetail | null {
    const row = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
    if (!row) return null;
    const body = unpackRevisionBody(row.body);
    return {
      ...toRevision(row, body.plainText),
      content: JSON.parse(body.contentJson) as DocNode,
      versions: versionsFrom(row.versions_json),
      ...this.threads.ofRevisionId(row.id),
    };
  }
}
