import type { Database, Statement } from 'better-sqlite3';
import { Network } from '../../../shared/posts/networks';
import { PostStatus } from '../../../shared/posts/schema';
import type { CalendarEntry, CalendarFilter, SearchHit } from '../../../shared/calendar/entries';

interface EntryRow {
  id: string;
  partner_id: string;
  title: string;
  excerpt: string;
  networks: string;
  status: string;
  scheduled_at: number | null;
  scheduled_zone: string | null;
  version: number;
}

const toEntry = (row: EntryRow): CalendarEntry => ({
  id: row.id,
  partnerId: row.partner_id,
  title: row.title,
  excerpt: row.excerpt,
  networks: Network.array().parse(JSON.parse(row.networks)),
  status: PostStatus.parse(row.status),
  scheduledAt: row.scheduled_at,
  scheduledZone: row.scheduled_zone,
  version: row.version,
});

const COLUMNS = `p.id, p.partner_id, p.title, substr(p.plain_text, 1, 160) AS excerpt, p.networks, p.status,
  p.scheduled_at, p.scheduled_zone, p.version`;

/** Filters applied in SQL, so a month of 3,000 posts among 100,000 costs one index range scan. */
function filterSql(filter: CalendarFilter, params: Record<string, string | number>): string {
  const where: string[] = ['pa.archived_at IS NULL'];
  const list = (name: string, values: readonly string[]) => {
    values.forEach((value, i) => (params[`${name}${i}`] = value));
    return values.map((_, i) => `@${name}${i}`).join(', ');
  };
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
  private readonly entryById: Statement<[string], EntryRow>;

  constructor(private readonly db: Database) {
    this.entryById = db.prepare(`SELECT ${COLUMNS} FROM posts p JOIN partners pa ON pa.id = p.partner_id WHERE p.id = ?`);
  }

  range(from: number, to: number, filter: CalendarFilter): CalendarEntry[] {
    const params: Record<string, string | number> = { from, to };
    const sql = `SELECT ${COLUMNS} FROM posts p INDEXED BY posts_scheduled JOIN partners pa ON pa.id = p.partner_id
      WHERE p.scheduled_at >= @from AND p.scheduled_at < @to AND p.scheduled_at IS NOT NULL AND ${filterSql(filter, params)}
      ORDER BY p.scheduled_at`;
    return (this.db.prepare(sql).all(params) as EntryRow[]).map(toEntry);
  }

  unscheduled(partnerIds: string[] | undefined): CalendarEntry[] {
    const params: Record<string, string | number> = {};
    const sql = `SELECT ${COLUMNS} FROM posts p JOIN partners pa ON pa.id = p.partner_id
      WHERE p.scheduled_at IS NULL AND ${filterSql(partnerIds ? { partnerIds } : {}, params)}
      ORDER BY p.updated_at DESC LIMIT 500`;
    return (this.db.prepare(sql).all(params) as EntryRow[]).map(toEntry);
  }

  entry(id: string): CalendarEntry | null {
    const row = this.entryById.get(id);
    return row ? toEntry(row) : null;
  }

  /** Scheduling is not an edit of content: the version (used to detect concurrent edits) stays. */
  setSchedule(id: string, scheduledAt: number | null, zone: string | null, now: number): boolean {
    return (
      this.db
        .prepare('UPDATE posts SET scheduled_at = ?, scheduled_zone = ?, updated_at = ? WHERE id = ?')
        .run(scheduledAt, zone, now, id).changes === 1
    );
  }

  search(query: string): SearchHit[] {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS}, substr(p.plain_text, max(1, instr(lower(p.plain_text), lower(@raw)) - 40), 160) AS snippet
         FROM posts p JOIN partners pa ON pa.id = p.partner_id
         WHERE pa.archived_at IS NULL AND (p.title LIKE @q ESCAPE '\\' OR p.plain_text LIKE @q ESCAPE '\\' OR p.note LIKE @q ESCAPE '\\')
         ORDER BY p.scheduled_at IS NULL, p.scheduled_at DESC LIMIT 50`,
      )
      .all({ q: pattern, raw: query }) as (EntryRow & { snippet: string })[];
    return rows.map((row) => ({ ...toEntry(row), snippet: row.snippet }));
  }
}
