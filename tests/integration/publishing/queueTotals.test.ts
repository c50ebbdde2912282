import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/core/db/open';
import { MISSED_SHOWN, QUEUE_SHOWN } from '../../../shared/publishing/publication';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

/**
 * The Envoi page on a workspace of years: it listed the 300 latest of 85,560 publications as if
 * they were all, and named every one of 2,466 missed posts in its banner. It now lists as many,
 * says how many there are in all, and names the oldest missed posts with the count of the rest.
 */
const PUBLISHED = 340;
const MISSED = 27;
let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  const partner = await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const db = new Database(databaseFile(t.dir));
  const insertPost = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, scheduled_at, scheduled_zone, created_at, updated_at)
     VALUES (?, ?, ?, '["linkedin"]', '{"type":"doc","content":[]}', '', ?, 1, ?, 'Europe/Paris', ?, ?)`,
  );
  const insertPublication = db.prepare(
    `INSERT INTO publications (post_id, round_id, network, account_id, mode, state, approved_hash, due_at, remote_id, url, created_at, updated_at, published_at)
     VALUES (?, ?, 'linkedin', NULL, 'api', 'published', 'h', ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < PUBLISHED + MISSED; i++) {
      const at = Date.UTC(2025, 0, 1) + i * 3_600_000;
      const id = randomUUID();
      const missed = i >= PUBLISHED;
      insertPost.run(id, partner.id, missed ? `Manquée ${i - PUBLISHED}` : `Publiée ${i}`, missed ? 'missed' : 'published', at, at, at);
      if (!missed) insertPublication.run(id, randomUUID(), at, `r${i}`, `https://linkedin.example/p/${i}`, at, at, at);
    }
  })();
  db.close();
});
afterEach(() => t.close());

describe('the Envoi page’s lists', () => {
  it('say how many publications and missed posts there are beyond those listed', async () => {
    const queue = await t.call('publishing.queue', {});
    expect(queue.items).toHaveLength(QUEUE_SHOWN);
    expect(queue.total).toBe(PUBLISHED);
    // The newest first.
    expect(queue.items[0]?.postTitle).toBe(`Publiée ${PUBLISHED - 1}`);
    expect(queue.missed).toHaveLength(MISSED_SHOWN);
    expect(queue.missedTotal).toBe(MISSED);
    // The oldest missed slots first: they have waited longest.
    expect(queue.missed[0]?.title).toBe('Manquée 0');
  });
});
