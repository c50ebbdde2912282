import type { PublishMedia } from '../../../../../shared/publishing/port';
import { mediaBlob } from '../http/mediaBlob';
import { parseReply } from '../http/parseReply';
import { fail } from '../http/publishFailure';
import { mastodonRequest } from './api';
import type { MastodonApi } from './api';
import { MediaAttachment } from './schemas';

/** Mastodon refuses a status whose media is still processing, so we wait for it (bounded). */
const POLLS = 30;
const POLL_INTERVAL_MS = 1000;

/**
 * POST /api/v2/media (multipart `file` + `description`, the alt text). 200: ready. 202: the
 * instance processes it in the background: poll GET /api/v1/media/:id, which answers 206
 * until it is done, then 200.
 */
export async function uploadMastodonMedia(api: MastodonApi, media: PublishMedia): Promise<string> {
  const form = new FormData();
  const { blob, filename } = mediaBlob(media);
  form.append('file', blob, filename);
  if (media.alt !== '') form.append('description', media.alt);
  const reply = await mastodonRequest(api, { method: 'POST', path: '/api/v2/media', form });
  let attachment = parseReply(reply, MediaAttachment, 'POST /api/v2/media');
  let ready = reply.status === 200 && attachment.url !== null;
  for (let poll = 0; !ready && poll < POLLS; poll += 1) {
    await api.env.sleep(POLL_INTERVAL_MS);
    const check = await mastodonRequest(api, { method: 'GET', path: `/api/v1/media/${encodeURIComponent(attachment.id)}` });
    attachment = parseReply(check, MediaAttachment, 'GET /api/v1/media/:id');
    ready = check.status === 200;
  }
  if (!ready) fail({ kind: 'retryable', status: 206, networkMessage: 'The instance is still processing the media' });
  return attachment.id;
}
