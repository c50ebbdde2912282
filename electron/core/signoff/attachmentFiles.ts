import { readFileSync } from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import type { AttachmentFile } from '../../../shared/signoff/replyAttachments';
import { hashFile } from '../records/fileHash';
import type { SignoffDeps } from './deps';

/** A media type as the UI may pass it to a download; anything odd is plain bytes. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

const attachmentError = (key: 'notFound' | 'missing' | 'damaged', sha256: string): ApiError =>
  new ApiError({
    code: key === 'notFound' ? 'not_found' : 'unavailable',
    messageKey: `signoff.errors.attachment.${key}`,
    message: `reply attachment ${sha256}: ${key}`,
    details: { sha256 },
  });

/** Hands a kept reply attachment to the UI, checked against its hash first. */
export class ReplyAttachmentFiles {
  constructor(private readonly deps: Pick<SignoffDeps, 'attachments' | 'log'>) {}

  read(postId: string, sha256: string): AttachmentFile {
    const attachments = this.deps.attachments;
    const row = attachments?.repository.keptOfPost(postId, sha256) ?? null;
    if (attachments === null || row === null) throw attachmentError('notFound', sha256);
    const path = attachments.store.path(sha256);
    if (path === null) {
      this.deps.log.error(`reply attachment ${sha256} (${row.name}) is missing from the workspace`);
      throw attachmentError('missing', sha256);
    }
    // Never hand out as the partner's file bytes that are not the ones received.
    if (hashFile(path).sha256 !== sha256) {
      this.deps.log.error(`reply attachment ${sha256} (${row.name}) no longer matches its hash`);
      throw attachmentError('damaged', sha256);
    }
    const bytes = readFileSync(path);
    return {
      fileName: row.name === '' ? `attachment-${sha256.slice(0, 12)}` : row.name,
      mediaType: MEDIA_TYPE.test(row.mediaType) ? row.mediaType : 'application/octet-stream',
      base64: bytes.toString('base64'),
      bytes: bytes.length,
    };
  }
}
