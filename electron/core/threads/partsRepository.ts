import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/** Index of the first comment among a publication's parts (thread parts are 0…n-1). */
export const FIRST_COMMENT_INDEX = -1;

export const PartState = z.enum(['sending', 'published', 'failed']);
export type PartState = z.infer<typeof PartState>;

export interface PublicationPart {
  publicationId: number;
  index: number;
  idempotencyKey: string;
  state: PartState;
  remoteId: string | null;
  /** Bluesky: the record's CID, which a reply to it must name. */
  cid: string | null;
  url: string | null;
  error: string | null;
}

interface PartRow {
  publication_id: number;
  part_index: number;
  idempotency_key: string;
  state: string;
  remote_id: string | null;
  remote_cid: string | null;
  url: string | null;
  error: string | null;
}

const toPart = (row: PartRow): PublicationPart => ({
  publicationId: row.publication_id,
  index: row.part_index,
  idempotencyKey: row.idempotency_key,
  state: PartState.parse(row.state),
  remoteId: row.remote_id,
  cid: row.remote_cid,
  url: row.url,
  error: row.error,
});

/**
 * What went out of a publication part by part (migration 0021): written `sending` before the
 * network is called, so after a crash a part in that state is looked up before anything is sent.
 */
export class PublicationPartRepository {
  constructor(private readonly db: Database) {}

  get(publicationId: number, index: number): PublicationPart | null {
    const row = this.db.prepare('SELECT * FROM publication_parts WHERE publication_id = ? AND part_index = ?').get(publicationId, index) as PartRow | undefined;
    return row ? toPart(row) : null;
  }

  ofPublication(publicationId: number): PublicationPart[] {
    return (this.db.prepare('SELECT * FROM publication_parts WHERE publication_id = ? ORDER BY part_index').all(publicationId) as PartRow[]).map(toPart);
  }

  sending(publicationId: number, index: number, idempotencyKey: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO publication_parts (publication_id, part_index, idempotency_key, state, updated_at) VALUES (?, ?, ?, 'sending', ?)
         ON CONFLICT (publication_id, part_index) DO UPDATE SET state = 'sending', error = NULL, updated_at = excluded.updated_at`,
      )
      .run(publicationId, index, idempotencyKey, now);
  }

  published(publicationId: number, index: number, remoteId: string, url: string | null, now: number, cid?: string): void {
    this.db
      .prepare(`UPDATE publication_parts SET state = 'published', remote_id = ?, remote_cid = ?, url = ?, error = NULL, updated_at = ? WHERE publication_id = ? AND part_index = ?`)
      .run(remoteId, cid ?? null, url, now, publicationId, index);
  }

  failed(publicationId: number, index: number, error: string, now: number): void {
    this.db.prepare(`UPDATE publication_parts SET state = 'failed', error = ?, updated_at = ? WHERE publication_id = ? AND part_index = ?`).run(error, now, publicationId, index);
  }
}
