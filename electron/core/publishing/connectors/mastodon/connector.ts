import { LookupRequest, PublishRequest } from '../../../../../shared/publishing/port';
import type { Outcome, ParsedLookupRequest, PublishResult } from '../../../../../shared/publishing/port';
import { toOutcome } from '../http/outcome';
import { parseReply } from '../http/parseReply';
import { parseRequest } from '../http/parseRequest';
import { invalidRequest } from '../http/publishFailure';
import { serviceUrl } from '../http/serviceUrl';
import type { Connector, ConnectorEnvironment } from '../port';
import { mastodonRequest } from './api';
import type { MastodonApi } from './api';
import { findMastodonPost } from './lookup';
import { uploadMastodonMedia } from './media';
import { PostedStatus } from './schemas';

/** Mastodon refuses `scheduled_at` less than 5 minutes ahead (PostStatusService::MIN_SCHEDULE_OFFSET). */
export const MASTODON_MIN_SCHEDULE_MS = 5 * 60 * 1000;
/** Our margin over it: the request takes time and the instance's clock is not ours. */
const SCHEDULE_MARGIN_MS = 60 * 1000;

/**
 * The instant to hand to the instance's scheduler, or undefined to publish now. Far enough
 * ahead, the instance publishes it itself, even with the laptop closed.
 */
export function remoteScheduleFor(scheduledAt: number | undefined, now: number): number | undefined {
  return scheduledAt !== undefined && scheduledAt - now >= MASTODON_MIN_SCHEDULE_MS + SCHEDULE_MARGIN_MS ? scheduledAt : undefined;
}

function apiFor(env: ConnectorEnvironment, request: ParsedLookupRequest): MastodonApi {
  if (request.network !== 'mastodon') return invalidRequest(`Mastodon connector asked to publish to ${request.network}`);
  if (request.credentials.kind !== 'oauth') return invalidRequest('Mastodon needs an OAuth access token');
  return { env, instance: serviceUrl(request.account.instanceUrl, 'Mastodon instance URL'), accessToken: request.credentials.accessToken };
}

/**
 * DELETE /api/v1/scheduled_statuses/:id: the instance forgets a status it was to publish
 * (the post was edited, withdrawn or moved). A 404 means it is no longer scheduled there.
 */
export function cancelMastodonScheduled(env: ConnectorEnvironment, input: LookupRequest, scheduledId: string): Promise<Outcome<true>> {
  return toOutcome(async () => {
    const request = parseRequest(LookupRequest, input);
    await mastodonRequest(apiFor(env, request), { method: 'DELETE', path: `/api/v1/scheduled_statuses/${encodeURIComponent(scheduledId)}` });
    return true as const;
  });
}

/**
 * POST /api/v1/statuses with the instance's own duplicate guard: the `Idempotency-Key`
 * header (the instance answers the first status again for an hour). Media go first through
 * POST /api/v2/media, alt text as `description`.
 */
export function createMastodonConnector(env: ConnectorEnvironment): Connector {
  return {
    network: 'mastodon',
    publish: (input) =>
      toOutcome(async (): Promise<PublishResult> => {
        const request = parseRequest(PublishRequest, input);
        const api = apiFor(env, request);
        const mediaIds: string[] = [];
        for (const media of request.media) mediaIds.push(await uploadMastodonMedia(api, media));
        const scheduleAt = remoteScheduleFor(request.scheduledAt, env.clock.now());
        const reply = await mastodonRequest(api, {
          method: 'POST',
          path: '/api/v1/statuses',
          headers: { 'Idempotency-Key': request.idempotencyKey },
          json: {
            status: request.text,
            media_ids: mediaIds,
            visibility: 'public',
            ...(request.replyTo === undefined ? {} : { in_reply_to_id: request.replyTo.remoteId }),
            ...(request.language === undefined ? {} : { language: request.language }),
            ...(scheduleAt === undefined ? {} : { scheduled_at: new Date(scheduleAt).toISOString() }),
          },
          creates: true,
        });
        const posted = parseReply(reply, PostedStatus, 'POST /api/v1/statuses', true);
        if ('params' in posted) return { remoteId: posted.id, url: null, scheduledRemotely: true };
        return { remoteId: posted.id, url: posted.url ?? posted.uri, scheduledRemotely: false };
      }),
    lookup: (input) =>
      toOutcome(async () => {
        const request = parseRequest(LookupRequest, input);
        return findMastodonPost(apiFor(env, request), request);
      }),
  };
}
