import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { AuditRepository } from '../../../electron/core/audit/repository';
import type { Partner } from '../../../shared/partners/schema';
import { octoberScenario, scenarioPosts } from '../../support/reportScenario';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

export interface Seeded {
  paris: Partner;
  london: Partner;
  other: Partner;
  /** The core’s file opened beside it; close it at the end. */
  db: Database.Database;
}

/**
 * Two partners living the same October (tests/support/reportScenario.ts): Claire Dupont in
 * Paris, French; James Whitfield in London, English; plus a third partner who owns post Z.
 * Posts go through core; audit entries through AuditRepository.append on the same file (the
 * instants are October's, not the clock's, so not through the sign-off procedures); the pillar
 * by plain SQL (no procedure sets it yet).
 */
export async function seedScenario(t: TestCore): Promise<Seeded> {
  // A second connection on the core's file (WAL): the audit log has no procedure to write into it directly.
  const db = new Database(t.core.databasePath);
  db.pragma('busy_timeout = 5000');
  const audit = new AuditRepository(db);
  const setPillar = db.prepare('UPDATE posts SET pillar = ? WHERE id = ?');
  const paris = await t.call('partners.create', {
    displayName: 'Me Claire Dupont',
    role: 'Associée',
    organisation: 'Cabinet Arcand & Associés',
    color: '#1d4ed8',
    timeZone: 'Europe/Paris',
    locale: 'fr',
  });
  const london = await t.call('partners.create', {
    displayName: 'James Whitfield KC',
    role: 'Partner',
    organisation: 'Whitfield Chambers',
    color: '#7c2d12',
    timeZone: 'Europe/London',
    locale: 'en',
  });
  const other = await t.call('partners.create', { displayName: 'Autre associé', timeZone: 'Europe/Paris', locale: 'fr' });

  for (const partner of [paris, london]) {
    const ids = new Map<string, string>();
    for (const spec of [...scenarioPosts, { key: 'Z', title: 'Autre', pillar: null, networks: [] }]) {
      const owner = spec.key === 'Z' ? other : partner;
      const post = await t.call('posts.create', { partnerId: owner.id, title: spec.title, networks: spec.networks });
      setPillar.run(spec.pillar, post.id);
      ids.set(spec.key, post.id);
    }
    db.transaction(() =>
      octoberScenario((key, iso, action, details = {}, isOther = false) => {
        audit.append({
          postId: ids.get(key) ?? key,
          partnerId: isOther ? other.id : partner.id,
          at: Date.parse(iso),
          actor: { kind: ['approve', 'requestChanges', 'reject'].includes(action) ? 'partner' : 'community_manager', name: isOther ? '' : partner.displayName },
          action,
          fromStatus: null,
          toStatus: null,
          revisionNumber: null,
          revisionHash: null,
          channel: action === 'approve' ? 'email' : 'app',
          details,
        });
      }),
    )();
  }
  return { paris, london, other, db };
}

/**
 * For a test file: before each test a fresh core seeded with the scenario, closed after it.
 * Read `fixture.t` and `fixture.seeded` inside the tests (they change with each test).
 */
export function seededCoreForEachTest(): { t: TestCore; seeded: Seeded } {
  let current: { t: TestCore; seeded: Seeded } | null = null;
  beforeEach(async () => {
    const t = createTestCore();
    current = { t, seeded: await seedScenario(t) };
  });
  afterEach(() => {
    current?.seeded.db.close();
    current?.t.close();
    current = null;
  });
  const now = () => {
    if (!current) throw new Error('the seeded core exists only inside a test');
    return current;
  };
  return {
    get t() {
      return now().t;
    },
    get seeded() {
      return now().seeded;
    },
  };
}
