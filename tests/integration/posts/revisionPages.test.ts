import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { RevisionSummary } from '../../../shared/posts/schema';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { partnerInput } from '../../support/partnerInput';

const REVISIONS = 2_000;
// About 3 KB of body per revision, the size an agency's long posts reach.
const paragraph = 'Le droit des contrats, réformé en 2016, impose une lecture attentive des clauses. '.repeat(36);

let t: TestCore;
let postId = '';
beforeAll(async () => {
  t = createTestCore();
  const partner = await t.call('partners.create', partnerInput());
  const post = await t.call('posts.create', { partnerId: partner.id, title: 'Réforme', content: docFromParagraphs([`0 ${paragraph}`]) });
  postId = post.id;
  let version = post.version;
  for (let i = 1; i < REVISIONS; i++) {
    version = (await t.call('posts.save', { id: postId, baseVersion: version, content: docFromParagraphs([`${i} ${paragraph}`]) })).version;
    // Ctrl+S after each: one revision per save.
    await t.call('posts.keepRevision', { id: postId });
  }
}, 120_000);
afterAll(() => t.close());

describe('a 2,000-revision history', () => {
  it('is listed page by page, newest first, without bodies, the pages chaining without gap or duplicate', async () => {
    const seen: RevisionSummary[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await t.call('posts.revisions', { postId, limit: 200, ...(before === undefined ? {} : { before }) });
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(200);
      for (const item of page.items) {
        expect(Object.keys(item).sort()).toEqual(['createdAt', 'excerpt', 'id', 'number', 'postId', 'restoredFrom', 'title']);
        expect(item.excerpt.length).toBeLessThanOrEqual(90);
      }
      seen.push(...page.items);
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(pages).toBe(REVISIONS / 200);
    expect(seen.map((r) => r.number)).toEqual(Array.from({ length: REVISIONS }, (_, i) => REVISIONS - i));
  });

  it('answers a first page whose size does not grow with the history', async () => {
    const first = await t.call('posts.revisions', { postId });
    expect(first.items).toHaveLength(50);
    expect(first.nextBefore).toBe(REVISIONS - 49);
    const bytes = JSON.stringify(first).length;
    // 50 rows of ids, a title and a 90-character excerpt: a few hundred bytes each.
    expect(bytes).toBeLessThan(50 * 400);
  });

  it('still gives the whole body of the one revision opened', async () => {
    const first = await t.call('posts.revisions', { postId, limit: 1 });
    const opened = first.items[0];
    expect(opened).toBeDefined();
    const detail = await t.call('posts.revision', { id: opened?.id ?? 0 });
    expect(detail.plainText.startsWith(`${REVISIONS - 1} Le droit`)).toBe(true);
    expect(detail.plainText.length).toBeGreaterThan(2_000);
    expect(detail.content).toEqual(docFromParagraphs([`${REVISIONS - 1} ${paragraph}`]));
  });

  it('refuses a page larger than 200 rows', async () => {
    expect(await t.raw('posts.revisions', { postId, limit: 201 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
