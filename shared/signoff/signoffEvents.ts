import { z } from 'zod';
import { PostId } from '../posts/schema';

/**
 * Events core pushes about sign-off, the outbox and connectivity. `alert` asks the UI to
 * tell the community manager something needs them (a post held, a request expired…):
 * `messageKey` is translated with `params`.
 */
export const signoffEvents = [
  z.object({ type: z.literal('signoff.changed'), postId: PostId }),
  z.object({ type: z.literal('outbox.changed') }),
  z.object({ type: z.literal('connectivity.changed'), online: z.boolean() }),
  /** Whether the SMTP and IMAP servers answered when last asked (null: not asked yet). */
  z.object({ type: z.literal('mail.reachability'), smtp: z.boolean().nullable(), imap: z.boolean().nullable() }),
  z.object({
    type: z.literal('alert'),
    messageKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    severity: z.enum(['info', 'warning', 'error']),
    postId: PostId.nullable(),
  }),
] as const;
