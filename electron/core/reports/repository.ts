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

/** An audit row as entriesFor reads it, in AuditRow's order without post_id (the row's own). */
type HistoryTuple = [
  AuditRow['id'],
  AuditRow['partner_id'],
  AuditRow['at'],
  AuditRow['actor_kind'],
  AuditRow['actor_name'],
  AuditRow['action'],
  AuditRow['from_status'],
  AuditRow['to_status'],
  AuditRow['revision_number'],
  AuditRow['revision_hash'],
  AuditRow['channel'],
  AuditRow['details'],
];

/** One partner's range of instants: a report's month (and the one before) in the partner's zone. */
export interface PartnerWindow {
  partnerId: string;
  from: number;
  to: number;
}

/**
 * What a monthly report reads: partners' audit entries over ranges of instants, with the
 * earlier history of each post they mention, and those posts. Read-only. One statement for
 * every partner of a report, not one per partner. Statements are prepared on first use (the
 * audit table arrives with a migration of its own).
 */
export class ReportRepository {
  private windows: Statement<[string], { owner: string; post_id: string; history: string }> | null = null;
  private postsById: Statement<[string], PostRow> | null = null;

  constructor(private readonly db: Database) {}

  /**
   * For each window, the whole history, in append order, of the posts with an entry of its
   * partner in [from, to) or switched to them since `from` (a draft started on another partner
   * counts for the one it was switched to: see creditedPartners, which needs the later facts
   * too). The first uses the (partner_id, at) index, the second the partial one on
   * 'partnerChanged' (0018), the histories the (post_id, id) one; the chain's hashes are not
   * read. One row per post with its history as a JSON array: one parse per post costs far less
   * than an object per entry. Every window's partner is a key.
   */
  entriesFor(windows: readonly PartnerWindow[]): Map<string, AuditEntry[]> {
    this.windows ??= this.db.prepare(
      `WITH windows AS (
         SELECT value ->> 0 AS partner_id, value ->> 1 AS from_at, value ->> 2 AS to_at FROM json_each(?)
       ),
       touched AS (
         SELECT w.partner_id AS owner, a.post_id FROM windows w
         JOIN audit_log a ON a.partner_id = w.partner_id AND a.at >= w.from_at AND a.at < w.to_at
         UNION
         SELECT w.partner_id AS owner, a.post_id FROM windows w
         JOIN audit_log a ON a.partner_id = w.partner_id AND a.action = 'partnerChanged' AND a.at >= w.from_at
       )
       SELECT t.owner, t.post_id,
         (SELECT json_group_array(json_array(a.id, a.partner_id, a.at, a.actor_kind, a.actor_name, a.action, a.from_status, a.to_status,
                                             a.revision_number, a.revision_hash, a.channel, a.details) ORDER BY a.id)
          FROM audit_log a WHERE a.post_id = t.post_id) AS history
       FROM touched t`,
    );
    const entries = new Map<string, AuditEntry[]>(windows.map((w) => [w.partnerId, []]));
    for (const { owner, post_id, history } of this.windows.all(JSON.stringify(windows.map((w) => [w.partnerId, w.from, w.to])))) {
      const list = entries.get(owner);
      if (!list) continue;
      for (const [id, partner_id, at, actor_kind, actor_name, action, from_status, to_status, revision_number, revision_hash, channel, details] of JSON.parse(history) as HistoryTuple[]) {
        const entry = toAuditEntry({ id, post_id, partner_id, at, actor_kind, actor_name, action, from_status, to_status, revision_number, revision_hash, channel, details });
        if (entry) list.push(entry);
      }
    }
    for (const list of entries.values()) list.sort((a, b) => a.id - b.id);
    return entries;
  }

  /** The posts named, as a report needs them; ids of deleted posts are simply absent. */
  posts(ids: Iterable<string>): Map<string, ReportPost> {
    const list = [...ids];
    if (list.length === 0) return new Map();
    this.postsById ??= this.db.prepare(
      'SELECT id, title, networks, status, pillar FROM posts WHERE id IN (SELECT value FROM json_each(?))',
    );
    return new Map(
      this.postsById.all(JSON.stringify(list)).map((row) => [
        row.id,
        { id: row.id, title: row.title, networks: networksOf(row.networks), status: isStatus(row.status) ? row.status : 'draft', pillar: row.pillar },
      ]),
    );
  }
}
