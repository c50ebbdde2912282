import type { PublishMedia } from '../../../../../shared/publishing/port';
import { mediaBlob } from '../http/mediaBlob';
import { parseReply } from '../http/parseReply';
import { fail } from '../http/publishFailure';
import { xRequest } from './api';
import type { XApi } from './api';
import { MediaUploadReply } from './schemas';
import type { ProcessingInfo } from './schemas';

const MAX_POLLS = 30;

/**
 * X API v2 media: the one-shot POST /2/media/upload (multipart `media`, `media_category`
 * tweet_image, `media_type`) — images need no chunked INIT/APPEND/FINALIZE. When the reply
 * carries `processing_info`, GET /2/media/upload?command=STATUS until it succeeds. The alt
 * text then goes through POST /2/media/metadata, as approved (X refuses more than 1,000
 * characters with its own message; we never shorten it). (The v1.1 upload.twitter.com endpoints were
 * retired in 2025.)
 */
export async function uploadXMedia(api: XApi, media: PublishMedia): Promise<string> {
  const form = new FormData();
  const { blob, filename } = mediaBlob(media);
  form.append('media', blob, filename);
  form.append('media_category', media.mimeType === 'image/gif' ? 'tweet_gif' : 'tweet_image');
  form.append('media_type', media.mimeType);
  const uploaded = parseReply(await xRequest(api, { method: 'POST', path: '/2/media/upload', form }), MediaUploadReply, 'POST /2/media/upload');
  const id = uploaded.data.id;
  let info: ProcessingInfo | undefined = uploaded.data.processing_info;
  for (let poll = 0; info !== undefined && (info.state === 'pending' || info.state === 'in_progress'); poll += 1) {
    if (poll >= MAX_POLLS) fail({ kind: 'retryable', status: 200, networkMessage: 'X is still processing the media' });
    await api.env.sleep((info.check_after_secs ?? 1) * 1000);
    const status = await xRequest(api, { method: 'GET', path: '/2/media/upload', query: { command: 'STATUS', media_id: id } });
    info = parseReply(status, MediaUploadReply, 'GET /2/media/upload?command=STATUS').data.processing_info;
  }
  if (info?.state === 'failed') fail({ kind: 'permanent', status: 200, networkMessage: info.error?.message ?? 'X could not process the media' });
  if (media.alt !== '') {
    await xRequest(api, { method: 'POST', path: '/2/media/metadata', json: { id, metadata: { alt_text: { text: media.alt } } } });
  }
  return id;
}
