import type { Database } from 'better-sqlite3';
import type { CommentVisibility, PostComment } from '../../../shared/signoff/schema';

interface CommentRow {
  id: number;
  post_id: string;
  author_kind: 'community_manager' | 'partner';
  author_name: string;
  visibility: CommentVisibility;
  body: string;
  revision_number: number | null;
  sent_in_request_id: string | null;
  created_at: number;
}

const toComment = (row: CommentRow): PostComment => ({
  id: row.id,
  postId: row.post_id,
  authorKind: row.author_kind,
  authorName: row.author_name,
  visibility: row.visibility,
  body: row.body,
  revisionNumber: row.revision_number,
  sentInRequestId: row.sent_in_request_id,
  createdAt: row.created_at,
});

export interface NewComment {
  postId: string;
  authorKind: 'community_manager' | 'partner';
  authorName: string;
  visibility: CommentVisibility;
  body: string;
  revisionNumber: number | null;
  sentInRequestId: string | null;
  createdAt: number;
}

/** The only code writing post_comments. */
export class CommentRepository {
  constructor(private readonly db: Database) {}

  insert(comment: NewComment): PostComment {
    const id = this.db
      .prepare(
        `INSERT INTO post_comments (post_id, author_kind, author_name, visibility, body, revision_number, sent_in_request_id, created_at)
         VALUES (@postId, @authorKind, @authorName, @visibility, @body, @revisionNumber, @sentInRequestId, @createdAt)`,
      )
      .run(comment).lastInsertRowid;
    const row = this.db.prepare<[number], CommentRow>('SELECT * FROM post_comments WHERE id = ?').get(Number(id));
    if (!row) throw new Error('comment vanished');
    return toComment(row);
  }

  forPost(postId: string): PostComment[] {
    return this.db.prepare<[string], CommentRow>('SELECT * FROM post_comments WHERE post_id = ? ORDER BY id').all(postId).map(toComment);
  }

  /** Partner-visible comments not yet sent: they go with the next request, which claims them. */
  claimUnsent(postId: string, requestId: string): void {
    this.db
      .prepare(
        `UPDATE post_comments SET sent_in_request_id = ?
         WHERE post_id = ? AND visibility = 'partner' AND author_kind = 'community_manager' AND sent_in_request_id IS NULL`,
      )
      .run(requestId, postId);
  }

  sentWith(requestId: string): PostComment[] {
    return this.db
      .prepare<[string], CommentRow>("SELECT * FROM post_comments WHERE sent_in_request_id = ? AND author_kind = 'community_manager' ORDER BY id")
      .all(requestId)
      .map(toComment);
  }
}
