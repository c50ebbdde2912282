import { z } from 'zod';
import { Network } from '../posts/networks';
import { PostStatus } from '../posts/schema';
import { lifecycleEvents } from './lifecycle';

/**
 * The append-only audit log: every lifecycle transition and every other fact a partner or the
 * firm may ask about later (who, what, when, which revision, which channel). Reports are
 * computed from this log and the posts only.
 */
export const auditActions = [
  ...lifecycleEvents,
  'created',
  'contentEdited',
  'approvalVoided',
  'overrideRecorded',
  'reminderSent',
  'signoffEmailQueued',
  'signoffEmailSent',
  'replyReceived',
  'replyRejected',
  'changesSuggested',
  'commented',
  'moved',
  'partnerChanged',
] as const;
export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

export const channels = ['app', 'email', 'phone', 'in_person', 'message', 'system'] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

export const Actor = z.object({
  kind: z.enum(['community_manager', 'partner', 'system']),
  /** A display name or an email address; never a secret. */
  name: z.string().max(200).default(''),
});
export type Actor = z.infer<typeof Actor>;

export const AuditEntry = z.object({
  id: z.number().int(),
  postId: z.uuid(),
  partnerId: z.uuid(),
  at: z.number().int(),
  actor: Actor,
  action: AuditAction,
  fromStatus: PostStatus.nullable(),
  toStatus: PostStatus.nullable(),
  revisionNumber: z.number().int().nullable(),
  revisionHash: z.string().nullable(),
  channel: Channel.nullable(),
  /**
   * Facts particular to the action, e.g. requestSignoff: { requestId, deadlineAt, findings:
   * { error, warning, info, byKind }, override?: { justification, findingIds } };
   * approve/requestChanges/reject: { requestId, comment?, requestedAt, deadlineAt };
   * published: { network, remoteId, url };
   * changesSuggested: { requestId, messageId, network, text, original, source } (shared/signoff/suggestion.ts); moved: { fromInstant, toInstant, zone };
   * partnerChanged: { fromPartnerId, toPartnerId } (the entry's partnerId is the new one).
   */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Details of a `published` entry, the shape reports rely on. */
export const PublishedDetails = z.object({ network: Network, remoteId: z.string(), url: z.string().nullable() });
export type PublishedDetails = z.infer<typeof PublishedDetails>;

/** Details of a `requestSignoff` entry, the shape reports rely on. */
export const SignoffRequestDetails = z.object({
  requestId: z.string(),
  deadlineAt: z.number().int().nullable(),
  findings: z.object({
    error: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
    info: z.number().int().nonnegative(),
    byKind: z.record(z.string(), z.number().int().nonnegative()),
  }),
  override: z.object({ justification: z.string(), findingIds: z.array(z.string()) }).nullable(),
});
export type SignoffRequestDetails = z.infer<typeof SignoffRequestDetails>;

/** Details of a decision entry (approve, requestChanges, reject), the shape reports rely on. */
export const DecisionDetails = z.object({
  requestId: z.string(),
  requestedAt: z.number().int(),
  deadlineAt: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export type DecisionDetails = z.infer<typeof DecisionDetails>;
