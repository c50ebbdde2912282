import type { InfiniteData } from '@tanstack/react-query';
import type { RevisionPage } from '../../../shared/posts/schema';

export type RevisionPages = InfiniteData<RevisionPage, number | undefined>;

/**
 * Folds a freshly fetched first page into the pages already loaded: the new page wins, older
 * loaded rows follow. When the new page does not reach the loaded ones (more new revisions than
 * a page), the older rows are dropped rather than leaving a gap in the list.
 */
export function mergeFirstPage(loaded: RevisionPages | undefined, first: RevisionPage): RevisionPages {
  const oldest = first.items.at(-1);
  const loadedItems = loaded?.pages.flatMap((page) => page.items) ?? [];
  const newestLoaded = loadedItems[0];
  const reaches = oldest !== undefined && newestLoaded !== undefined && oldest.number <= newestLoaded.number + 1;
  const older = oldest && reaches ? loadedItems.filter((item) => item.number < oldest.number) : [];
  const lastLoaded = loaded?.pages.at(-1);
  const nextBefore = older.length > 0 && lastLoaded ? lastLoaded.nextBefore : first.nextBefore;
  return { pages: [{ items: [...first.items, ...older], nextBefore }], pageParams: [undefined] };
}
