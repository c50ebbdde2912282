import type { Database, Statement } from 'better-sqlite3';
import { Network } from '../../../shared/posts/networks';
import { nonEmptyComments, nonEmptyThreads, ThreadParts } from '../../../shared/threads/schema';
import type { FirstComments, PostThreads } from '../../../shared/threads/schema';

interface ThreadRow {
  network: string;
  parts: string;
  first_comment: string;
}

export interface ThreadsOfPost {
  threads: PostThreads;
  firstComments: FirstComments;
}

const partsFrom = (json: string): string[] => ThreadParts.parse(JSON.parse(json));

function fromRows(rows: readonly ThreadRow[]): ThreadsOfPost {
  const threads: PostThreads = {};
  const firstComments: FirstComments = {};
  for (const row of rows) {
    const network = Network.safeParse(row.network);
    if (!network.success) continue;
    const parts = partsFrom(row.parts);
    if (parts.length > 0) threads[network.data] = parts;
    if (row.first_comment.length > 0) firstComments[network.data] = row.first_comment;
  }
  return { threads, firstComments };
}

function toRows({ threads, firstComments }: ThreadsOfPost): ThreadRow[] {
  const kept = nonEmptyThreads(threads);
  const comments = nonEmptyComments(firstComments);
  const networks = [...new Set([...Object.keys(kept), ...Object.keys(comments)])].map((n) => Network.parse(n)).sort();
  return networks.map((network) => ({ network, parts: JSON.stringify(kept[network] ?? []), first_comment: comments[network] ?? '' }));
}

/** Compared as stored, so "same threads" means the same rows. */
const canonical = (value: ThreadsOfPost): string => JSON.stringify(toRows(value));

/**
 * A post's thread parts and first comments (migration 0021): the current ones beside the body,
 * and a copy per revision taken when the revision is written.
 */
export class ThreadRepository {
  private readonly ofPost: Statement<[string], ThreadRow>;
  private readonly ofRevision: Statement<[number], ThreadRow>;

  constructor(private readonly db: Database) {
    this.ofPost = db.prepare('SELECT network, parts, first_comment FROM post_threads WHERE post_id = ? ORDER BY network');
    this.ofRevision = db.prepare('SELECT network, parts, first_comment FROM revision_threads WHERE revision_id = ? ORDER BY network');
  }

  get(postId: string): ThreadsOfPost {
    return fromRows(this.ofPost.all(postId));
  }

  ofRevisionId(revisionId: number): ThreadsOfPost {
    return fromRows(this.ofRevision.all(revisionId));
  }

  same(a: ThreadsOfPost, b: ThreadsOfPost): boolean {
    return canonical(a) === canonical(b);
  }

  /** Replaces the post's threads and comments. */
  write(postId: string, value: ThreadsOfPost): void {
    this.db.prepare('DELETE FROM post_threads WHERE post_id = ?').run(postId);
    const insert = this.db.prepare('INSERT INTO post_threads (post_id, network, parts, first_comment) VALUES (?, ?, ?, ?)');
    for (const row of toRows(value)) insert.run(postId, row.network, row.parts, row.first_comment);
  }

  /** Copies the post's current threads into a revision just written. */
  snapshot(postId: string, revisionId: number): void {
    this.db
      .prepare('INSERT INTO revision_threads (revision_id, network, parts, first_comment) SELECT ?, network, parts, first_comment FROM post_threads WHERE post_id = ?')
      .run(revisionId, postId);
  }
}
