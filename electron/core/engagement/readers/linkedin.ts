import { z } from 'zod';
import type { Outcome } from '../../../../shared/publishing/port';
import { linkedinHeaders } from '../../publishing/connectors/linkedin/api';
import { DEFAULT_LINKEDIN_BASE_URL, DEFAULT_LINKEDIN_VERSION } from '../../publishing/connectors/linkedin/connector';
import { linkedinError } from '../../publishing/connectors/linkedin/errors';
import { toOutcome } from '../../publishing/connectors/http/outcome';
import { parseReply } from '../../publishing/connectors/http/parseReply';
import { fail, invalidRequest } from '../../publishing/connectors/http/publishFailure';
import { send } from '../../publishing/connectors/http/send';
import { endpoint, serviceUrl } from '../../publishing/connectors/http/serviceUrl';
import type { ConnectorEnvironment } from '../../publishing/connectors/port';
import type { ReadRequest, ReadResult } from './port';
import { givenFigures } from '../../../../shared/engagement/figures';

/**
 * GET /rest/socialMetadata/{post URN}: reactions by type and the comment count. Member post
 * analytics (impressions, r_member_postAnalytics) are not read: that scope is granted to few
 * apps, so LinkedIn impressions come from the profile's own export (import).
 */
const SocialMetadata = z.object({
  reactionSummaries: z.record(z.string(), z.object({ count: z.number().int().nonnegative() })).optional(),
  commentSummary: z.object({ count: z.number().int().nonnegative() }).optional(),
});

export function readLinkedin(env: ConnectorEnvironment, options: { baseUrl?: string; version?: string }, request: ReadRequest): Promise<Outcome<ReadResult>> {
  return toOutcome(async (): Promise<ReadResult> => {
    if (request.credentials.kind !== 'oauth') return invalidRequest('LinkedIn needs an OAuth access token');
    const api = {
      env,
      base: serviceUrl(options.baseUrl ?? DEFAULT_LINKEDIN_BASE_URL, 'LinkedIn API URL'),
      version: options.version ?? DEFAULT_LINKEDIN_VERSION,
      accessToken: request.credentials.accessToken,
    };
    const reply = await send(env, { method: 'GET', url: endpoint(api.base, `/rest/socialMetadata/${encodeURIComponent(request.remoteId)}`), headers: linkedinHeaders(api) });
    if (reply.status === 404 || reply.status === 410) return { kind: 'deleted', message: `LinkedIn answered ${reply.status}: the post no longer exists` };
    if (reply.status < 200 || reply.status > 299) return fail(linkedinError(reply, env.clock.now()));
    const body = parseReply(reply, SocialMetadata, 'GET /rest/socialMetadata');
    const reactions = body.reactionSummaries === undefined ? undefined : Object.values(body.reactionSummaries).reduce((sum, item) => sum + item.count, 0);
    return {
      kind: 'figures',
      figures: givenFigures({ likes: reactions, replies: body.commentSummary?.count }),
    };
  });
}
