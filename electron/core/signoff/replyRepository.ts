import type { Database } from 'better-sqlite3';
import type { InboxPosition } from '../mail/inbox';

export type InboundOutcome = 'applied' | 'received' | 'rejected' | 'unmatched';

/** The only code writing the reply bookkeeping: used tokens, handled messages, inbox position. */
export class ReplyRepository {
  constructor(private readonly db: Database) {}

  tokenUsed(tokenSha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM signoff_used_tokens WHERE token_sha256 = ?').get(tokenSha256) !== undefined;
  }

  markTokenUsed(tokenSha256: string, requestId: string, decision: string, messageId: string, now: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO signoff_used_tokens (token_sha256, request_id, decision, message_id, used_at) VALUES (?, ?, ?, ?, ?)')
      .run(tokenSha256, requestId, decision, messageId, now);
  }

  inboundHandled(messageId: string): boolean {
    return this.db.prepare('SELECT 1 FROM signoff_inbound WHERE message_id = ?').get(messageId) !== undefined;
  }

  recordInbound(messageId: string, requestId: string | null, outcome: InboundOutcome, reason: string | null, receivedAt: number, now: number): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO signoff_inbound (message_id, request_id, outcome, reason, received_at, processed_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(messageId, requestId, outcome, reason, receivedAt, now);
  }

  inboxPosition(mailbox: string): InboxPosition | null {
    const row = this.db.prepare('SELECT uid_validity, last_uid FROM signoff_inbox_state WHERE mailbox = ?').get(mailbox) as
      | { uid_validity: string; last_uid: number }
      | undefined;
    return row ? { uidValidity: row.uid_validity, lastUid: row.last_uid } : null;
  }

  saveInboxPosition(mailbox: string, position: InboxPosition, now: number): void {
    this.db
      .prepare(
        `INSERT INTO signoff_inbox_state (mailbox, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
           updated_at = excluded.updated_at`,
      )
      .run(mailbox, position.uidValidity, position.lastUid, now);
  }
}
