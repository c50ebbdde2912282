import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/core/db/open';
import { UNSCHEDULED_SHOWN } from '../../../shared/calendar/entries';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

/** The calendar's « Sans date » tray listed the 500 last edited posts without a date and stopped there, without a word. */
const POSTS = 540;
let t: TestCore;
let partners: string[];
beforeEach(async () => {
  t = createTestCore();
  partners = [(await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' })).id, (await t.call('partners.create', { displayName: 'Me Benali', timeZone: 'Europe/Paris' })).id];
  const db = new Database(databaseFile(t.dir));
  const insert = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, created_at, updated_at)
     VALUES (?, ?, ?, '["linkedin"]', '{"type":"doc","content":[]}', '', 'draft', 1, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < POSTS; i++) insert.run(randomUUID(), partners[i % 2], `Idée ${i}`, i * 1_000, i * 1_000);
  })();
  db.close();
});
afterEach(() => t.close());

describe('posts without a date', () => {
  it('are counted beyond the tray’s list, per partner too', async () => {
    const listed = await t.call('calendar.unscheduled', {});
    expect(listed).toHaveLength(UNSCHEDULED_SHOWN);
    expect(listed[0]?.title).toBe(`Idée ${POSTS - 1}`);
    expect(await t.call('calendar.unscheduledCount', {})).toEqual({ total: POSTS });
    expect(await t.call('calendar.unscheduledCount', { partnerIds: [partners[0] ?? ''] })).toEqual({ total: POSTS / 2 });
    await t.call('partners.setArchived', { id: partners[1] ?? '', archived: true });
    expect(await t.call('calendar.unscheduledCount', {})).toEqual({ total: POSTS / 2 });
  });
});
