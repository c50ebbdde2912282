import { listOrder } from '../../../renderer/src/posts/listPatch';
import type { PageCursor, PostPages } from '../../../renderer/src/posts/listPatch';
import type { PostPage, PostRows, PostStatus, PostSummary } from '../../../shared/posts/schema';

/** A model of core's post list for the Posts page's cache tests: `posts.page` and `posts.rows` over posts held in memory. */

export const PARTNER = '7d0c7f5e-3c51-4b83-9f1e-2f4f7d2a1b00';
export const idOf = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const post = (n: number, updatedAt: number, status: PostStatus = 'draft'): PostSummary => ({
  id: idOf(n),
  partnerId: PARTNER,
  title: `Billet ${n}`,
  networks: ['linkedin'],
  status,
  version: 1,
  revisionCount: 1,
  scheduledAt: null,
  scheduledZone: null,
  createdAt: updatedAt,
  updatedAt,
});

/** Core's posts, as stored; `status` the list's filter (null: every post). */
export class Core {
  posts = new Map<string, PostSummary>();
  constructor(
    list: PostSummary[],
    private readonly status: PostStatus | null = null,
  ) {
    for (const item of list) this.posts.set(item.id, item);
  }
  private listed(): PostSummary[] {
    return [...this.posts.values()].filter((item) => this.status === null || item.status === this.status).sort(listOrder);
  }
  /** `posts.page`. */
  page(after: PageCursor, limit: number): PostPage {
    const all = this.listed();
    const from = after ? all.filter((item) => listOrder(item, after) > 0) : all;
    const items = from.slice(0, limit);
    const last = items.at(-1);
    return { items, total: all.length, next: from.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
  }
  /** `posts.rows`. */
  rows(ids: readonly string[]): PostRows {
    return { items: this.listed().filter((item) => ids.includes(item.id)), total: this.listed().length };
  }
  /** The pages React Query holds after reading `count` pages from the start. */
  load(count: number, limit: number): PostPages {
    const data: PostPages = { pages: [], pageParams: [] };
    let param: PageCursor = null;
    for (let n = 0; n < count; n++) {
      const page = this.page(param, limit);
      data.pages.push(page);
      data.pageParams.push(param);
      if (!page.next) break;
      param = page.next;
    }
    return data;
  }
  save(id: string, change: Partial<PostSummary>): void {
    const current = this.posts.get(id);
    if (!current) throw new Error(`no post ${id}`);
    this.posts.set(id, { ...current, ...change, version: current.version + 1 });
  }
  /** Every row, as a reader starting from the first page would get them. */
  everything(): string[] {
    return this.listed().map((item) => item.id);
  }
}

export const ids = (items: readonly PostSummary[]) => items.map((item) => item.id);
export const loadedIds = (data: PostPages) => data.pages.flatMap((page) => ids(page.items));

/** The loaded rows, then the pages `fetchNextPage` reads on from the last cursor, to the end. */
export function readOn(core: Core, data: PostPages, limit: number): string[] {
  const out = loadedIds(data);
  let cursor = data.pages.at(-1)?.next ?? null;
  for (let guard = 0; cursor !== null && guard < 1000; guard++) {
    const page = core.page(cursor, limit);
    out.push(...ids(page.items));
    cursor = page.next;
  }
  return out;
}

export const T0 = Date.UTC(2026, 0, 1);
/** `count` posts a minute apart (every fifth sharing its minute with the one before: ties by id); n is the newest. */
export const posts = (count: number, status: (n: number) => PostStatus = () => 'draft') =>
  Array.from({ length: count }, (_, i) => post(i + 1, T0 + (i + 1 - ((i + 1) % 5 === 0 ? 1 : 0)) * 60_000, status(i + 1)));

