import type { Readable } from 'node:stream';
import type { ReplyAttachment } from '../../../shared/signoff/replyAttachments';
import type { Logger } from '../log';
import type { AttachmentPart } from '../mail/attachmentParts';
import { isUnreachable } from '../mail/networkErrors';
import type { AttachmentStore } from '../records/attachmentStore';

/**
 * Per file: 25 MB is what Gmail and Outlook let a partner attach to one message, so anything
 * an ordinary mail client sends is kept; a bigger file came through some other service and
 * stays in the mail client.
 */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/**
 * Per reply: two full-size files. Bounds what one message (or a sender with a generous
 * provider) can add to the workspace, which is backed up and exported with the record.
 */
export const MAX_REPLY_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface AttachmentSource {
  attachments: readonly AttachmentPart[];
  open(part: string): Promise<Readable | null>;
}

/**
 * Keeps a reply's files within the limits, streamed from the server into the content-addressed
 * store. One over a limit, or one that fails to download, is listed as not kept — never
 * skipped — so the history says to open it in the mail client.
 */
export async function keepReplyAttachments(source: AttachmentSource, store: AttachmentStore, log: Logger): Promise<ReplyAttachment[]> {
  let budget = MAX_REPLY_ATTACHMENT_BYTES;
  const kept: ReplyAttachment[] = [];
  for (const part of source.attachments) {
    const base = { name: part.name, type: part.type };
    const limit = Math.min(MAX_ATTACHMENT_BYTES, budget);
    // The announced size already says no: nothing is downloaded.
    if (part.approxBytes > limit) {
      kept.push({ ...base, bytes: part.approxBytes, status: 'tooLarge', sha256: null });
      continue;
    }
    try {
      const stream = await source.open(part.part);
      if (stream === null) throw new Error(`part ${part.part} not found on the server`);
      const result = await store.keep(stream, limit);
      if (result.kept) {
        budget -= result.bytes;
        kept.push({ ...base, bytes: result.bytes, status: 'kept', sha256: result.sha256 });
      } else {
        kept.push({ ...base, bytes: Math.max(part.approxBytes, result.bytesSeen), status: 'tooLarge', sha256: null });
      }
    } catch (error) {
      // The connection is gone: the read stops here and the reply is read again, files and all.
      if (isUnreachable(error)) throw error;
      log.error(`reply attachment ${part.part} (${part.name || 'unnamed'}) could not be downloaded`, error);
      kept.push({ ...base, bytes: part.approxBytes, status: 'failed', sha256: null });
    }
  }
  return kept;
}
