import { describe, expect, it } from 'vitest';
import type { RevisionPage, RevisionSummary } from '../../../shared/posts/schema';
import { mergeFirstPage } from '../../../renderer/src/editor/revisionPageMerge';
import type { RevisionPages } from '../../../renderer/src/editor/revisionPageMerge';

const postId = '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11';
const row = (number: number): RevisionSummary => ({ id: number, postId, number, title: '', excerpt: `v${number}`, createdAt: number, restoredFrom: null });
/** A page of the numbers from `from` down to `to`, as the core answers it. */
const page = (from: number, to: number): RevisionPage => ({
  items: Array.from({ length: from - to + 1 }, (_, i) => row(from - i)),
  nextBefore: to > 1 ? to : null,
});
const numbers = (data: RevisionPages) => data.pages.flatMap((p) => p.items.map((r) => r.number));

describe('folding a refreshed first page into the loaded revisions', () => {
  it('keeps the older pages already loaded, without duplicates, and their cursor', () => {
    const loaded: RevisionPages = { pages: [page(100, 51), page(50, 21)], pageParams: [undefined, 51] };
    const merged = mergeFirstPage(loaded, page(102, 53));
    expect(numbers(merged)).toEqual(Array.from({ length: 82 }, (_, i) => 102 - i));
    expect(merged.pages.at(-1)?.nextBefore).toBe(21);
  });

  it('drops the loaded rows when the new first page does not reach them, rather than leave a gap', () => {
    const loaded: RevisionPages = { pages: [page(100, 51)], pageParams: [undefined] };
    const merged = mergeFirstPage(loaded, page(200, 151));
    expect(numbers(merged)).toEqual(Array.from({ length: 50 }, (_, i) => 200 - i));
    expect(merged.pages.at(-1)?.nextBefore).toBe(151);
  });

  it('takes the new page as is when nothing was loaded', () => {
    expect(numbers(mergeFirstPage(undefined, page(3, 1)))).toEqual([3, 2, 1]);
  });
});
