import type { Database, Statement } from 'better-sqlite3';
import { postStatuses } from '../../../shared/posts/schema';
import type { PostStatus } from '../../../shared/posts/schema';
import { isNetwork } from '../../../shared/reports/details';
import type { ReportPost } from '../../../shared/reports/input';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { toAuditEntry } from '../audit/repository';
import type { AuditRow } from '../audit/repository';

interface PostRow {
  id: string;
  title: string;
  networks: string;
  status: string;
  pillar: string | null;
}

// Plain checks rather than zod: a report reads every post it mentions, and an odd value only
// has to read as "no network" / "draft", never fail the report.
const knownStatuses: ReadonlySet<unknown> = new Set<string>(postStatuses);
const isStatus = (value: unknown): value is PostStatus => knownStatuses.has(value);

function networksOf(json: string): ReportPost['networks'] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter(isNetwork) : [];
}

/**
 * What a monthly report reads: a partner's audit entries over a range of instants, with the
 * earlier history of each post they mention, and those posts. Read-only. Statements are
 * prepared on first use (the audit table arrives with a migration of its own).
 */
export class ReportRepository {
  private window: Statement<{ partnerId: string; from: number; to: number }, AuditRow> | null = null;
  private postsById: Statement<[string], PostRow> | null = null;

  constructor(private readonly db: Database) {}

  /**
   * The whole history, in append order, of the posts with an entry of `partnerId` in
   * [from, to) or switched to them since `from` (a draft started on another partner counts for
   * the one it was switched to: see creditedPartners, which needs the later facts too). Both
   * use the (partner_id, at) index, the histories the (post_id, id) one.
   */
  entriesFor(partnerId: string, from: number, to: number): AuditEntry[] {
    this.window ??= this.db.prepare(
      `WITH touched AS (
         SELECT DISTINCT post_id FROM audit_log
         WHERE partner_id = @partnerId AND at >= @from AND (at < @to OR action = 'partnerChanged')
       )
       SELECT a.* FROM touched t JOIN audit_log a ON a.post_id = t.post_id
       ORDER BY a.id`,
    );
    return this.window.all({ partnerId, from, to }).flatMap((row) => toAuditEntry(row) ?? []);
  }

  /** The posts named, as a report needs them; ids of deleted posts are simply absent. */
  posts(ids: readonly string[]): ReportPost[] {
    if (ids.length === 0) return [];
    this.postsById ??= this.db.prepare(
      'SELECT id, title, networks, status, pillar FROM posts WHERE id IN (SELECT value FROM json_each(?))',
    );
    return this.postsById.all(JSON.stringify(ids)).map((row) => ({
      id: row.id,
      title: row.title,
      networks: networksOf(row.networks),
      status: isStatus(row.status) ? row.status : 'draft',
      pillar: row.pillar,
    }));
  }
}
