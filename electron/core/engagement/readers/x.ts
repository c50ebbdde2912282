import { z } from 'zod';
import type { Outcome } from '../../../../shared/publishing/port';
import { sendWithBearer } from '../../publishing/connectors/http/bearerCall';
import { toOutcome } from '../../publishing/connectors/http/outcome';
import { parseReply } from '../../publishing/connectors/http/parseReply';
import { fail, invalidRequest } from '../../publishing/connectors/http/publishFailure';
import { serviceUrl } from '../../publishing/connectors/http/serviceUrl';
import type { ConnectorEnvironment } from '../../publishing/connectors/port';
import { DEFAULT_X_BASE_URL } from '../../publishing/connectors/x/connector';
import { xError } from '../../publishing/connectors/x/errors';
import type { ReadRequest, ReadResult } from './port';
import { givenFigures } from '../../../../shared/engagement/figures';

const count = z.number().int().nonnegative().optional();
/** GET /2/tweets: `data` for the posts found, `errors` (resource-not-found) for the others. */
const TweetsLookup = z.object({
  data: z
    .array(
      z.object({
        id: z.string().min(1),
        public_metrics: z
          .object({ like_count: count, retweet_count: count, reply_count: count, quote_count: count, impression_count: count, bookmark_count: count })
          .optional(),
      }),
    )
    .optional(),
  errors: z.array(z.object({ resource_id: z.string().optional(), type: z.string().optional(), title: z.string().optional(), detail: z.string().optional() })).optional(),
});

/** GET /2/tweets?ids=…&tweet.fields=public_metrics with the user's token (tweet.read). */
export function readX(env: ConnectorEnvironment, baseUrl: string | undefined, request: ReadRequest): Promise<Outcome<ReadResult>> {
  return toOutcome(async (): Promise<ReadResult> => {
    if (request.credentials.kind !== 'oauth') return invalidRequest('X needs an OAuth 2.0 access token');
    const base = serviceUrl(baseUrl ?? DEFAULT_X_BASE_URL, 'X API URL');
    const reply = await sendWithBearer(env, base, request.credentials.accessToken, {
      method: 'GET',
      path: '/2/tweets',
      query: { ids: request.remoteId, 'tweet.fields': 'public_metrics' },
    });
    if (reply.status < 200 || reply.status > 299) return fail(xError(reply, env.clock.now()));
    const body = parseReply(reply, TweetsLookup, 'GET /2/tweets');
    const tweet = body.data?.find((item) => item.id === request.remoteId);
    if (tweet === undefined) {
      const said = body.errors?.find((error) => error.resource_id === request.remoteId);
      return { kind: 'deleted', message: said?.detail ?? 'X no longer has this post' };
    }
    const m = tweet.public_metrics ?? {};
    return {
      kind: 'figures',
      figures: givenFigures({
        likes: m.like_count,
        reposts: m.retweet_count,
        replies: m.reply_count,
        quotes: m.quote_count,
        impressions: m.impression_count,
        bookmarks: m.bookmark_count,
      }),
    };
  });
}
