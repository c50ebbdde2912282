import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/core/db/open';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

/**
 * Ctrl+K shows a search's best 20 hits and the calendar's box its best 50. On a large workspace
 * a common word matches thousands of posts, and those lists said nothing of the rest:
 * `calendar.searchCount` tells how many there are, under every filter the search takes.
 */
const POSTS = 1_200;
let t: TestCore;
let partners: string[];
beforeEach(async () => {
  t = createTestCore();
  partners = [];
  for (const name of ['Me Dupont', 'Me Benali', 'Me Tremblay']) partners.push((await t.call('partners.create', { displayName: name, timeZone: 'Europe/Paris' })).id);
  const db = new Database(databaseFile(t.dir));
  const insert = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, scheduled_at, scheduled_zone, created_at, updated_at)
     VALUES (?, ?, ?, ?, '{"type":"doc","content":[]}', ?, ?, 1, ?, 'Europe/Paris', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < POSTS; i++) {
      const at = Date.UTC(2025, 0, 1) + i * 3_600_000;
      const body = i % 2 === 0 ? 'La médiation entre associés, encore.' : 'Le bail commercial.';
      insert.run(randomUUID(), partners[i % 3], `Billet ${i}`, i % 4 === 0 ? '["linkedin","x"]' : '["linkedin"]', body, i % 8 === 0 ? 'draft' : 'published', at, at, at);
    }
  })();
  db.close();
});
afterEach(() => t.close());

describe('how many posts a search matches', () => {
  it('counts all the matches when the hits are only the best of them', async () => {
    expect(await t.call('calendar.search', { query: 'médiation' })).toHaveLength(50);
    expect(await t.call('calendar.search', { query: 'mediation', limit: 20 })).toHaveLength(20);
    expect(await t.call('calendar.searchCount', { query: 'médiation' })).toEqual({ total: POSTS / 2 });
    // The last word as a prefix, as the search reads it.
    expect(await t.call('calendar.searchCount', { query: 'mediat' })).toEqual({ total: POSTS / 2 });
    expect(await t.call('calendar.searchCount', { query: 'bail' })).toEqual({ total: POSTS / 2 });
    expect(await t.call('calendar.searchCount', { query: 'usucapion' })).toEqual({ total: 0 });
    expect(await t.call('calendar.searchCount', { query: '« ! »' })).toEqual({ total: 0 });
  });

  it('counts within the partners, statuses and networks filtered on, archived partners left out', async () => {
    const [dupont, benali] = partners;
    // Posts 0, 6, 12… speak of mediation and are Me Dupont's: 200 of them.
    expect(await t.call('calendar.searchCount', { query: 'médiation', filter: { partnerIds: [dupont ?? ''] } })).toEqual({ total: 200 });
    expect(await t.call('calendar.searchCount', { query: 'médiation', filter: { partnerIds: [dupont ?? '', benali ?? ''] } })).toEqual({ total: 400 });
    expect(await t.call('calendar.searchCount', { query: 'médiation', filter: { statuses: ['draft'] } })).toEqual({ total: POSTS / 8 });
    expect(await t.call('calendar.searchCount', { query: 'médiation', filter: { networks: ['x'] } })).toEqual({ total: POSTS / 4 });

    await t.call('partners.setArchived', { id: benali ?? '', archived: true });
    expect(await t.call('calendar.searchCount', { query: 'médiation' })).toEqual({ total: 400 });
    expect(await t.call('calendar.searchCount', { query: 'médiation', filter: { partnerIds: [dupont ?? '', benali ?? ''] } })).toEqual({ total: 200 });
    expect(await t.call('calendar.searchCount', { query: 'médiation', filter: { partnerIds: [benali ?? ''] } })).toEqual({ total: 0 });
    // The same posts as the hits come from: no archived partner's post among them.
    const hits = await t.call('calendar.search', { query: 'médiation' });
    expect(hits.every((hit) => hit.partnerId !== benali)).toBe(true);
  });
});
