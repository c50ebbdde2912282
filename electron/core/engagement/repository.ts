import type { Database } from 'better-sqlite3';
import { ReadingPoint, TrackingState, engagementMetrics } from '../../../shared/engagement/figures';
import type { EngagementMetric, EngagementReading, EngagementSource, Figures, PublicationEngagement } from '../../../shared/engagement/figures';
import { Network } from '../../../shared/posts/networks';

/** A published publication, as the reading job needs it. */
export interface TrackedPublication {
  id: number;
  postId: string;
  network: string;
  accountId: string | null;
  remoteId: string | null;
  publishedAt: number;
  tracking: TrackingState | null;
}

export interface LinkedinCandidate {
  publicationId: number;
  postId: string;
  title: string;
  remoteId: string | null;
  url: string | null;
  publishedAt: number;
}

interface PublicationRow {
  id: number;
  post_id: string;
  network: string;
  account_id: string | null;
  remote_id: string | null;
  url: string | null;
  mode: string;
  published_at: number | null;
  state: string | null;
  note: string | null;
}

type PartnerPublicationRow = PublicationRow & { partner_id: string; title: string; pillar: string | null };
const PUBLICATION_COLUMNS = 'p.id, p.post_id, p.network, p.account_id, p.remote_id, p.url, p.mode, p.published_at, t.state, t.note, posts.partner_id, posts.title, posts.pillar';

/** One row of engagement_readings, as readingsOf gets it: read_at, source, point, metric, value. */
type ReadingTuple = [number, string, string | null, string, number];

/** The only code that writes the engagement tables. */
export class EngagementRepository {
  constructor(private readonly db: Database) {}

  transaction(work: () => void): void {
    this.db.transaction(work)();
  }

  /** Publications sent through an API, published, whose readings are not planned yet. */
  untracked(limit: number): TrackedPublication[] {
    return this.db
      .prepare<[number], PublicationRow>(
        `SELECT p.id, p.post_id, p.network, p.account_id, p.remote_id, p.url, p.mode, p.published_at, NULL AS state, NULL AS note
         FROM publications p LEFT JOIN engagement_tracking t ON t.publication_id = p.id
         WHERE p.state = 'published' AND p.mode = 'api' AND p.remote_id IS NOT NULL AND p.published_at IS NOT NULL
           AND t.publication_id IS NULL
         ORDER BY p.id LIMIT ?`,
      )
      .all(limit)
      .map(toTracked);
  }

  publication(id: number): TrackedPublication | null {
    const row = this.db
      .prepare<[number], PublicationRow>(
        `SELECT p.id, p.post_id, p.network, p.account_id, p.remote_id, p.url, p.mode, p.published_at, t.state, t.note
         FROM publications p LEFT JOIN engagement_tracking t ON t.publication_id = p.id WHERE p.id = ?`,
      )
      .get(id);
    return row && row.published_at !== null ? toTracked(row) : null;
  }

  setTracking(publicationId: number, state: TrackingState, note: string | null, now: number): void {
    this.db
      .prepare(
        `INSERT INTO engagement_tracking (publication_id, state, note, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (publication_id) DO UPDATE SET state = excluded.state, note = excluded.note, updated_at = excluded.updated_at`,
      )
      .run(publicationId, state, note, now);
  }

  /** One reading: a row per metric given; the same reading written twice is kept once. */
  record(publicationId: number, figures: Figures, readAt: number, source: EngagementSource, point: ReadingPoint | null, now: number): void {
    const insert = this.db.prepare(
      `INSERT INTO engagement_readings (publication_id, metric, value, read_at, source, point, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (publication_id, source, read_at, metric) DO UPDATE SET value = excluded.value`,
    );
    this.db.transaction(() => {
      for (const metric of engagementMetrics) {
        const value = figures[metric];
        if (value !== undefined) insert.run(publicationId, metric, value, readAt, source, point, now);
      }
    })();
  }

  /** The figures of each publication's newest imported reading (none: no entry). */
  latestImported(publicationIds: readonly number[]): Map<number, Figures> {
    const latest = new Map<number, Figures>();
    for (const [publicationId, readings] of this.readingsOf(publicationIds)) {
      const imported = readings.filter((reading) => reading.source === 'import').at(-1);
      if (imported) latest.set(publicationId, imported.figures);
    }
    return latest;
  }

  /** A partner's published LinkedIn publications (API or by hand), to match an export's rows. */
  linkedinPublications(partnerId: string): LinkedinCandidate[] {
    return this.db
      .prepare<[string], { id: number; post_id: string; title: string; remote_id: string | null; url: string | null; published_at: number }>(
        `SELECT p.id, p.post_id, posts.title, p.remote_id, p.url, p.published_at
         FROM publications p JOIN posts ON posts.id = p.post_id
         WHERE posts.partner_id = ? AND p.network = 'linkedin' AND p.state = 'published' AND p.published_at IS NOT NULL
         ORDER BY p.published_at`,
      )
      .all(partnerId)
      .map((row) => ({ publicationId: row.id, postId: row.post_id, title: row.title, remoteId: row.remote_id, url: row.url, publishedAt: row.published_at }));
  }

  recordFollowers(partnerId: string, network: string, countedOn: string, count: number, source: 'import' | 'manual', now: number): void {
    this.db
      .prepare(
        `INSERT INTO follower_counts (partner_id, network, counted_on, count, source, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (partner_id, network, counted_on) DO UPDATE SET count = excluded.count, source = excluded.source, updated_at = excluded.updated_at`,
      )
      .run(partnerId, network, countedOn, count, source, now);
  }

  /** Every published publication of a post with its readings, oldest first. */
  forPost(postId: string): PublicationEngagement[] {
    return this.withReadings(
      this.db
        .prepare<[string], PublicationRow>(
          `SELECT p.id, p.post_id, p.network, p.account_id, p.remote_id, p.url, p.mode, p.published_at, t.state, t.note
           FROM publications p LEFT JOIN engagement_tracking t ON t.publication_id = p.id
           WHERE p.post_id = ? AND p.state = 'published' ORDER BY p.network, p.id`,
        )
        .all(postId),
    );
  }

  /**
   * Many posts' published publications with their readings, in two statements (a calendar
   * view's badges: hundreds of posts; a statement pair per post took 40–120 ms at an agency's size).
   */
  forPosts(postIds: readonly string[]): Map<string, PublicationEngagement[]> {
    const result = new Map<string, PublicationEngagement[]>();
    if (postIds.length === 0) return result;
    const rows = this.db
      .prepare<[string], PublicationRow>(
        `SELECT p.id, p.post_id, p.network, p.account_id, p.remote_id, p.url, p.mode, p.published_at, t.state, t.note
         FROM publications p LEFT JOIN engagement_tracking t ON t.publication_id = p.id
         WHERE p.post_id IN (SELECT value FROM json_each(?)) AND p.state = 'published' ORDER BY p.post_id, p.network, p.id`,
      )
      .all(JSON.stringify(postIds));
    const readings = this.readingsOf(rows.map((row) => row.id));
    for (const row of rows) {
      const list = result.get(row.post_id) ?? [];
      list.push(toEngagement(row, readings.get(row.id) ?? []));
      result.set(row.post_id, list);
    }
    return result;
  }

  /** A partner's publications published in [since, until), with readings, and their post's title. */
  forPartner(partnerId: string, since: number, until: number): PartnerPublication[] {
    return this.forPartners([{ partnerId, from: since, to: until }]).get(partnerId) ?? [];
  }

  /**
   * Each window's partner's publications published in [from, to), newest first, with readings,
   * in two statements (publications, then their readings). One partner: through its posts (the
   * posts_partner index); several: the span every window covers (the published_at index of
   * 0018), each row kept when in its partner's window. Every window's partner is a key.
   */
  forPartners(windows: readonly { partnerId: string; from: number; to: number }[]): Map<string, PartnerPublication[]> {
    const result = new Map<string, PartnerPublication[]>(windows.map((w) => [w.partnerId, []]));
    const byPartner = new Map(windows.map((w) => [w.partnerId, w]));
    const [only, ...others] = windows;
    if (only === undefined) return result;
    const rows = (
      others.length === 0
        ? this.db
            .prepare<[string, number, number], PartnerPublicationRow>(
              `SELECT ${PUBLICATION_COLUMNS} FROM publications p JOIN posts ON posts.id = p.post_id LEFT JOIN engagement_tracking t ON t.publication_id = p.id
               WHERE posts.partner_id = ? AND p.state = 'published' AND p.published_at >= ? AND p.published_at < ?
               ORDER BY p.published_at DESC, p.id`,
            )
            .all(only.partnerId, only.from, only.to)
        : this.db
            .prepare<[number, number], PartnerPublicationRow>(
              `SELECT ${PUBLICATION_COLUMNS} FROM publications p CROSS JOIN posts ON posts.id = p.post_id LEFT JOIN engagement_tracking t ON t.publication_id = p.id
               WHERE p.state = 'published' AND p.published_at >= ? AND p.published_at < ?
               ORDER BY p.published_at DESC, p.id`,
            )
            .all(Math.min(...windows.map((w) => w.from)), Math.max(...windows.map((w) => w.to)))
    ).filter((row) => {
      const window = byPartner.get(row.partner_id);
      return window !== undefined && row.published_at !== null && row.published_at >= window.from && row.published_at < window.to;
    });
    const readings = this.readingsOf(rows.map((row) => row.id));
    for (const row of rows) {
      result.get(row.partner_id)?.push({ ...toEngagement(row, readings.get(row.id) ?? []), postId: row.post_id, title: row.title, pillar: row.pillar });
    }
    return result;
  }

  /** Each partner's latest follower count per network on or before `date` (YYYY-MM-DD), in one statement. */
  followersOfAll(partnerIds: readonly string[], date: string): Map<string, Partial<Record<string, number>>> {
    const result = new Map<string, Partial<Record<string, number>>>(partnerIds.map((id) => [id, {}]));
    const rows = this.db
      .prepare<[string, string], { partner_id: string; network: string; count: number }>(
        `SELECT partner_id, network, count FROM follower_counts f
         WHERE partner_id IN (SELECT value FROM json_each(?))
           AND counted_on = (SELECT max(counted_on) FROM follower_counts g WHERE g.partner_id = f.partner_id AND g.network = f.network AND g.counted_on <= ?)`,
      )
      .all(JSON.stringify(partnerIds), date);
    for (const row of rows) {
      const counts = result.get(row.partner_id);
      if (counts) counts[row.network] = row.count;
    }
    return result;
  }

  private withReadings(publications: PublicationRow[]): PublicationEngagement[] {
    const readings = this.readingsOf(publications.map((row) => row.id));
    return publications.map((row) => toEngagement(row, readings.get(row.id) ?? []));
  }

  /**
   * The readings of many publications in one statement (the (publication_id, …) unique index),
   * each in time order. One row per publication with its rows as a JSON array: a report reads
   * a hundred thousand of them, and one parse per publication costs far less than an object per row.
   */
  private readingsOf(publicationIds: readonly number[]): Map<number, EngagementReading[]> {
    if (publicationIds.length === 0) return new Map();
    const rows = this.db
      .prepare<[string], { publication_id: number; readings: string }>(
        `SELECT publication_id, json_group_array(json_array(read_at, source, point, metric, value) ORDER BY read_at, source) AS readings
         FROM engagement_readings WHERE publication_id IN (SELECT value FROM json_each(?)) GROUP BY publication_id`,
      )
      .all(JSON.stringify(publicationIds));
    return new Map(rows.map((row) => [row.publication_id, groupReadings(JSON.parse(row.readings) as ReadingTuple[])]));
  }
}

export type PartnerPublication = PublicationEngagement & { postId: string; title: string; pillar: string | null };

const toEngagement = (row: PublicationRow, readings: EngagementReading[]): PublicationEngagement => ({
  publicationId: row.id,
  network: Network.parse(row.network),
  url: row.url,
  publishedAt: row.published_at,
  mode: row.mode === 'manual' ? 'manual' : 'api',
  tracking: row.state === null ? null : TrackingState.parse(row.state),
  note: row.note,
  readings,
});

const toTracked = (row: PublicationRow): TrackedPublication => ({
  id: row.id,
  postId: row.post_id,
  network: row.network,
  accountId: row.account_id,
  remoteId: row.remote_id,
  publishedAt: row.published_at ?? 0,
  tracking: row.state === null ? null : TrackingState.parse(row.state),
});

// A set look-up rather than a zod parse per row: a report reads a hundred thousand of them, and
// the table's CHECK admits only these metrics.
const knownMetrics: ReadonlySet<string> = new Set(engagementMetrics);
const isMetric = (value: string): value is EngagementMetric => knownMetrics.has(value);

/** Rows (one per metric) back into readings (one per instant and source). */
function groupReadings(rows: readonly ReadingTuple[]): EngagementReading[] {
  const readings = new Map<string, EngagementReading>();
  for (const [readAt, source, point, metric, value] of rows) {
    const key = `${readAt}:${source}`;
    let reading = readings.get(key);
    if (!reading) {
      reading = { readAt, source: source === 'import' || source === 'manual' ? source : 'api', point: point === null ? null : ReadingPoint.parse(point), figures: {} };
      readings.set(key, reading);
    }
    if (isMetric(metric)) reading.figures[metric] = value;
  }
  return [...readings.values()];
}
