import type { PostStatus } from '../posts/schema';

/**
 * The post lifecycle, the one place that says which transition is allowed from which state.
 * Core performs each allowed transition in one transaction and appends it to the audit log.
 *
 *   draft ─request─▶ in_review ─approve─▶ approved ─schedule─▶ scheduled ─publish─▶ published
 *                      │  ├─requestChanges─▶ changes_requested ─request─▶ in_review
 *                      │  └─reject─▶ rejected
 *                      └─expire─▶ expired            (no decision before the deadline)
 *   any state awaiting approval at publication time ─hold─▶ held (never published)
 *   editing approved/scheduled content voids the approval ─edit─▶ draft
 */
export const lifecycleEvents = [
  'requestSignoff',
  'approve',
  'requestChanges',
  'reject',
  'withdraw',
  'expire',
  'hold',
  'schedule',
  'unschedule',
  'startPublishing',
  'published',
  'publishFailed',
  'missed',
  'retry',
  'edit',
  'reopen',
] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

const transitions: Record<LifecycleEvent, Partial<Record<PostStatus, PostStatus>>> = {
  requestSignoff: { draft: 'in_review', changes_requested: 'in_review', in_review: 'in_review' },
  approve: { in_review: 'approved' },
  requestChanges: { in_review: 'changes_requested' },
  reject: { in_review: 'rejected' },
  withdraw: { in_review: 'withdrawn', approved: 'withdrawn', scheduled: 'withdrawn', held: 'withdrawn', changes_requested: 'withdrawn' },
  expire: { in_review: 'expired' },
  hold: { draft: 'held', in_review: 'held', changes_requested: 'held', rejected: 'held', expired: 'held', scheduled: 'held' },
  schedule: { approved: 'scheduled' },
  unschedule: { scheduled: 'approved' },
  // Publishing keeps the status `scheduled` while the outbox job runs; these record the outcome.
  startPublishing: { scheduled: 'scheduled' },
  published: { scheduled: 'published' },
  publishFailed: { scheduled: 'failed' },
  missed: { scheduled: 'missed' },
  retry: { failed: 'scheduled', missed: 'scheduled' },
  // A change of content: any approval or pending request stops applying to it.
  edit: {
    draft: 'draft',
    in_review: 'draft',
    changes_requested: 'changes_requested',
    approved: 'draft',
    scheduled: 'draft',
    rejected: 'draft',
    withdrawn: 'draft',
    expired: 'draft',
    held: 'draft',
    failed: 'draft',
    missed: 'draft',
  },
  reopen: { rejected: 'draft', withdrawn: 'draft', expired: 'draft', held: 'draft', failed: 'draft', missed: 'draft' },
};

export type TransitionResult = { ok: true; to: PostStatus } | { ok: false; from: PostStatus; event: LifecycleEvent };

export function transition(from: PostStatus, event: LifecycleEvent): TransitionResult {
  const to = transitions[event][from];
  return to === undefined ? { ok: false, from, event } : { ok: true, to };
}

export const canTransition = (from: PostStatus, event: LifecycleEvent): boolean => transition(from, event).ok;

/** The events the UI may offer from a state (the user-facing subset is chosen by the UI). */
export const eventsFrom = (from: PostStatus): LifecycleEvent[] => lifecycleEvents.filter((event) => canTransition(from, event));

/** States in which content is frozen by a sign-off: editing it voids that sign-off. */
export const approvalBound = (status: PostStatus): boolean => status === 'approved' || status === 'scheduled';

/** No edit may touch what was published; it is history. */
export const isFinal = (status: PostStatus): boolean => status === 'published';

/**
 * Closed without a decision that still holds (held, expired, withdrawn, rejected): a new
 * request or a late decision reopens them (to draft, audited) without an edit of the text.
 */
export const reopensForSignoff = (status: PostStatus): boolean =>
  status === 'held' || status === 'expired' || status === 'withdrawn' || status === 'rejected';

/** Whether a sign-off request, or a decision taken another way, may be recorded from this state. */
export const canAskSignoff = (status: PostStatus): boolean => canTransition(status, 'requestSignoff') || reopensForSignoff(status);
