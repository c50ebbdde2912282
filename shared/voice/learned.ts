import type { PostStatus } from '../posts/schema';

/** A partner's voice is learned from the posts they signed off and the ones that went out. */
export const LEARNED_STATUSES = ['approved', 'published'] as const satisfies readonly PostStatus[];
