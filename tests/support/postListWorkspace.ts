import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { databaseFile } from '../../electron/core/db/open';
import type { PostPage, PostPageInput, PostSummary } from '../../shared/posts/schema';
import type { TestCore } from './testCore';

/**
 * A workspace larger than a page of the Posts page: two partners (Paris, Casablanca) and `count`
 * posts « Billet 0000 »… a minute apart, every tenth sharing its minute with the one before (ties
 * are ordered by id), every fourth a draft, the others published, alternating partners; their
 * text is `bodyOf(i)`. Written in one transaction, as a workspace of years holds them
 * (posts.create would take minutes). Post ids by index of creation (0 the oldest).
 */
export async function seedPostList(t: TestCore, count: number, bodyOf: (i: number) => string): Promise<{ partners: string[]; ids: string[] }> {
  const partners = [
    (await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' })).id,
    (await t.call('partners.create', { displayName: 'Me Benali', timeZone: 'Africa/Casablanca' })).id,
  ];
  const db = new Database(databaseFile(t.dir));
  const insert = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, created_at, updated_at)
     VALUES (?, ?, ?, '["linkedin"]', '{"type":"doc","content":[]}', ?, ?, 1, ?, ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = Date.UTC(2024, 0, 1) + (i - (i % 10 === 9 ? 1 : 0)) * 60_000;
      const id = randomUUID();
      ids.push(id);
      insert.run(id, partners[i % 2], `Billet ${String(i).padStart(4, '0')}`, bodyOf(i), i % 4 === 0 ? 'draft' : 'published', at, at);
    }
  })();
  db.close();
  return { partners, ids };
}

/** Every page of the Posts page under `filter`, read as the list reads them: its rows, and the count each page gave. */
export async function readEveryPage(t: TestCore, filter: Omit<PostPageInput, 'after' | 'limit'>, limit: number): Promise<{ items: PostSummary[]; totals: number[] }> {
  const items: PostSummary[] = [];
  const totals: number[] = [];
  let after: PostPage['next'] = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: PostPage = await t.call('posts.page', { ...filter, limit, ...(after ? { after } : {}) });
    items.push(...page.items);
    totals.push(page.total);
    after = page.next;
    if (!after) break;
  }
  return { items, totals };
}
