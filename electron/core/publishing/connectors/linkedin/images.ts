import type { PublishMedia } from '../../../../../shared/publishing/port';
import { parseReply } from '../http/parseReply';
import { fail } from '../http/publishFailure';
import { send } from '../http/send';
import { checkedUrl } from '../http/serviceUrl';
import { linkedinRequest } from './api';
import type { LinkedinApi } from './api';
import { linkedinError } from './errors';
import { InitializeUploadReply } from './schemas';

/**
 * Images API: POST /rest/images?action=initializeUpload names the owner and returns an upload
 * URL and the image URN; the bytes go to that URL with PUT (same bearer token). The alt text
 * is not part of the image: it goes in the post's `content`.
 */
export async function uploadLinkedinImage(api: LinkedinApi, owner: string, media: PublishMedia): Promise<string> {
  const init = await linkedinRequest(api, {
    method: 'POST',
    path: '/rest/images',
    query: { action: 'initializeUpload' },
    json: { initializeUploadRequest: { owner } },
  });
  const { value } = parseReply(init, InitializeUploadReply, 'POST /rest/images?action=initializeUpload');
  const uploadUrl = checkedUrl(value.uploadUrl, 'LinkedIn upload URL');
  // The bearer token goes along, so only to LinkedIn itself (or the loopback fake in tests).
  if (uploadUrl.protocol === 'https:' && !/(^|\.)linkedin\.com$/u.test(uploadUrl.hostname)) {
    fail({ kind: 'permanent', status: init.status, networkMessage: `Upload URL outside linkedin.com: ${uploadUrl.hostname}` });
  }
  const copy = new Uint8Array(media.bytes.byteLength);
  copy.set(media.bytes);
  const put = await send(api.env, {
    method: 'PUT',
    url: uploadUrl,
    headers: { Authorization: `Bearer ${api.accessToken}`, 'Content-Type': media.mimeType },
    body: copy,
  });
  if (put.status < 200 || put.status > 299) fail(linkedinError(put, api.env.clock.now()));
  return value.image;
}
