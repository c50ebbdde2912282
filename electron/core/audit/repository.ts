import type { Database, Statement } from 'better-sqlite3';
import { chainPending } from './chain';
import { anchorHead } from './anchor';
import { auditActions } from '../../../shared/signoff/audit';
import type { AuditAction, AuditEntry } from '../../../shared/signoff/audit';
import type { PostStatus } from '../../../shared/posts/schema';
import { ANCHOR_KEY_REPLACED, WORKSPACE_FACT_ID } from '../../../shared/records/anchorKey';
import type { AnchorKeyReplacedDetails } from '../../../shared/records/anchorKey';

export interface AuditRow {
  id: number;
  post_id: string;
  partner_id: string;
  at: number;
  actor_kind: AuditEntry['actor']['kind'];
  actor_name: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  revision_number: number | null;
  revision_hash: string | null;
  channel: string | null;
  details: string;
}

const knownActions = new Set<string>(auditActions);

/**
 * A row as the domain's AuditEntry, or null for an action this version does not know (a newer
 * Plume wrote it): readers skip such facts rather than fail. Columns are trusted as written by
 * `append` (CHECK constraints guard actor_kind and details), so no per-row zod parse: reports
 * read tens of thousands of rows.
 */
export function toAuditEntry(row: AuditRow): AuditEntry | null {
  if (!knownActions.has(row.action)) return null;
  const details = JSON.parse(row.details) as unknown;
  return {
    id: row.id,
    postId: row.post_id,
    partnerId: row.partner_id,
    at: row.at,
    actor: { kind: row.actor_kind, name: row.actor_name },
    action: row.action as AuditAction,
    fromStatus: row.from_status as PostStatus | null,
    toStatus: row.to_status as PostStatus | null,
    revisionNumber: row.revision_number,
    revisionHash: row.revision_hash,
    channel: row.channel as AuditEntry['channel'],
    details: typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {},
  };
}

export type AuditAppend = Omit<AuditEntry, 'id'>;

/**
 * The append-only audit log. Statements are prepared on first use, so a core opened on a
 * database without the table (before its migration) starts normally.
 */
export class AuditRepository {
  private insert: Statement | null = null;

  constructor(private readonly db: Database) {}

  /**
   * Appends one entry and returns its id; call it inside the transaction that made the change.
   * The row is chained as stored (every column), so the hash covers exactly what is kept.
   */
  append(entry: AuditAppend): number {
    return this.insertRow(entry);
  }

  /**
   * The keychain no longer held the key that sealed the anchor and a new key took over: a
   * workspace fact by Plume (no post; readers of posts and partners never see it), chained and
   * anchored under the new key like any entry. Call it in the transaction that moves the anchor.
   */
  appendAnchorKeyReplaced(at: number, details: AnchorKeyReplacedDetails): number {
    return this.insertRow({
      postId: WORKSPACE_FACT_ID,
      partnerId: WORKSPACE_FACT_ID,
      at,
      actor: { kind: 'system', name: '' },
      action: ANCHOR_KEY_REPLACED,
      fromStatus: null,
      toStatus: null,
      revisionNumber: null,
      revisionHash: null,
      channel: 'system',
      details,
    });
  }

  private insertRow(entry: Omit<AuditAppend, 'action'> & { action: string }): number {
    this.insert ??= this.db.prepare(
      `INSERT INTO audit_log (post_id, partner_id, at, actor_kind, actor_name, action, from_status, to_status,
         revision_number, revision_hash, channel, details)
       VALUES (@postId, @partnerId, @at, @actorKind, @actorName, @action, @fromStatus, @toStatus,
         @revisionNumber, @revisionHash, @channel, @details)`,
    );
    const result = this.insert.run({
      postId: entry.postId,
      partnerId: entry.partnerId,
      at: entry.at,
      actorKind: entry.actor.kind,
      actorName: entry.actor.name,
      action: entry.action,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      revisionNumber: entry.revisionNumber,
      revisionHash: entry.revisionHash,
      channel: entry.channel,
      details: JSON.stringify(entry.details),
    });
    chainPending(this.db);
    anchorHead(this.db, entry.at);
    return Number(result.lastInsertRowid);
  }

  /** A post's history in append order. */
  ofPost(postId: string): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE post_id = ? ORDER BY id').all(postId) as AuditRow[];
    return rows.flatMap((row) => toAuditEntry(row) ?? []);
  }
}
