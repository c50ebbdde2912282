/** Statuses whose posts a draft is compared with: drafts, posts in sign-off, approved and published ones. */
export const COMPARED_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'held', 'failed'] as const;

export const DAY_MS = 86_400_000;

/** A post's date for the window: its scheduled time, or its creation while unscheduled. */
export const similarityDate = (post: { scheduledAt: number | null; createdAt: number }): number => post.scheduledAt ?? post.createdAt;
