import type { Database } from 'better-sqlite3';
import type { AuditRowValues } from '../../../shared/records/auditChain';
import { ANCHOR_KEY_REPLACED, WORKSPACE_FACT_ID } from '../../../shared/records/anchorKey';

export interface StoredMessage {
  sha256: string;
  direction: 'sent' | 'received';
  messageId: string | null;
  requestId: string | null;
  bytes: number;
  storedAt: number;
}

interface Row {
  sha256: string;
  direction: 'sent' | 'received';
  message_id: string | null;
  request_id: string | null;
  bytes: number;
  stored_at: number;
}

const toMessage = (row: Row): StoredMessage => ({
  sha256: row.sha256,
  direction: row.direction,
  messageId: row.message_id,
  requestId: row.request_id,
  bytes: row.bytes,
  storedAt: row.stored_at,
});

/** The index of raw sign-off messages kept in the workspace (files named by their SHA-256). */
export class RecordRepository {
  constructor(private readonly db: Database) {}

  /** The first record of a given message wins: the same bytes are the same message. */
  addMessage(message: StoredMessage): void {
    this.db
      .prepare(
        `INSERT INTO record_messages (sha256, direction, message_id, request_id, bytes, stored_at)
         VALUES (@sha256, @direction, @messageId, @requestId, @bytes, @storedAt) ON CONFLICT (sha256) DO NOTHING`,
      )
      .run(message);
  }

  message(sha256: string): StoredMessage | null {
    const row = this.db.prepare('SELECT * FROM record_messages WHERE sha256 = ?').get(sha256) as Row | undefined;
    return row ? toMessage(row) : null;
  }

  /** Every audit row (all columns, as stored) of these posts, in chain order. */
  auditRowsOfPosts(postIds: readonly string[]): AuditRowValues[] {
    if (postIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM audit_log WHERE post_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(JSON.stringify(postIds)) as AuditRowValues[];
  }

  postIdsOfPartner(partnerId: string): string[] {
    return this.db.prepare('SELECT DISTINCT post_id FROM audit_log WHERE partner_id = ?').pluck().all(partnerId) as string[];
  }

  /** Posts of a partner approved or published in [start, end). */
  postIdsDecidedBetween(partnerId: string, start: number, end: number): string[] {
    return this.db
      .prepare("SELECT DISTINCT post_id FROM audit_log WHERE partner_id = ? AND action IN ('approve', 'published') AND at >= ? AND at < ?")
      .pluck()
      .all(partnerId, start, end) as string[];
  }

  /** The chain links from one id to another, content left out. */
  chainLinks(fromId: number, toId: number): IterableIterator<{ id: number; prev_hash: string | null; entry_hash: string | null }> {
    return this.db.prepare('SELECT id, prev_hash, entry_hash FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id').iterate(fromId, toId) as IterableIterator<{
      id: number;
      prev_hash: string | null;
      entry_hash: string | null;
    }>;
  }

  /** The workspace's `anchorKeyReplaced` facts (a few at most), every column as stored. */
  anchorKeyFacts(): AuditRowValues[] {
    return this.db.prepare('SELECT * FROM audit_log WHERE post_id = ? AND action = ? ORDER BY id').all(WORKSPACE_FACT_ID, ANCHOR_KEY_REPLACED) as AuditRowValues[];
  }

  chainHead(): { entries: number; entryHash: string | null } {
    const row = this.db.prepare('SELECT count(*) AS n, (SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1) AS head FROM audit_log').get() as {
      n: number;
      head: string | null;
    };
    return { entries: row.n, entryHash: row.head };
  }
}
