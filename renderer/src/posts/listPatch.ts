import { z } from 'zod';
import type { InfiniteData } from '@tanstack/react-query';
import { PostStatus } from '../../../shared/posts/schema';
import type { PostPage, PostRows, PostSummary } from '../../../shared/posts/schema';

/**
 * The Posts page's list in the query cache, and how it is patched in place after an event
 * naming a post (renderer/src/posts/listRefresh.ts). Pure: no API, no React.
 */

/** What the Posts page filters its list on. */
export const PostListFilter = z.object({ partnerId: z.string().nullable(), query: z.string(), status: PostStatus.nullable() }).strict();
export type PostListFilter = z.infer<typeof PostListFilter>;
export const ALL_POSTS: PostListFilter = { partnerId: null, query: '', status: null };

/** Every cached post list, whatever its filter: ['posts', 'list', filter]. */
export const POST_LISTS = ['posts', 'list'] as const;
export const postListKey = (filter: PostListFilter) => [...POST_LISTS, filter] as const;

/** Where a page of the list starts (the row the page before ends on), null for the first. */
export type PageCursor = { updatedAt: number; id: string } | null;
export type PostPages = InfiniteData<PostPage, PageCursor>;

/** The filter as `posts.page` and `posts.rows` take it: an empty field filters nothing. */
export function listInput(filter: PostListFilter): { partnerId?: string; query?: string; status?: PostStatus } {
  return {
    ...(filter.partnerId ? { partnerId: filter.partnerId } : {}),
    ...(filter.query ? { query: filter.query } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}

interface Position {
  updatedAt: number;
  id: string;
}

/**
 * Negative when `a` comes before `b` in the list: newest change first, ties by id descending,
 * as core orders it (`p.updated_at DESC, p.id DESC`, electron/core/posts/repository.ts). Ids are
 * ASCII UUIDs, so JavaScript's string order is SQLite's byte order.
 */
export function listOrder(a: Position, b: Position): number {
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => value === b[i]));

/** Whether two rows show the same thing (a summary's fields are plain values and lists of names). */
export function sameSummary(a: PostSummary, b: PostSummary): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue(Reflect.get(a, key), Reflect.get(b, key))) return false;
  return true;
}

const sameCursor = (a: PageCursor | undefined, b: PageCursor | undefined): boolean => a === b || (a != null && b != null && a.updatedAt === b.updatedAt && a.id === b.id);

/** `rows` (each in list order) placed among `kept` (in list order), each before the first row it comes before. */
function merged(kept: readonly PostSummary[], rows: readonly PostSummary[]): PostSummary[] {
  const out = [...kept];
  for (const row of rows) {
    const at = out.findIndex((item) => listOrder(row, item) < 0);
    out.splice(at === -1 ? out.length : at, 0, row);
  }
  return out;
}

/**
 * The loaded pages once the posts `asked` about stand as core now lists them (`fresh`: those of
 * them the filter holds, and the filter's count; `posts.rows`). Each asked post leaves the row it
 * held; each one the filter holds comes back at its place in the list's order, if that place is
 * among the rows loaded: one past the last page's cursor is not loaded, and the next page read
 * from that cursor brings it. Every page keeps its cursor (a place in the order, valid whatever
 * row it was read from), and each row goes into the page whose cursor range holds it, so a page
 * read later from the last cursor neither repeats nor skips a row. Rows and pages that did not
 * change keep their identity (only the changed rows draw again). Null when the pages cannot be
 * patched exactly (a page before the last without a cursor): the caller reads them again.
 */
export function patchPostPages(data: PostPages, asked: readonly string[], fresh: PostRows): PostPages | null {
  const { pages } = data;
  const last = pages.at(-1);
  if (!last) return data;
  if (pages.slice(0, -1).some((page) => page.next === null)) return null;
  const askedIds = new Set(asked);
  const held = new Map<string, PostSummary>();
  for (const page of pages) for (const item of page.items) if (askedIds.has(item.id)) held.set(item.id, item);
  const placed = fresh.items
    .filter((item) => askedIds.has(item.id))
    .map((item) => {
      const before = held.get(item.id);
      return before && sameSummary(before, item) ? before : item;
    })
    .sort(listOrder);
  // Each page takes the rows up to its cursor; those past the last page's cursor are left over (not loaded).
  let next = 0;
  const patched = pages.map((page) => {
    const kept = held.size > 0 ? page.items.filter((item) => !askedIds.has(item.id)) : page.items;
    const mine: PostSummary[] = [];
    for (let row = placed[next]; row !== undefined && (page.next === null || listOrder(row, page.next) <= 0); row = placed[next]) {
      mine.push(row);
      next++;
    }
    const items = mine.length > 0 ? merged(kept, mine) : kept;
    const unchanged = page.total === fresh.total && items.length === page.items.length && items.every((item, i) => item === page.items[i]);
    return unchanged ? page : { ...page, items, total: fresh.total };
  });
  return patched.every((page, i) => page === pages[i]) ? data : { ...data, pages: patched };
}

/**
 * The list's structural sharing, by post rather than by index: a row that reads the same as one
 * already held keeps that object even when rows above it came or went (a saved post moving to the
 * top shifts every row below it), so only changed rows draw again (PostsPage's PostListItem).
 */
export function sharePostPages(previous: PostPages | undefined, next: PostPages): PostPages {
  if (!previous) return next;
  const before = new Map<string, PostSummary>();
  for (const page of previous.pages) for (const item of page.items) before.set(item.id, item);
  const pages = next.pages.map((page, index) => {
    const items = page.items.map((item) => {
      const old = before.get(item.id);
      return old && sameSummary(old, item) ? old : item;
    });
    const old = previous.pages[index];
    if (old && old.total === page.total && sameCursor(old.next, page.next) && old.items.length === items.length && items.every((item, i) => item === old.items[i])) return old;
    return items.every((item, i) => item === page.items[i]) ? page : { ...page, items };
  });
  const sameParams = previous.pageParams.length === next.pageParams.length && next.pageParams.every((param, i) => sameCursor(param, previous.pageParams[i]));
  if (sameParams && pages.length === previous.pages.length && pages.every((page, i) => page === previous.pages[i])) return previous;
  return { pages, pageParams: next.pageParams };
}

/** Whether a cached value has the shape of the list's pages (the query's structural sharing is handed `unknown`). */
export function isPostPages(value: unknown): value is PostPages {
  return typeof value === 'object' && value !== null && 'pages' in value && Array.isArray(value.pages) && 'pageParams' in value && Array.isArray(value.pageParams);
}
