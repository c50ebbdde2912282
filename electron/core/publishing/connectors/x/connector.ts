import { LookupRequest, PublishRequest } from '../../../../../shared/publishing/port';
import type { ParsedLookupRequest, PublishResult } from '../../../../../shared/publishing/port';
import { toOutcome } from '../http/outcome';
import { parseReply } from '../http/parseReply';
import { parseRequest } from '../http/parseRequest';
import { fail, invalidRequest } from '../http/publishFailure';
import { serviceUrl } from '../http/serviceUrl';
import type { Connector, ConnectorEnvironment } from '../port';
import { xRequest } from './api';
import type { XApi } from './api';
import { isDuplicate, xError } from './errors';
import { findXPost, xPostUrl } from './lookup';
import { uploadXMedia } from './media';
import { TweetCreated } from './schemas';

export const DEFAULT_X_BASE_URL = 'https://api.x.com';

export interface XOptions {
  baseUrl?: string;
}

function apiFor(env: ConnectorEnvironment, options: XOptions, request: ParsedLookupRequest): XApi {
  if (request.network !== 'x') return invalidRequest(`X connector asked to publish to ${request.network}`);
  if (request.credentials.kind !== 'oauth') return invalidRequest('X needs an OAuth 2.0 access token');
  return { env, base: serviceUrl(options.baseUrl ?? DEFAULT_X_BASE_URL, 'X API URL'), accessToken: request.credentials.accessToken };
}

/**
 * POST /2/tweets { text, media: { media_ids } } → 201 { data: { id, text } }, media through
 * the v2 upload (see media.ts). X's duplicate refusal (403 "duplicate content") is checked
 * against the account's recent posts: our own earlier post is reported as published.
 */
export function createXConnector(env: ConnectorEnvironment, options: XOptions = {}): Connector {
  return {
    network: 'x',
    publish: (input) =>
      toOutcome(async (): Promise<PublishResult> => {
        const request = parseRequest(PublishRequest, input);
        const api = apiFor(env, options, request);
        const mediaIds: string[] = [];
        for (const media of request.media) mediaIds.push(await uploadXMedia(api, media));
        const reply = await xRequest(api, {
          method: 'POST',
          path: '/2/tweets',
          json: {
            text: request.text,
            ...(mediaIds.length === 0 ? {} : { media: { media_ids: mediaIds } }),
            ...(request.replyTo === undefined ? {} : { reply: { in_reply_to_tweet_id: request.replyTo.remoteId } }),
          },
          creates: true,
          accept: isDuplicate,
        });
        if (isDuplicate(reply)) {
          const earlier = await findXPost(api, request.text, request.jobCreatedAt);
          if (earlier.kind === 'found') return { remoteId: earlier.remoteId, url: earlier.url, scheduledRemotely: false, recovered: true };
          return fail(xError(reply, env.clock.now()));
        }
        const created = parseReply(reply, TweetCreated, 'POST /2/tweets', true);
        return { remoteId: created.data.id, url: xPostUrl(request.account.handle, created.data.id), scheduledRemotely: false };
      }),
    lookup: (input) =>
      toOutcome(async () => {
        const request = parseRequest(LookupRequest, input);
        return findXPost(apiFor(env, options, request), request.text, request.jobCreatedAt);
      }),
  };
}
