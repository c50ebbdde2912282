import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/core/db/open';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { packRevisionBody } from '../../../electron/core/posts/revisionBody';

const OVERDUE = 1_500;
let t: TestCore | null = null;

afterEach(() => {
  t?.close();
  t = null;
});

const heldCount = (dir: string): number => {
  const db = new Database(databaseFile(dir), { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM posts WHERE status = 'held'").pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('scheduler catch-up', () => {
  it('holds 1,500 overdue drafts without keeping the thread: a request gets through before it ends', async () => {
    t = createTestCore();
    const partner = await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
    const post = await t.call('posts.create', { partnerId: partner.id, content: docFromParagraphs(['Un brouillon oublié.']) });
    const dir = t.dir;
    const now = t.clock.now();
    // Seed straight into the file: 1,500 drafts whose time passed while Plume was closed.
    const seed = new Database(databaseFile(dir));
    const row = seed.prepare('SELECT * FROM posts WHERE id = ?').get(post.id) as Record<string, unknown>;
    const insert = seed.prepare(
      `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, scheduled_at, scheduled_zone, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'draft', 1, ?, 'Europe/Paris', ?, ?)`,
    );
    const revision = seed.prepare("INSERT INTO revisions (post_id, number, title, body, created_at) VALUES (?, 1, '', ?, ?)");
    seed.transaction(() => {
      for (let i = 0; i < OVERDUE; i++) {
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        insert.run(id, partner.id, `Post ${i}`, row.networks, row.content_json, row.plain_text, now - 3_600_000 - i, now - 86_400_000, now - 86_400_000);
        revision.run(id, packRevisionBody(String(row.content_json), String(row.plain_text)), now - 86_400_000);
      }
    })();
    seed.close();

    const ticking = t.core.scheduler.tick(now);
    // The next turn of the event loop, as an HTTP request arriving now would get.
    await nextTurn();
    const heldWhenServed = heldCount(dir);
    const report = await ticking;

    expect(report.held).toBe(OVERDUE);
    expect(heldCount(dir)).toBe(OVERDUE);
    expect(heldWhenServed).toBeLessThan(OVERDUE);
  });
});
