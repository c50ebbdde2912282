import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../../electron/core/audit/repository';
import { EngagementRepository } from '../../../electron/core/engagement/repository';
import { reportEngagement } from '../../../electron/core/engagement/reportSource';
import { EventBus } from '../../../electron/core/events';
import { PartnerRepository } from '../../../electron/core/partners/repository';
import { ReportService } from '../../../electron/core/reports/service';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

const HOUR = 3_600_000;
let t: TestCore | null = null;
const opened: Database.Database[] = [];

function closeAll(): void {
  for (const db of opened.splice(0)) db.close();
  t?.close();
  t = null;
}
afterEach(closeAll);

/**
 * `partners` partners, each with `postsEach` posts published in October 2026 (an audit history
 * of three facts, one Mastodon publication with readings at +1 h and +24 h) and one near-duplicate
 * dismissal. Partners through core; the rest by SQL on a second connection (no procedure writes
 * past instants).
 */
async function seed(core: TestCore, partners: number, postsEach: number): Promise<void> {
  const db = new Database(core.core.databasePath);
  opened.push(db);
  db.pragma('busy_timeout = 5000');
  const audit = new AuditRepository(db);
  const engagement = new EngagementRepository(db);
  const insertPost = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, scheduled_at, scheduled_zone, created_at, updated_at)
     VALUES (?, ?, ?, '["mastodon"]', '{"type":"doc","content":[]}', '', 'published', 1, ?, 'Europe/Paris', ?, ?)`,
  );
  const insertPublication = db.prepare(
    `INSERT INTO publications (post_id, round_id, network, mode, state, approved_hash, due_at, remote_id, url, created_at, updated_at, published_at)
     VALUES (?, ?, 'mastodon', 'api', 'published', 'h', ?, ?, ?, ?, ?, ?)`,
  );
  const insertDismissal = db.prepare(
    'INSERT INTO similarity_dismissals (post_id, other_post_id, partner_id, jaccard, dismissed_at) VALUES (?, ?, ?, 0.9, ?)',
  );
  for (let p = 0; p < partners; p++) {
    const partner = await core.call('partners.create', { displayName: `Associé ${p}`, timeZone: 'Europe/Paris', locale: 'fr' });
    db.transaction(() => {
      const ids: string[] = [];
      for (let i = 0; i < postsEach; i++) {
        const id = randomUUID();
        ids.push(id);
        const at = Date.UTC(2026, 9, 2 + i, 9, 0, 0);
        insertPost.run(id, partner.id, `Billet ${p}-${i}`, at, at - 48 * HOUR, at);
        for (const [k, action] of (['created', 'approve', 'published'] as const).entries()) {
          audit.append({
            postId: id,
            partnerId: partner.id,
            at: at - (2 - k) * HOUR,
            actor: { kind: action === 'approve' ? 'partner' : 'community_manager', name: '' },
            action,
            fromStatus: null,
            toStatus: null,
            revisionNumber: null,
            revisionHash: null,
            channel: 'app',
            details: {},
          });
        }
        const publicationId = Number(insertPublication.run(id, randomUUID(), at, `r-${id}`, `https://mastodon.example/@a/${i}`, at, at, at).lastInsertRowid);
        engagement.record(publicationId, { likes: 2 + i, reposts: 1, replies: 0 }, at + HOUR, 'api', '1h', at + HOUR);
        engagement.record(publicationId, { likes: 5 + i, reposts: 2, replies: 1 }, at + 24 * HOUR, 'api', '24h', at + 24 * HOUR);
      }
      insertDismissal.run(ids[0] ?? '', ids[1] ?? '', partner.id, Date.UTC(2026, 9, 20, 9, 0, 0));
    })();
  }
}

/** The firm's report for October, on a connection that counts the statements SQLite runs. */
function statementsForReport(core: TestCore): { statements: number; partners: number; publications: number; dismissals: number } {
  let statements = 0;
  const db = new Database(core.core.databasePath, { verbose: () => (statements += 1) });
  opened.push(db);
  const service = new ReportService({
    db,
    partners: new PartnerRepository(db),
    clock: core.clock,
    events: new EventBus(),
    dataDir: join(core.dir, 'reports'),
    zone: 'Europe/Paris',
    engagementFor: reportEngagement(new EngagementRepository(db)),
  });
  statements = 0;
  const doc = service.document({ month: '2026-10', partnerId: null });
  service.close();
  if (doc.kind !== 'all') throw new Error('firm report expected');
  return {
    statements,
    partners: doc.partners.length,
    publications: doc.partners.reduce((sum, report) => sum + (report.engagement?.byNetwork[0]?.posts ?? 0), 0),
    dismissals: doc.partners.reduce((sum, report) => sum + report.nearDuplicatesKept, 0),
  };
}

describe('reading a monthly report for every partner', () => {
  it('runs the same number of statements for 2 partners with 3 posts each as for 6 partners with 8 (no query per partner or per publication)', async () => {
    t = createTestCore();
    await seed(t, 2, 3);
    const small = statementsForReport(t);
    closeAll();
    t = createTestCore();
    await seed(t, 6, 8);
    const large = statementsForReport(t);

    expect([small.partners, small.publications, small.dismissals]).toEqual([2, 6, 2]);
    expect([large.partners, large.publications, large.dismissals]).toEqual([6, 48, 6]);
    expect(large.statements).toBe(small.statements);
  });
});
