import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const at = (iso: string) => Date.parse(iso);

async function partner(name: string, timeZone: string) {
  return t.call('partners.create', { displayName: name, timeZone });
}

describe('the calendar range query', () => {
  it('gives a month each local day’s first posts in time order and every day’s count, days read in the viewer’s zone', async () => {
    const paris = await partner('Me Dupont', 'Europe/Paris');
    const ids: string[] = [];
    // 23:30 UTC on the 9th is 01:30 on the 10th in Paris: it counts on the 10th.
    for (const iso of ['2026-06-09T23:30:00Z', '2026-06-10T07:00:00Z', '2026-06-10T08:00:00Z', '2026-06-10T09:00:00Z', '2026-06-10T10:00:00Z', '2026-06-10T11:00:00Z', '2026-06-11T08:00:00Z']) {
      ids.push((await t.call('posts.create', { partnerId: paris.id, title: iso, scheduledAt: at(iso) })).id);
    }
    const june = { from: at('2026-05-31T22:00:00Z'), to: at('2026-06-30T22:00:00Z') };
    const days = await t.call('calendar.days', { ...june, zone: 'Europe/Paris', perDay: 3 });
    expect(days.entries.map((e) => e.id)).toEqual([ids[0], ids[1], ids[2], ids[6]]);
    expect(days.counts).toEqual({ '2026-06-10': 6, '2026-06-11': 1 });
    // Read in UTC, the first post is on the 9th.
    expect((await t.call('calendar.days', { ...june, zone: 'UTC', perDay: 3 })).counts).toEqual({ '2026-06-09': 1, '2026-06-10': 5, '2026-06-11': 1 });
  });

  it('returns exactly the posts scheduled in [from, to), ordered, with filters applied in SQL', async () => {
    const paris = await partner('Me Dupont', 'Europe/Paris');
    const casa = await partner('Me Benali', 'Africa/Casablanca');
    const make = async (p: { id: string }, title: string, iso: string | null, networks: ('linkedin' | 'x')[] = ['linkedin']) => {
      const post = await t.call('posts.create', { partnerId: p.id, title, networks, content: docFromParagraphs([`${title} texte`]) });
      if (iso) await t.call('calendar.schedule', { id: post.id, scheduledAt: at(iso), zone: 'Europe/Paris' });
      return post;
    };
    await make(paris, 'avant', '2026-10-31T22:59:59.999Z');
    await make(paris, 'début', '2026-10-31T23:00:00Z');
    await make(casa, 'milieu', '2026-11-15T09:00:00Z', ['x']);
    await make(paris, 'fin', '2026-11-30T22:59:59Z');
    await make(paris, 'après', '2026-11-30T23:00:00Z');
    await make(paris, 'sans date', null);

    const november = { from: at('2026-10-31T23:00:00Z'), to: at('2026-11-30T23:00:00Z') };
    const all = await t.call('calendar.range', november);
    expect(all.map((e) => e.title)).toEqual(['début', 'milieu', 'fin']);
    // Entries carry no body: the calendar paints titles, and the range is read from an index.
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['commentNetworks', 'id', 'networks', 'partnerId', 'scheduledAt', 'scheduledZone', 'status', 'threadParts', 'title', 'version', 'versionNetworks']);

    expect((await t.call('calendar.range', { ...november, filter: { partnerIds: [casa.id] } })).map((e) => e.title)).toEqual(['milieu']);
    expect((await t.call('calendar.range', { ...november, filter: { networks: ['x'] } })).map((e) => e.title)).toEqual(['milieu']);
    expect(await t.call('calendar.range', { ...november, filter: { statuses: ['published'] } })).toEqual([]);
    expect((await t.call('calendar.unscheduled', {})).map((e) => e.title)).toEqual(['sans date']);
  });

  it('refuses an inverted or oversized range', async () => {
    expect((await t.raw('calendar.range', { from: 10, to: 5 })).ok).toBe(false);
    expect((await t.raw('calendar.range', { from: 0, to: 500 * 86_400_000 })).ok).toBe(false);
  });
});

describe('moving posts', () => {
  it('stores the instant with the zone it was chosen in, without touching the content version', async () => {
    const casa = await partner('Me Benali', 'Africa/Casablanca');
    const post = await t.call('posts.create', { partnerId: casa.id });
    // 09:00 in Casablanca on 2026-11-03 is 09:00 UTC+1 → 08:00Z
    const moved = await t.call('calendar.schedule', { id: post.id, scheduledAt: at('2026-11-03T08:00:00Z'), zone: 'Africa/Casablanca' });
    expect(moved).toMatchObject({ scheduledAt: at('2026-11-03T08:00:00Z'), scheduledZone: 'Africa/Casablanca', version: 1 });
    const again = await t.call('posts.save', { id: post.id, baseVersion: 1, title: 'toujours la v1' });
    expect(again.version).toBe(2);
    const cleared = await t.call('calendar.schedule', { id: post.id, scheduledAt: null, zone: null });
    expect(cleared.scheduledAt).toBeNull();
  });

  it('refuses an instant without a zone, and an unknown zone', async () => {
    const paris = await partner('Me Dupont', 'Europe/Paris');
    const post = await t.call('posts.create', { partnerId: paris.id });
    expect((await t.raw('calendar.schedule', { id: post.id, scheduledAt: 1, zone: null })).ok).toBe(false);
    expect((await t.raw('calendar.schedule', { id: post.id, scheduledAt: 1, zone: 'Mars/Base' })).ok).toBe(false);
  });

  it('announces the move to every window', async () => {
    const paris = await partner('Me Dupont', 'Europe/Paris');
    const post = await t.call('posts.create', { partnerId: paris.id });
    const seen: unknown[] = [];
    t.core.events.subscribe((e) => seen.push(e));
    await t.call('calendar.schedule', { id: post.id, scheduledAt: 5, zone: 'Europe/Paris' });
    expect(seen).toContainEqual({ type: 'post.scheduled', postId: post.id, scheduledAt: 5 });
  });
});
