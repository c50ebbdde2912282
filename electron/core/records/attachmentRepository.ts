import type { Database } from 'better-sqlite3';
import type { ReplyAttachment } from '../../../shared/signoff/replyAttachments';

export interface AttachmentRow {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** The only code writing reply_attachments: the files of each reply, tied to its audit fact. */
export class AttachmentRepository {
  constructor(private readonly db: Database) {}

  /** Call inside the transaction that appended the fact; a reply re-read adds nothing twice. */
  add(fact: { auditEntryId: number; postId: string; messageId: string }, attachments: readonly ReplyAttachment[]): void {
    const insert = this.db.prepare(
      `INSERT INTO reply_attachments (audit_entry_id, post_id, message_id, position, name, media_type, bytes, status, sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id, position) DO NOTHING`,
    );
    attachments.forEach((a, position) => insert.run(fact.auditEntryId, fact.postId, fact.messageId, position, a.name, a.type, a.bytes, a.status, a.sha256));
  }

  /** A kept file as a post's history lists it, or null when that post has no such file. */
  keptOfPost(postId: string, sha256: string): AttachmentRow | null {
    const row = this.db
      .prepare("SELECT name, media_type, bytes, sha256 FROM reply_attachments WHERE post_id = ? AND sha256 = ? AND status = 'kept' ORDER BY id LIMIT 1")
      .get(postId, sha256) as { name: string; media_type: string; bytes: number; sha256: string } | undefined;
    return row ? { name: row.name, mediaType: row.media_type, bytes: row.bytes, sha256: row.sha256 } : null;
  }
}
