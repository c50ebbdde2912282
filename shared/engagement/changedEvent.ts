import { z } from 'zod';
import { PostId } from '../posts/schema';

/** New figures for a post (a reading, an import or figures typed by hand). */
export const EngagementChangedEvent = z.object({ type: z.literal('engagement.changed'), postId: PostId });
