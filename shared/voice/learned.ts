import type { PostStatus } from '../posts/schema';

/**
 * A partner's voice is learned from the texts they signed off: approved, then scheduled,
 * published, or failed or missed at publication (still their approved words; see
 * shared/signoff/lifecycle.ts). An edit sends the post back to draft, and out of the profile.
 */
export const LEARNED_STATUSES = ['approved', 'scheduled', 'published', 'failed', 'missed'] as const satisfies readonly PostStatus[];
