import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/core/db/open';
import { pairsCache } from '../../../electron/core/similarity/pairsCache';
import { SimilarityRepository } from '../../../electron/core/similarity/repository';
import { SimilarityService } from '../../../electron/core/similarity/service';
import { ApiError } from '../../../shared/api/errors';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { SimilarityPair } from '../../../shared/similarity/schema';
import { DAY_MS } from '../../../shared/similarity/window';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { LEGAL_SENTENCES, nearCopyPosts } from '../../support/legalSentences';

/**
 * The calendar's pairs are kept per post once found, so a range asked again (or after a move)
 * is read instead of ranked again. Kept findings must never differ from a fresh search: after a
 * save, a move, a delete or a partner archived, the pairs are those of a search that keeps nothing.
 */
const SENTENCES = LEGAL_SENTENCES;
const D = Date.UTC(2026, 2, 2, 9, 0, 0);
const FROM = D + 10 * DAY_MS;
const TO = D + 24 * DAY_MS;
const WINDOW_DAYS = 14;

let t: TestCore;
const opened: Database.Database[] = [];
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  t.close();
});

const asSet = (pairs: SimilarityPair[]) =>
  pairs.map((pair) => ({ ids: [pair.postId, pair.otherPostId].sort().join(' '), level: pair.level })).sort((a, b) => a.ids.localeCompare(b.ids));

/** A pair search on its own connection: `events` lets it hear core's moves, as the app wires it. */
function searchOn(events: boolean): { service: SimilarityService; db: Database.Database } {
  const db = new Database(databaseFile(t.dir));
  opened.push(db);
  return { service: new SimilarityService(new SimilarityRepository(db), () => WINDOW_DAYS, t.clock, events ? t.core.events : undefined), db };
}

/** What a search that keeps nothing finds now. */
const freshPairs = async () => asSet(await searchOn(false).service.pairs(FROM, TO, undefined, () => Promise.resolve()));

/** 80 posts over 40 days of four partners, texts drawn from a few sentences: many near-copies. */
async function seed(): Promise<{ posts: { id: string; partnerId: string; at: number }[]; partnerIds: string[] }> {
  const partners = await Promise.all(
    ['Claire Martin', 'Dana Lefèvre', 'Hugo Bernard', 'Inès Garnier'].map((displayName) => t.call('partners.create', { displayName, timeZone: 'Europe/Paris', locale: 'fr' })),
  );
  const posts = await nearCopyPosts(t, partners, D);
  return { posts, partnerIds: partners.map((p) => p.id) };
}

const inRange = <P extends { at: number }>(posts: P[]): P[] => posts.filter((p) => p.at >= FROM && p.at < TO);

describe('the calendar’s kept pairs', () => {
  it('are read, not searched again, when a range is asked again', async () => {
    const { posts } = await seed();
    const { service, db } = searchOn(true);
    const first = await service.pairs(FROM, TO);
    const searched = pairsCache(db).searched;
    expect(searched).toBe(inRange(posts).length);
    expect(first.length).toBeGreaterThan(10);
    expect(asSet(await service.pairs(FROM, TO))).toEqual(asSet(first));
    expect(pairsCache(db).searched).toBe(searched);
  });

  it('after a move, only the moved post and the posts it touched are searched again, with the same pairs as a fresh search', async () => {
    const { posts } = await seed();
    const moved = inRange(posts)[3];
    if (!moved) throw new Error('no post to move');
    // A text close to no other (the seeded ones are all near-copies of each other).
    const { version } = await t.call('posts.get', { id: moved.id });
    await t.call('posts.save', { id: moved.id, baseVersion: version, content: docFromParagraphs(['Un bilan de la saison des vendanges dans le Bordelais, vu par un œnologue.']) });
    const { service, db } = searchOn(true);
    await service.pairs(FROM, TO);
    const searched = pairsCache(db).searched;
    await t.call('calendar.schedule', { id: moved.id, scheduledAt: moved.at + 2 * DAY_MS, zone: 'Europe/Paris' });
    const after = asSet(await service.pairs(FROM, TO));
    expect(after).toEqual(await freshPairs());
    const again = pairsCache(db).searched - searched;
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThan(inRange(posts).length);
  });

  it('stay those of a fresh search through a series of moves in and out of each other’s windows', async () => {
    const { posts } = await seed();
    const { service } = searchOn(true);
    await service.pairs(FROM, TO);
    let state = 3;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) % 1000;
    for (let i = 0; i < 12; i++) {
      const moved = posts[next() % posts.length];
      if (!moved) continue;
      moved.at = D + (next() % 40) * DAY_MS + (next() % 8) * 3_600_000;
      await t.call('calendar.schedule', { id: moved.id, scheduledAt: moved.at, zone: 'Europe/Paris' });
      expect(asSet(await service.pairs(FROM, TO))).toEqual(await freshPairs());
    }
  });

  it('gain a pair found from one side only when a post moves into the window of a post it is close to', async () => {
    const partners = await Promise.all(
      ['Claire Martin', 'Dana Lefèvre', 'Hugo Bernard'].map((displayName) => t.call('partners.create', { displayName, timeZone: 'Europe/Paris', locale: 'fr' })),
    );
    const [a, b, c] = partners;
    if (!a || !b || !c) throw new Error('no partners');
    const text = [SENTENCES[0] ?? '', SENTENCES[1] ?? '', SENTENCES[2] ?? '', SENTENCES[3] ?? ''];
    const y = D + 17 * DAY_MS;
    // Y: close to X (three sentences of four); X's five exact copies sit outside Y's window, so
    // X's own search ranks them first and never meets Y: the pair is found from Y's side only.
    const shown = await t.call('posts.create', { partnerId: b.id, title: 'Y', content: docFromParagraphs([...text.slice(0, 3), SENTENCES[6] ?? '']), scheduledAt: y });
    const moved = await t.call('posts.create', { partnerId: a.id, title: 'X', content: docFromParagraphs(text), scheduledAt: y + 60 * DAY_MS });
    for (let i = 0; i < 5; i++) {
      await t.call('posts.create', { partnerId: i % 2 ? b.id : c.id, title: `Copy ${i}`, content: docFromParagraphs(text), scheduledAt: y + 20 * DAY_MS + i * 3_600_000 });
    }
    const { service } = searchOn(true);
    expect(await service.pairs(FROM, TO)).toEqual([]);
    await t.call('calendar.schedule', { id: moved.id, scheduledAt: y + 10 * DAY_MS, zone: 'Europe/Paris' });
    const after = await service.pairs(FROM, TO);
    expect(after.map((p) => [p.postId, p.otherPostId])).toEqual([[shown.id, moved.id]]);
    expect(asSet(after)).toEqual(await freshPairs());
  });

  it('follow a save that makes a new near-copy, a delete and an archived partner as a fresh search does', async () => {
    const { posts, partnerIds } = await seed();
    const range = inRange(posts);
    const first = await t.call('similarity.pairs', { from: FROM, to: TO });
    expect(asSet(first)).toEqual(await freshPairs());

    // A text rewritten as another partner's post, word for word: a new pair.
    const copied = range.find((p) => p.partnerId !== range[0]?.partnerId);
    const source = range[0];
    if (!copied || !source) throw new Error('no posts to copy');
    const text = (await t.call('posts.get', { id: source.id })).plainText;
    const { version } = await t.call('posts.get', { id: copied.id });
    await t.call('posts.save', { id: copied.id, baseVersion: version, content: docFromParagraphs([text]) });
    const afterSave = await t.call('similarity.pairs', { from: FROM, to: TO });
    expect(asSet(afterSave)).toEqual(await freshPairs());
    expect(asSet(afterSave)).toContainEqual(expect.objectContaining({ ids: [source.id, copied.id].sort().join(' ') }));

    // One of a pair deleted: its pairs go.
    const paired = afterSave[0];
    if (!paired) throw new Error('no pair');
    await t.call('posts.delete', { id: paired.otherPostId });
    const afterDelete = await t.call('similarity.pairs', { from: FROM, to: TO });
    expect(asSet(afterDelete)).toEqual(await freshPairs());
    expect(afterDelete.some((p) => p.postId === paired.otherPostId || p.otherPostId === paired.otherPostId)).toBe(false);

    // A partner archived: its posts are compared no more.
    await t.call('partners.setArchived', { id: partnerIds[0] ?? '', archived: true });
    expect(asSet(await t.call('similarity.pairs', { from: FROM, to: TO }))).toEqual(await freshPairs());
  });
});

describe('a pair search whose view was left', () => {
  it('stops when cancelled, and what it found until then is kept', async () => {
    await seed();
    const { service, db } = searchOn(true);
    let steps = 0;
    const slice = () => {
      steps += 1;
      if (steps === 4) service.cancelPairs('left-view');
      return Promise.resolve();
    };
    await expect(service.pairs(FROM, TO, 'left-view', slice)).rejects.toMatchObject({ code: 'unavailable', messageKey: 'errors.similarity.cancelled' });
    expect(pairsCache(db).searched).toBe(3);
    // Asked again (the view shown again): the rest is searched, the first three are read.
    const all = await service.pairs(FROM, TO, 'shown-again', () => Promise.resolve());
    expect(asSet(all)).toEqual(await freshPairs());
  });

  it('is refused at once when its cancel arrived first, through the router', async () => {
    await seed();
    await t.call('similarity.cancelPairs', { ticket: 'overtaken' });
    const refused = await t.call('similarity.pairs', { from: FROM, to: TO, ticket: 'overtaken' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'unavailable' });
    expect((await t.call('similarity.pairs', { from: FROM, to: TO, ticket: 'another' })).length).toBeGreaterThan(0);
  });
});
