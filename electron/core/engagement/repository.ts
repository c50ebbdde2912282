import type { Database } from 'better-sqlite3';
import { EngagementMetric, ReadingPoint, TrackingState, engagementMetrics } from '../../../shared/engagement/figures';
import type { EngagementReading, EngagementSource, Figures, PublicationEngagement } from '../../../shared/engagement/figures';
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

interface ReadingRow {
  publication_id: number;
  metric: string;
  value: number;
  read_at: number;
  source: string;
  point: string | null;
}

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

  /** Each network's latest follower count of the partner on or before `date` (YYYY-MM-DD). */
  followersOn(partnerId: string, date: string): Partial<Record<string, number>> {
    const rows = this.db
      .prepare<[string, string], { network: string; count: number }>(
        `SELECT network, count FROM follower_counts f
         WHERE partner_id = ? AND counted_on = (SELECT max(counted_on) FROM follower_counts g WHERE g.partner_id = f.partner_id AND g.network = f.network AND g.counted_on <= ?)`,
      )
      .all(partnerId, date);
    return Object.fromEntries(rows.map((row) => [row.network, row.count]));
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

  /** A partner's publications published in [since, until), with readings, and their post's title. */
  forPartner(partnerId: string, since: number, until: number): (PublicationEngagement & { postId: string; title: string; pillar: string | null })[] {
    const rows = this.db
      .prepare<[string, number, number], PublicationRow & { title: string; pillar: string | null }>(
        `SELECT p.id, p.post_id, p.network, p.account_id, p.remote_id, p.url, p.mode, p.published_at, t.state, t.note, posts.title, posts.pillar
         FROM publications p JOIN posts ON posts.id = p.post_id LEFT JOIN engagement_tracking t ON t.publication_id = p.id
         WHERE posts.partner_id = ? AND p.state = 'published' AND p.published_at >= ? AND p.published_at < ?
         ORDER BY p.published_at DESC, p.id`,
      )
      .all(partnerId, since, until);
    const withReadings = this.withReadings(rows);
    return withReadings.map((publication, index) => ({ ...publication, postId: rows[index]?.post_id ?? '', title: rows[index]?.title ?? '', pillar: rows[index]?.pillar ?? null }));
  }

  private withReadings(publications: PublicationRow[]): PublicationEngagement[] {
    const readings = this.db.prepare<[number], ReadingRow>(
      `SELECT publication_id, metric, value, read_at, source, point FROM engagement_readings WHERE publication_id = ? ORDER BY read_at, source`,
    );
    return publications.map((row) => ({
      publicationId: row.id,
      network: Network.parse(row.network),
      url: row.url,
      publishedAt: row.published_at,
      mode: row.mode === 'manual' ? 'manual' : 'api',
      tracking: row.state === null ? null : TrackingState.parse(row.state),
      note: row.note,
      readings: groupReadings(readings.all(row.id)),
    }));
  }
}

const toTracked = (row: PublicationRow): TrackedPublication => ({
  id: row.id,
  postId: row.post_id,
  network: row.network,
  accountId: row.account_id,
  remoteId: row.remote_id,
  publishedAt: row.published_at ?? 0,
  tracking: row.state === null ? null : TrackingState.parse(row.state),
});

/** Rows (one per metric) back into readings (one per instant and source). */
function groupReadings(rows: readonly ReadingRow[]): EngagementReading[] {
  const readings = new Map<string, EngagementReading>();
  for (const row of rows) {
    const key = `${row.read_at}:${row.source}`;
    let reading = readings.get(key);
    if (!reading) {
      const source = row.source === 'import' || row.source === 'manual' ? row.source : 'api';
      reading = { readAt: row.read_at, source, point: row.point === null ? null : ReadingPoint.parse(row.point), figures: {} };
      readings.set(key, reading);
    }
    reading.figures[EngagementMetric.parse(row.metric)] = row.value;
  }
  return [...readings.values()];
}
