import { z } from 'zod';
import { procedure } from '../procedure';
import { PostId } from '../../posts/schema';
import { LinkCardInput, LinkCardState, PostPreviews } from '../../previews/schema';

/** Previews (issue 16): each network's view of a post, from the text sign-off hashes; link cards. */
export const previewProcedures = {
  /** Reads only: link cards come from the cache (a missing one says so). */
  'previews.forPost': procedure(z.object({ postId: PostId }).strict(), PostPreviews),
  /** Fetches a link's card (core, with size, time and address limits) and caches it. */
  'previews.linkCard': procedure(LinkCardInput, LinkCardState),
} as const;
