import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import type { CadencePolicyInput } from '../../../shared/calendar/cadencePolicy';
import { analysisInstantRange, calendarWarnings, warningAnchor } from '../../../shared/calendar/warnings';
import type { PartnerWarning } from '../../../shared/calendar/warningSchema';
import { CalendarRepository } from '../../../electron/core/calendar/repository';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const HOUR = 3_600_000;
const cadence: CadencePolicyInput = {
  postsPerWeek: [
    { network: 'linkedin', min: 3, max: 5 },
    { network: 'x', min: 1 },
  ],
  maxPerDay: 2,
  quietDays: [7],
  quietHours: { from: '20:00', to: '08:00' },
  blackoutDates: ['2026-06-18'],
  pillarTargets: [{ pillar: 'expertise', share: 0.5 }],
};

/** Three partners in three zones, 120 posts over June and July 2026 at scattered hours. */
async function seed() {
  const partners = [];
  for (const [name, timeZone] of [['Me Aubert', 'Europe/Paris'], ['Me Benali', 'Africa/Casablanca'], ['Me Carter', 'America/New_York']] as const) {
    const partner = await t.call('partners.create', { displayName: name, timeZone });
    await t.call('editorial.savePartnerLine', { partnerId: partner.id, baseVersion: null, line: { cadence } });
    partners.push(partner);
  }
  const posts = [];
  for (let i = 0; i < 120; i++) {
    const partner = partners[i % 3];
    if (!partner) continue;
    const scheduledAt = Date.parse('2026-05-30T00:00:00Z') + ((i * 37) % 70) * 24 * HOUR + ((i * 7) % 24) * HOUR;
    posts.push(await t.call('posts.create', { partnerId: partner.id, networks: i % 4 === 0 ? ['x'] : ['linkedin', 'x'], scheduledAt }));
  }
  return { partners, posts };
}

/** What `calendar.warnings` answered before the warnings thread: everything computed in one go, in this thread. */
function inThread(range: { from: string; to: string }): PartnerWarning[] {
  const db = new Database(join(t.dir, 'plume.sqlite'), { readonly: true });
  try {
    const repository = new CalendarRepository(db);
    const policy = CadencePolicy.parse(cadence);
    return repository
      .partnerZones(undefined)
      .flatMap((partner) => {
        const window = analysisInstantRange(range, partner.timeZone);
        const posts = repository.scheduledPosts(window.from, window.to, [partner.id]).get(partner.id) ?? [];
        return calendarWarnings({ policy, zone: partner.timeZone, posts, range }).map((warning) => ({ partnerId: partner.id, warning }));
      })
      .sort((a, b) => warningAnchor(a.warning).localeCompare(warningAnchor(b.warning)));
  } finally {
    db.close();
  }
}

describe('calendar warnings on their own thread', () => {
  it('answer what the in-thread computation answers, for a month, a week and a range cut mid-week', async () => {
    await seed();
    for (const range of [
      { from: '2026-06-01', to: '2026-07-12' },
      { from: '2026-06-08', to: '2026-06-14' },
      { from: '2026-06-10', to: '2026-07-02' },
    ]) {
      const expected = inThread(range);
      expect(expected.length).toBeGreaterThan(10);
      // Twice: computed, then from the partner-week cache.
      expect(await t.call('calendar.warnings', range)).toEqual(expected);
      expect(await t.call('calendar.warnings', range)).toEqual(expected);
    }
  });

  it('drop the cached warnings of the weeks a post leaves and joins when it moves', async () => {
    const partner = await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
    await t.call('editorial.savePartnerLine', { partnerId: partner.id, baseVersion: null, line: { cadence: { maxPerDay: 1 } } });
    const first = await t.call('posts.create', { partnerId: partner.id, scheduledAt: Date.parse('2026-06-10T08:00:00Z') });
    await t.call('posts.create', { partnerId: partner.id, scheduledAt: Date.parse('2026-06-10T09:00:00Z') });
    const range = { from: '2026-06-01', to: '2026-06-30' };
    const limits = async () => (await t.call('calendar.warnings', range)).filter((w) => w.warning.kind === 'dailyLimitExceeded').map((w) => ('date' in w.warning ? w.warning.date : ''));
    expect(await limits()).toEqual(['2026-06-10']);

    // A new post in another week, then the first one moved out of its week into that one.
    await t.call('posts.create', { partnerId: partner.id, scheduledAt: Date.parse('2026-06-24T09:00:00Z') });
    expect(await limits()).toEqual(['2026-06-10']);
    await t.call('calendar.schedule', { id: first.id, scheduledAt: Date.parse('2026-06-24T10:00:00Z'), zone: 'Europe/Paris' });
    expect(await limits()).toEqual(['2026-06-24']);
    await t.call('calendar.schedule', { id: first.id, scheduledAt: null, zone: null });
    expect(await limits()).toEqual([]);
  });

  it('let a posts.save be answered while a month of warnings is computed', async () => {
    const { posts } = await seed();
    const post = posts[0];
    if (!post) throw new Error('no post seeded');
    const order: string[] = [];
    const warnings = t.call('calendar.warnings', { from: '2026-06-01', to: '2026-07-31' }).then(() => order.push('warnings'));
    const save = t.call('posts.save', { id: post.id, baseVersion: post.version, title: 'Autosave' }).then(() => order.push('save'));
    await Promise.all([warnings, save]);
    expect(order).toEqual(['save', 'warnings']);
  });
});
