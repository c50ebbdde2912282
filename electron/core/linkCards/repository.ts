import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { LinkCard, LinkCardRefusal } from '../../../shared/previews/schema';
import type { LinkCardState } from '../../../shared/previews/schema';

const Row = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), card: z.string(), reason: z.null(), fetched_at: z.number().int() }),
  z.object({ status: z.literal('refused'), card: z.null(), reason: LinkCardRefusal, fetched_at: z.number().int() }),
]);

/** The only code writing link_cards. */
export class LinkCardRepository {
  constructor(private readonly db: Database) {}

  /** The cached state of `url`, or null when it was never fetched (or its row no longer parses). */
  get(url: string): (LinkCardState & { status: 'ready' | 'refused' }) | null {
    const raw: unknown = this.db.prepare('SELECT status, card, reason, fetched_at FROM link_cards WHERE url = ?').get(url);
    if (raw === undefined) return null;
    const row = Row.safeParse(raw);
    if (!row.success) return null;
    if (row.data.status === 'refused') return { status: 'refused', url, reason: row.data.reason, at: row.data.fetched_at };
    const card = LinkCard.safeParse(JSON.parse(row.data.card));
    return card.success ? { status: 'ready', card: card.data } : null;
  }

  putCard(card: LinkCard): void {
    this.db
      .prepare(
        `INSERT INTO link_cards (url, status, card, reason, fetched_at) VALUES (?, 'ready', ?, NULL, ?)
         ON CONFLICT (url) DO UPDATE SET status = 'ready', card = excluded.card, reason = NULL, fetched_at = excluded.fetched_at`,
      )
      .run(card.url, JSON.stringify(card), card.fetchedAt);
  }

  putRefusal(url: string, reason: LinkCardRefusal, at: number): void {
    this.db
      .prepare(
        `INSERT INTO link_cards (url, status, card, reason, fetched_at) VALUES (?, 'refused', NULL, ?, ?)
         ON CONFLICT (url) DO UPDATE SET status = 'refused', card = NULL, reason = excluded.reason, fetched_at = excluded.fetched_at`,
      )
      .run(url, reason, at);
  }
}
