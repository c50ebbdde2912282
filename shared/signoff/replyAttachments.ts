import { z } from 'zod';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A file a partner's reply carried (a scanned PDF, a marked-up image), as its audit fact holds
 * it: kept (content-addressed by its SHA-256 in the workspace), or not kept and said so —
 * too large for the limits, or not downloadable — so the community manager opens it in their
 * mail client.
 */
export const ReplyAttachment = z.object({
  name: z.string().max(255),
  type: z.string().max(127),
  /** Decoded size; for one not kept, the size the message announced (approximate). */
  bytes: z.number().int().nonnegative(),
  status: z.enum(['kept', 'tooLarge', 'failed']),
  sha256: Sha256.nullable(),
});
export type ReplyAttachment = z.infer<typeof ReplyAttachment>;

/** The attachments listed in an audit entry's details ([] when none or unreadable). */
export function attachmentsOf(details: Record<string, unknown>): ReplyAttachment[] {
  const parsed = z.array(ReplyAttachment).safeParse(details.attachments);
  return parsed.success ? parsed.data : [];
}

/** A kept attachment handed to the UI, which saves it (a browser download; Electron's save dialog). */
export const AttachmentFile = z.object({
  fileName: z.string().min(1),
  mediaType: z.string(),
  /** The bytes, base64: JSON carries no binary (an attachment is at most a few tens of MB). */
  base64: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type AttachmentFile = z.infer<typeof AttachmentFile>;

export const AttachmentRequest = z.object({ postId: z.uuid(), sha256: Sha256 }).strict();
