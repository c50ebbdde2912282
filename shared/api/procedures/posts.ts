import { z } from 'zod';
import { ok, procedure } from '../procedure';
import { PartnerId } from '../../partners/schema';
import { Post, PostCreateInput, PostId, PostPage, PostPageInput, PostRows, PostRowsInput, PostSaveInput, PostSummary, RevisionDetail, RevisionPage, RevisionPageInput } from '../../posts/schema';

export const postProcedures = {
  'posts.list': procedure(
    z
      .object({
        partnerId: PartnerId.optional(),
        query: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(20_000).default(500),
      })
      .strict()
      .default({ limit: 500 }),
    z.array(PostSummary),
  ),
  /** The post list page by page, with the number of matching posts in all (the Posts page). */
  'posts.page': procedure(PostPageInput, PostPage),
  /** Some posts' rows under the Posts page's filter, and its count: how the loaded list follows an event without reading every page again. */
  'posts.rows': procedure(PostRowsInput, PostRows),
  'posts.get': procedure(z.object({ id: PostId }).strict(), Post),
  'posts.create': procedure(PostCreateInput, Post),
  'posts.save': procedure(PostSaveInput, Post),
  'posts.delete': procedure(z.object({ id: PostId }).strict(), ok),
  'posts.revisions': procedure(RevisionPageInput, RevisionPage),
  'posts.revision': procedure(z.object({ id: z.number().int() }).strict(), RevisionDetail),
  /** Keeps the stored text as a revision (a pause, leaving the post, Ctrl+S) unless the newest one holds it already. */
  'posts.keepRevision': procedure(z.object({ id: PostId }).strict(), Post),
  'posts.restoreRevision': procedure(
    z.object({ postId: PostId, revisionId: z.number().int(), baseVersion: z.number().int().positive() }).strict(),
    Post,
  ),
} as const;
