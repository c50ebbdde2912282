import { z } from 'zod';
import { Network } from '../posts/networks';
import { PostId, PostStatus } from '../posts/schema';
import { OutboxState } from '../signoff/outboxJob';
import { FirstComments, PostThreads } from '../threads/schema';
import { MediaProblem } from './mediaLimits';
import { TryFailure } from './failure';

/**
 * Publication of a post to each of its networks, as core records it and the UI shows it.
 *
 * queued: an outbox job will send it (the job's own state says queued or sending);
 * scheduled_remote: the Mastodon instance holds it and publishes it itself at the time;
 * awaiting_manual: no API for this account: the community manager publishes by hand and
 *   pastes the URL back;
 * published: the network holds it (remote id and URL kept);
 * failed: the network refused it for good, or Plume refused to send (content changed);
 * cancelled: no longer applies (edited, withdrawn, moved).
 */
export const publicationStates = ['queued', 'scheduled_remote', 'awaiting_manual', 'published', 'failed', 'cancelled'] as const;
export const PublicationState = z.enum(publicationStates);
export type PublicationState = z.infer<typeof PublicationState>;

/** Why Plume itself did not send: keys the UI translates (the network's own words go in `error`). */
export const publicationReasons = ['contentChanged', 'notApproved', 'accountMissing', 'credentials', 'unverifiable', 'mediaMissing'] as const;
export const PublicationReason = z.enum(publicationReasons);
export type PublicationReason = z.infer<typeof PublicationReason>;

/** Issue 16: parts of a thread recorded out so far, and the first comment's fate (null: none sent yet). */
export const PartsOut = z.object({
  partsOut: z.number().int().nonnegative().optional(),
  firstComment: z.object({ state: z.enum(['sending', 'published', 'failed']), url: z.string().nullable(), error: z.string().nullable() }).nullable().optional(),
});
export type PartsOut = z.infer<typeof PartsOut>;

/**
 * The outbox job of a publication while it runs: its state, tries so far, when it runs next,
 * and what the last try met (null before any failed try).
 */
export const PublicationJob = z.object({ state: OutboxState, attempts: z.number().int(), notBefore: z.number().int(), lastTry: TryFailure.nullable() });
export type PublicationJob = z.infer<typeof PublicationJob>;

/**
 * A post the instance held for later whose approval no longer applies: Plume asks the instance
 * to delete it (an outbox `cancel` job). Shown while that job is under way or failed.
 */
export const Withdrawal = PublicationJob.extend({ instanceUrl: z.string().nullable() });
export type Withdrawal = z.infer<typeof Withdrawal>;

export const PublicationView = z.object({
  id: z.number().int(),
  network: Network,
  accountId: z.string().nullable(),
  accountHandle: z.string().nullable(),
  mode: z.enum(['api', 'manual']),
  state: PublicationState,
  /** The outbox job's state while it runs (queued, sending), null for manual ones. */
  job: PublicationJob.nullable(),
  dueAt: z.number().int(),
  remoteId: z.string().nullable(),
  url: z.string().nullable(),
  /** Why it failed (cause and the network's own words); null unless failed. */
  failure: TryFailure.nullable(),
  /** Set when Plume itself refused or could not tell. */
  reason: PublicationReason.nullable(),
  /** The instance is being asked to delete what it held for later (null: nothing to withdraw). */
  withdrawal: Withdrawal.nullable(),
  publishedAt: z.number().int().nullable(),
  ...PartsOut.shape,
});
export type PublicationView = z.infer<typeof PublicationView>;

/** A network of the post and the account it will go out as (null: by hand). */
export const PublicationTarget = z.object({
  network: Network,
  accountId: z.string().nullable(),
  /** The user chose it; false: the partner's only account on that network, or by hand. */
  chosen: z.boolean(),
  /** Accounts of the partner on this network the user may pick from. */
  options: z.array(z.object({ id: z.string(), handle: z.string(), status: z.string() })),
  /** Networks without an API connector go out by hand whatever the account. */
  apiAvailable: z.boolean(),
});
export type PublicationTarget = z.infer<typeof PublicationTarget>;

export const PostMediaView = z.object({
  position: z.number().int(),
  sha256: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  alt: z.string(),
});
export type PostMediaView = z.infer<typeof PostMediaView>;

export const HeldReason = z.enum(['contentChanged', 'notApproved', 'partnerWithdrew']);
export type HeldReason = z.infer<typeof HeldReason>;

/** Everything the publication panel of the editor shows. */
export const PostPublication = z.object({
  postId: PostId,
  status: PostStatus,
  scheduledAt: z.number().int().nullable(),
  scheduledZone: z.string().nullable(),
  /** The partner's zone: a date set from the editor is the partner's wall time. */
  partnerZone: z.string(),
  targets: z.array(PublicationTarget),
  publications: z.array(PublicationView),
  media: z.array(PostMediaView),
  /** Images a target network would refuse (size, format, count). */
  mediaProblems: z.array(MediaProblem),
  /** The text each network receives (for copy by hand). */
  texts: z.partialRecord(Network, z.string()),
  /** Where to write it by hand, per network awaiting a manual publication. */
  composeUrls: z.partialRecord(Network, z.string()),
  /** The approved thread parts, in order, per network that goes out as a thread (for copy by hand). */
  threads: PostThreads,
  /** The approved first comment per network that has one (for copy by hand). */
  firstComments: FirstComments,
  /** Changing images or accounts is refused while an approval binds the content. */
  locked: z.boolean(),
  graceMinutes: z.number().int(),
  /** Why a missed post waits: its slot went by (machine off) or it was approved after its time. */
  missedReason: z.enum(['late', 'approvedLate']).nullable(),
  /** Why a held post was not published: its text changed after the approval, it was no longer approved, or the partner went back on the approval. */
  heldReason: HeldReason.nullable(),
});
export type PostPublication = z.infer<typeof PostPublication>;

export const PublicationSettings = z.object({
  /** A slot missed (machine asleep or off) is still published this long after its time; later it is `missed`. */
  graceMinutes: z
    .number()
    .int({ message: 'publishing.errors.graceRange' })
    .min(0, { message: 'publishing.errors.graceRange' })
    .max(24 * 60, { message: 'publishing.errors.graceRange' }),
});
export type PublicationSettings = z.infer<typeof PublicationSettings>;

export const DEFAULT_GRACE_MINUTES = 15;

export const SetTargetInput = z
  .object({ postId: PostId, network: Network, accountId: z.uuid().nullable() })
  .strict();

export const MissedDecisionInput = z.discriminatedUnion('decision', [
  z.object({ postId: PostId, decision: z.literal('publishNow') }).strict(),
  z.object({ postId: PostId, decision: z.literal('reschedule'), scheduledAt: z.number().int() }).strict(),
  z.object({ postId: PostId, decision: z.literal('withdraw') }).strict(),
]);
export type MissedDecisionInput = z.input<typeof MissedDecisionInput>;

export const ManualDoneInput = z
  .object({ postId: PostId, network: Network, url: z.string().trim().min(1, { message: 'errors.required' }).max(2_000, { message: 'errors.tooLong' }) })
  .strict();

/** 5 MB: X's image limit, the smallest among networks that take large images; the transport carries 8 MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const AttachMediaInput = z
  .object({
    postId: PostId,
    /** The image bytes, base64 (the contract is JSON). */
    data: z.base64().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, { message: 'publishing.errors.mediaTooLarge' }),
    mimeType: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp'], { message: 'publishing.errors.mediaFormat' }),
    alt: z.string().trim().max(2_000, { message: 'errors.tooLong' }).default(''),
  })
  .strict();
export type AttachMediaInput = z.input<typeof AttachMediaInput>;

export const MediaAltInput = z
  .object({ postId: PostId, position: z.number().int().min(0), alt: z.string().trim().max(2_000, { message: 'errors.tooLong' }) })
  .strict();

/** One line of the "Envoi" page: a publication and where it stands. */
export const QueueItem = z.object({
  publicationId: z.number().int(),
  postId: PostId,
  postTitle: z.string(),
  partnerName: z.string(),
  network: Network,
  accountHandle: z.string().nullable(),
  state: PublicationState,
  job: PublicationJob.nullable(),
  dueAt: z.number().int(),
  url: z.string().nullable(),
  failure: TryFailure.nullable(),
  reason: PublicationReason.nullable(),
  withdrawal: Withdrawal.nullable(),
  updatedAt: z.number().int(),
  ...PartsOut.shape,
});
export type QueueItem = z.infer<typeof QueueItem>;

/** Publications the Envoi page lists, unfinished first then the latest finished; `total` says how many there are in all. */
export const QUEUE_SHOWN = 300;
/** Missed posts named on the Envoi page, oldest first; `missedTotal` says how many wait in all. */
export const MISSED_SHOWN = 20;
export const PublicationQueue = z.object({
  online: z.boolean(),
  items: z.array(QueueItem),
  /** Publications under way or done, in all (the list holds the first QUEUE_SHOWN). */
  total: z.number().int().nonnegative(),
  /** Approved posts that missed their slot and wait for a decision, oldest first (at most MISSED_SHOWN). */
  missed: z.array(z.object({ postId: PostId, title: z.string(), scheduledAt: z.number().int().nullable() })),
  missedTotal: z.number().int().nonnegative(),
  /** Posts held (not approved at their time, edited after the approval, or the partner went back on it), latest first (at most MISSED_SHOWN). */
  held: z.array(z.object({ postId: PostId, title: z.string(), scheduledAt: z.number().int().nullable(), reason: HeldReason })),
  heldTotal: z.number().int().nonnegative(),
});
export type PublicationQueue = z.infer<typeof PublicationQueue>;
