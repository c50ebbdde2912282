import { z } from 'zod';
import { MailFailure } from '../mail/failure';
import { Network } from '../posts/networks';
import { PostId, PostStatus } from '../posts/schema';
import { OutboxState } from './outboxJob';

export const RequestId = z.uuid();

export const requestStates = [
  'open',
  'approved',
  'changes_requested',
  'rejected',
  'expired',
  'withdrawn',
  'superseded',
  'voided',
  'held',
] as const;
export const RequestState = z.enum(requestStates);
export type RequestState = z.infer<typeof RequestState>;

export const Decision = z.enum(['approve', 'requestChanges', 'reject']);
export type Decision = z.infer<typeof Decision>;

/** Channels a decision can be recorded from by the community manager (email comes by itself). */
export const OfflineChannel = z.enum(['phone', 'in_person', 'message']);
export type OfflineChannel = z.infer<typeof OfflineChannel>;

/** The editorial linter's findings at request time, as reports count them. */
export const FindingsSummary = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
  byKind: z.record(z.string().max(80), z.number().int().nonnegative()),
});
export type FindingsSummary = z.infer<typeof FindingsSummary>;

export const EditorialOverride = z.object({
  justification: z.string().trim().min(1, { message: 'errors.required' }).max(2_000, { message: 'errors.tooLong' }),
  findingIds: z.array(z.string().max(200)).max(200).default([]),
});
export type EditorialOverride = z.infer<typeof EditorialOverride>;

export const RequestSignoffInput = z
  .object({
    postId: PostId,
    /** A deadline chosen for this post; omitted: the partner's lead time before publication. */
    deadlineAt: z.number().int().nullable().optional(),
    findings: FindingsSummary.default({ error: 0, warning: 0, info: 0, byKind: {} }),
    override: EditorialOverride.nullable().default(null),
  })
  .strict();
export type RequestSignoffInput = z.input<typeof RequestSignoffInput>;

/** A revision as the sign-off panel showed it: its number (for the message) and its hash (what is compared). */
export const SeenRevision = z.object({ number: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type SeenRevision = z.infer<typeof SeenRevision>;

export const RecordDecisionInput = z
  .object({
    postId: PostId,
    decision: Decision,
    channel: OfflineChannel,
    /** Who gave the decision; defaults to the partner's name. */
    decidedBy: z.string().trim().max(200, { message: 'errors.tooLong' }).optional(),
    decidedAt: z.number().int(),
    comment: z.string().trim().max(5_000, { message: 'errors.tooLong' }).optional(),
    /** An approval over the editorial line's errors: why (core names the findings); ignored for other decisions. */
    override: EditorialOverride.nullable().default(null),
    /**
     * The revision the decision form was opened on (the status's number and hash): the text the
     * partner heard. Core refuses the decision once the post's text differs. The app's form always
     * sends it; calls that record a decision on the text as it stands (scripts, tests) may omit it.
     */
    revision: SeenRevision.optional(),
  })
  .strict();
export type RecordDecisionInput = z.input<typeof RecordDecisionInput>;

export const EmailState = z.union([OutboxState, z.literal('none')]);
export type EmailState = z.infer<typeof EmailState>;

export const SignoffRequestView = z.object({
  id: RequestId,
  revisionNumber: z.number().int(),
  revisionHash: z.string(),
  state: RequestState,
  channel: z.enum(['email', 'none']),
  createdAt: z.number().int(),
  deadlineAt: z.number().int().nullable(),
  decision: Decision.nullable(),
  decidedAt: z.number().int().nullable(),
  remindersSent: z.number().int(),
  /**
   * The request email in the outbox: `queued` while offline or between tries, `done` once
   * sent. `failure`: why it has not left yet (translated by the UI; `lastError` is its stored form).
   */
  email: z.object({
    state: EmailState,
    attempts: z.number().int(),
    /** The outbox's attempt limit: the email fails once `attempts` reaches it. */
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    failure: MailFailure.nullable(),
  }),
});
export type SignoffRequestView = z.infer<typeof SignoffRequestView>;

export const SignoffStatus = z.object({
  postId: PostId,
  status: PostStatus,
  revisionNumber: z.number().int(),
  currentHash: z.string(),
  approvedHash: z.string().nullable(),
  /** The post is approved (or scheduled) and its content is still exactly what was approved. */
  approvalValid: z.boolean(),
  deadlineAt: z.number().int().nullable(),
  request: SignoffRequestView.nullable(),
  /** Set when the last approval was voided by an edit and no request has been made since: show a banner. */
  approvalVoided: z.object({ at: z.number().int(), requestId: z.string().nullable(), revisionNumber: z.number().int().nullable() }).nullable(),
  partnerHasEmail: z.boolean(),
  /** Whether a mail account is set up to send the request email (Settings). */
  mailAccountConfigured: z.boolean(),
});
export type SignoffStatus = z.infer<typeof SignoffStatus>;

export const CommentVisibility = z.enum(['internal', 'partner']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

export const AddCommentInput = z
  .object({
    postId: PostId,
    body: z.string().trim().min(1, { message: 'errors.required' }).max(10_000, { message: 'errors.tooLong' }),
    visibility: CommentVisibility,
  })
  .strict();
export type AddCommentInput = z.input<typeof AddCommentInput>;

export const PostComment = z.object({
  id: z.number().int(),
  postId: PostId,
  authorKind: z.enum(['community_manager', 'partner']),
  authorName: z.string(),
  visibility: CommentVisibility,
  body: z.string(),
  revisionNumber: z.number().int().nullable(),
  /** The request email that carried it to the partner; null = not sent yet (or internal). */
  sentInRequestId: z.string().nullable(),
  createdAt: z.number().int(),
});
export type PostComment = z.infer<typeof PostComment>;

export const DiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

/** What changed since the partner last saw the post (the last request they received or decided). */
export const RevisionDiff = z.object({
  since: z.object({ requestId: RequestId, revisionNumber: z.number().int(), seenAt: z.number().int() }).nullable(),
  changed: z.boolean(),
  networks: z.array(z.object({ network: Network, parts: z.array(DiffPart), changed: z.boolean() })),
});
export type RevisionDiff = z.infer<typeof RevisionDiff>;
