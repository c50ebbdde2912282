import type { Database } from 'better-sqlite3';
import { DigestFrequency } from '../../../shared/digest/period';
import { Network } from '../../../shared/posts/networks';
import type { DigestAwaiting, DigestPlanned } from '../../../shared/digest/compose';

export interface DigestLogEntry {
  partnerId: string;
  periodKey: string;
  to: string;
  messageId: string;
  emlSha256: string | null;
  sentAt: number;
}

/** Statuses of a post still on its way out: what "planned next" lists. */
const PLANNED_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'] as const;

const networkList = (json: string): Network[] => {
  const parsed = Network.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
};

/** The only code that writes the digest tables; it also reads what a digest tells. */
export class DigestRepository {
  constructor(private readonly db: Database) {}

  frequency(partnerId: string): DigestFrequency {
    const stored = this.db.prepare<[string], string>('SELECT frequency FROM partner_digest WHERE partner_id = ?').pluck().get(partnerId);
    const parsed = DigestFrequency.safeParse(stored);
    return parsed.success ? parsed.data : 'monthly';
  }

  setFrequency(partnerId: string, frequency: DigestFrequency, now: number): void {
    this.db
      .prepare(
        `INSERT INTO partner_digest (partner_id, frequency, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (partner_id) DO UPDATE SET frequency = excluded.frequency, updated_at = excluded.updated_at`,
      )
      .run(partnerId, frequency, now);
  }

  /** Open sign-off requests of the partner, soonest deadline first. */
  awaiting(partnerId: string): DigestAwaiting[] {
    return this.db
      .prepare<[string], { title: string; deadline_at: number | null }>(
        `SELECT posts.title, r.deadline_at FROM signoff_requests r JOIN posts ON posts.id = r.post_id
         WHERE r.partner_id = ? AND r.state = 'open' AND posts.partner_id = r.partner_id
         ORDER BY r.deadline_at IS NULL, r.deadline_at, r.created_at`,
      )
      .all(partnerId)
      .map((row) => ({ title: row.title, deadlineAt: row.deadline_at }));
  }

  /** The partner's posts scheduled in [from, to) that have not gone out (nor been dropped). */
  planned(partnerId: string, from: number, to: number): DigestPlanned[] {
    return this.db
      .prepare<unknown[], { title: string; networks: string; scheduled_at: number }>(
        `SELECT title, networks, scheduled_at FROM posts
         WHERE partner_id = ? AND scheduled_at >= ? AND scheduled_at < ?
           AND status IN (${PLANNED_STATUSES.map(() => '?').join(', ')})
         ORDER BY scheduled_at`,
      )
      .all(partnerId, from, to, ...PLANNED_STATUSES)
      .map((row) => ({ title: row.title, networks: networkList(row.networks), scheduledAt: row.scheduled_at }));
  }

  /** The newest publication per network of each partner (all partners at once, for the calendar). */
  lastPublished(): Map<string, Partial<Record<Network, number>>> {
    const rows = this.db
      .prepare<[], { partner_id: string; network: string; last: number }>(
        `SELECT posts.partner_id, p.network, max(p.published_at) AS last
         FROM publications p JOIN posts ON posts.id = p.post_id
         WHERE p.state = 'published' AND p.published_at IS NOT NULL
         GROUP BY posts.partner_id, p.network`,
      )
      .all();
    const out = new Map<string, Partial<Record<Network, number>>>();
    for (const row of rows) {
      const network = Network.safeParse(row.network);
      if (!network.success) continue;
      const entry = out.get(row.partner_id) ?? {};
      entry[network.data] = row.last;
      out.set(row.partner_id, entry);
    }
    return out;
  }

  log(entry: DigestLogEntry): void {
    this.db
      .prepare('INSERT INTO digest_log (partner_id, period_key, to_address, message_id, eml_sha256, sent_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.partnerId, entry.periodKey, entry.to, entry.messageId, entry.emlSha256, entry.sentAt);
  }

  sent(partnerId: string): DigestLogEntry[] {
    return this.db
      .prepare<[string], { partner_id: string; period_key: string; to_address: string; message_id: string; eml_sha256: string | null; sent_at: number }>(
        'SELECT * FROM digest_log WHERE partner_id = ? ORDER BY id',
      )
      .all(partnerId)
      .map((row) => ({ partnerId: row.partner_id, periodKey: row.period_key, to: row.to_address, messageId: row.message_id, emlSha256: row.eml_sha256, sentAt: row.sent_at }));
  }
}
