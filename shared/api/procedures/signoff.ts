import { z } from 'zod';
import { none, procedure } from '../procedure';
import { PostId } from '../../posts/schema';
import { AuditEntry } from '../../signoff/audit';
import { OutboxJobView, SignoffEmailWaiting } from '../../signoff/outboxJob';
import { AttachmentFile, AttachmentRequest } from '../../signoff/replyAttachments';
import { ApplySuggestionInput } from '../../signoff/suggestion';
import {
  AddCommentInput,
  PostComment,
  RecordDecisionInput,
  RequestSignoffInput,
  RevisionDiff,
  SignoffStatus,
} from '../../signoff/schema';

const byPost = z.object({ postId: PostId }).strict();

/**
 * Sign-off (issue 6): request a partner's sign-off on the exact current text, record
 * decisions, read the audit trail, comment, and see what changed; plus the outbox of
 * everything waiting to leave the machine.
 */
export const signoffProcedures = {
  'signoff.status': procedure(byPost, SignoffStatus),
  /** Freezes the current revision, opens a request and queues the email to the partner. */
  'signoff.request': procedure(RequestSignoffInput, SignoffStatus),
  /** A decision taken by phone, in person or by message, recorded by the community manager. */
  'signoff.recordDecision': procedure(RecordDecisionInput, SignoffStatus),
  'signoff.withdraw': procedure(byPost, SignoffStatus),
  'signoff.history': procedure(byPost, z.array(AuditEntry)),
  /** A file a partner's reply carried, kept in the workspace (listed in the history's reply facts). */
  'signoff.attachment': procedure(AttachmentRequest, AttachmentFile),
  'signoff.comments': procedure(byPost, z.array(PostComment)),
  'signoff.addComment': procedure(AddCommentInput, PostComment),
  /**
   * The partner's suggested text (a changesSuggested entry) becomes the new revision, through
   * the normal post save, and sign-off is requested again ("your corrections are applied").
   */
  'signoff.applySuggestion': procedure(ApplySuggestionInput, SignoffStatus),
  /** Word-level diff between what the partner last saw and the current texts. */
  'signoff.diff': procedure(byPost, RevisionDiff),
  /** Reads the inbox now instead of waiting for the next tick. */
  'signoff.checkInbox': procedure(none, z.object({ checked: z.boolean(), processed: z.number().int() })),

  'outbox.list': procedure(none, z.array(OutboxJobView)),
  /** Sign-off emails not sent yet (or failed), with the server's reason, attempts and next try. */
  'signoff.emailQueue': procedure(none, z.array(SignoffEmailWaiting)),
  /** Whether the SMTP and IMAP servers answered when last asked (null: not asked yet). */
  'signoff.mailReachability': procedure(none, z.object({ smtp: z.boolean().nullable(), imap: z.boolean().nullable() })),
  /** A failed or cancelled job is queued again, its attempts reset. */
  'outbox.retry': procedure(z.object({ id: z.number().int() }).strict(), OutboxJobView),
  /** The UI's online/offline events; while offline nothing leaves and jobs stay queued. */
  'outbox.setOnline': procedure(z.object({ online: z.boolean() }).strict(), z.object({ online: z.boolean() })),
} as const;
