import { z } from 'zod';
import type { Outcome } from '../../../../shared/publishing/port';
import { mastodonError } from '../../publishing/connectors/mastodon/errors';
import { sendWithBearer } from '../../publishing/connectors/http/bearerCall';
import { toOutcome } from '../../publishing/connectors/http/outcome';
import { parseReply } from '../../publishing/connectors/http/parseReply';
import { fail, invalidRequest } from '../../publishing/connectors/http/publishFailure';
import { serviceUrl } from '../../publishing/connectors/http/serviceUrl';
import type { ConnectorEnvironment } from '../../publishing/connectors/port';
import type { ReadRequest, ReadResult } from './port';
import { givenFigures } from '../../../../shared/engagement/figures';

/** docs.joinmastodon.org/entities/Status: the three counters, each optional (forks leave some out). */
const StatusCounts = z.object({
  id: z.string().min(1),
  favourites_count: z.number().int().nonnegative().optional(),
  reblogs_count: z.number().int().nonnegative().optional(),
  replies_count: z.number().int().nonnegative().optional(),
});

/** GET /api/v1/statuses/:id with the account's token; 404 or 410: the status was deleted. */
export function readMastodon(env: ConnectorEnvironment, request: ReadRequest): Promise<Outcome<ReadResult>> {
  return toOutcome(async (): Promise<ReadResult> => {
    if (request.credentials.kind !== 'oauth') return invalidRequest('Mastodon needs an OAuth access token');
    const instance = serviceUrl(request.account.instanceUrl, 'Mastodon instance URL');
    const reply = await sendWithBearer(env, instance, request.credentials.accessToken, { method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(request.remoteId)}` });
    if (reply.status === 404 || reply.status === 410) return { kind: 'deleted', message: `Mastodon answered ${reply.status}: the status no longer exists` };
    if (reply.status < 200 || reply.status > 299) return fail(mastodonError(reply, env.clock.now()));
    const status = parseReply(reply, StatusCounts, 'GET /api/v1/statuses/:id');
    return {
      kind: 'figures',
      figures: givenFigures({ likes: status.favourites_count, reposts: status.reblogs_count, replies: status.replies_count }),
    };
  });
}
