import { z } from 'zod';
import { Network } from './networks';
import { TipTapDoc } from './document';
import type { DocNode } from './document';
import { NetworkVersions, NetworkVersionsInput } from './versions';
import { FirstComments, PostThreads } from '../threads/schema';

export const PostId = z.uuid();

/** A working title's length at most (the editor's field stops there, and says so on a paste). */
export const TITLE_MAX_LENGTH = 200;

export const postStatuses = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'rejected',
  'scheduled',
  'published',
  'withdrawn',
  'expired',
  'held',
  'failed',
  'missed',
] as const;
export const PostStatus = z.enum(postStatuses);
export type PostStatus = z.infer<typeof PostStatus>;

const networkList = z
  .array(Network)
  .max(7)
  .transform((list) => [...new Set(list)]);

export const PostCreateInput = z.object({
  partnerId: z.uuid({ message: 'errors.partnerRequired' }),
  title: z.string().trim().max(TITLE_MAX_LENGTH, { message: 'errors.tooLong' }).default(''),
  note: z.string().max(5_000, { message: 'errors.tooLong' }).default(''),
  /** Omitted: the partner's default networks. */
  networks: networkList.optional(),
  content: TipTapDoc.optional(),
  scheduledAt: z.number().int().nullable().default(null),
});
export type PostCreateInput = z.input<typeof PostCreateInput>;

/**
 * A save carries the version the editor started from: if the stored version moved on
 * (another window saved), core refuses with `conflict` instead of overwriting.
 */
export const PostSaveInput = z.object({
  id: PostId,
  baseVersion: z.number().int().positive(),
  title: z.string().trim().max(TITLE_MAX_LENGTH, { message: 'errors.tooLong' }).optional(),
  note: z.string().max(5_000, { message: 'errors.tooLong' }).optional(),
  networks: networkList.optional(),
  partnerId: z.uuid().optional(),
  content: TipTapDoc.optional(),
  /** The whole set of per-network versions (a network left out has none). */
  versions: NetworkVersionsInput.optional(),
  /** Thread parts per network; a network left out has none. Omitted: unchanged. */
  threads: PostThreads.optional(),
  firstComments: FirstComments.optional(),
});
export type PostSaveInput = z.input<typeof PostSaveInput>;

export const Post = z.object({
  id: PostId,
  partnerId: z.uuid(),
  title: z.string(),
  note: z.string(),
  networks: z.array(Network),
  content: z.custom<DocNode>((v) => typeof v === 'object' && v !== null),
  plainText: z.string(),
  /** Per-network versions overriding the common text (shared/posts/versions.ts). */
  versions: NetworkVersions,
  status: PostStatus,
  version: z.number().int().positive(),
  revisionCount: z.number().int().nonnegative(),
  scheduledAt: z.number().int().nullable(),
  scheduledZone: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Thread parts and first comments per network (issue 16): part of what is approved. */
  threads: PostThreads.optional(),
  firstComments: FirstComments.optional(),
});
export type Post = z.infer<typeof Post>;

/**
 * A row of the post list: no body, no note. The list refetches after events about other posts;
 * at 500 posts of an agency's ~560-character bodies the texts were 0.48 MB a refetch that no row shows.
 */
export const PostSummary = Post.omit({ content: true, versions: true, threads: true, firstComments: true, plainText: true, note: true });
export type PostSummary = z.infer<typeof PostSummary>;

export const Revision = z.object({
  id: z.number().int(),
  postId: PostId,
  number: z.number().int().positive(),
  title: z.string(),
  plainText: z.string(),
  createdAt: z.number().int(),
  restoredFrom: z.number().int().nullable(),
});
export type Revision = z.infer<typeof Revision>;

/** A row of the revisions list: no body, only a bounded excerpt, so a page stays small at any history length. */
export const REVISION_EXCERPT_LENGTH = 90;
export const RevisionSummary = Revision.omit({ plainText: true }).extend({
  excerpt: z.string().max(REVISION_EXCERPT_LENGTH),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const REVISION_PAGE_MAX = 200;
export const RevisionPageInput = z
  .object({
    postId: PostId,
    /** Keyset cursor: only revisions numbered below it (the previous page's nextBefore). */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(REVISION_PAGE_MAX).default(50),
  })
  .strict();
export type RevisionPageInput = z.infer<typeof RevisionPageInput>;

export const RevisionPage = z.object({
  items: z.array(RevisionSummary),
  /** Cursor for the next (older) page, or null when this page holds the oldest revision. */
  nextBefore: z.number().int().positive().nullable(),
});
export type RevisionPage = z.infer<typeof RevisionPage>;

export const RevisionDetail = Revision.extend({
  content: z.custom<DocNode>((v) => typeof v === 'object' && v !== null),
  /** The per-network versions as they stood: restoring the revision restores them. */
  versions: NetworkVersions,
  threads: PostThreads.optional(),
  firstComments: FirstComments.optional(),
});
export type RevisionDetail = z.infer<typeof RevisionDetail>;

/**
 * One page of the post list, newest change first: the list reads on from the last row it holds
 * (`after`), and every page says how many posts match in all (`total`), so a workspace of
 * 100,000 posts is never shown as its first few hundred. `query` finds words as the calendar's
 * search does (accents and case folded, the last word as typed so far).
 */
export const POST_PAGE_MAX = 500;
export const PostPageInput = z
  .object({
    partnerId: z.uuid().optional(),
    query: z.string().max(200).optional(),
    status: PostStatus.optional(),
    after: z.object({ updatedAt: z.number().int(), id: PostId }).strict().optional(),
    limit: z.number().int().min(1).max(POST_PAGE_MAX).default(200),
  })
  .strict();
export type PostPageInput = z.infer<typeof PostPageInput>;
export const PostPage = z.object({
  items: z.array(PostSummary),
  /** Posts matching the filter in all, loaded or not. */
  total: z.number().int().nonnegative(),
  /** Where the next page starts; null when this page is the last. */
  next: z.object({ updatedAt: z.number().int(), id: PostId }).nullable(),
});
export type PostPage = z.infer<typeof PostPage>;

/**
 * The Posts page's filter asked about a few posts (`ids`): those it holds now, as their rows in the
 * list's order, and how many posts it holds in all. After an event naming a post, the list patches
 * the pages it has loaded with this answer instead of reading them all again (renderer/src/posts/listPatch.ts).
 */
export const POST_ROWS_MAX = 100;
export const PostRowsInput = z
  .object({
    partnerId: z.uuid().optional(),
    query: z.string().max(200).optional(),
    status: PostStatus.optional(),
    ids: z.array(PostId).min(1).max(POST_ROWS_MAX),
  })
  .strict();
export type PostRowsInput = z.infer<typeof PostRowsInput>;
export const PostRows = z.object({
  /** The posts among `ids` that match the filter (a deleted one is absent), newest change first. */
  items: z.array(PostSummary),
  /** Posts matching the filter in all, as `posts.page` counts them. */
  total: z.number().int().nonnegative(),
});
export type PostRows = z.infer<typeof PostRows>;
