import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface BulkPost {
  partnerId: string;
  title: string;
  text: string;
  status: 'draft' | 'published';
  /** Created and last changed at this instant. */
  at: number;
}

/**
 * Posts written straight into a running Plume's workspace file, in one transaction, as a
 * workspace of years holds them: creating a thousand posts one call at a time takes minutes.
 * Returns their ids, in the order given.
 */
export function insertPosts(dataDir: string, posts: readonly BulkPost[]): string[] {
  const db = new Database(join(dataDir, 'plume.sqlite'));
  try {
    const insert = db.prepare(
      `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, created_at, updated_at)
       VALUES (?, ?, ?, '["linkedin"]', '{"type":"doc","content":[]}', ?, ?, 1, ?, ?)`,
    );
    return db.transaction(() =>
      posts.map((post) => {
        const id = randomUUID();
        insert.run(id, post.partnerId, post.title, post.text, post.status, post.at, post.at);
        return id;
      }),
    )();
  } finally {
    db.close();
  }
}
