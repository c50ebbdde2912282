import { z } from 'zod';
import type { Figures } from '../../../../shared/engagement/figures';
import { givenFigures } from '../../../../shared/engagement/figures';
import { PostAnalyticsReply, grantsPostAnalytics, postAnalyticsEntity, postAnalyticsQueries, postAnalyticsTotal } from '../../../../shared/engagement/linkedinPostAnalytics';
import type { Outcome } from '../../../../shared/publishing/port';
import { linkedinHeaders } from '../../publishing/connectors/linkedin/api';
import type { LinkedinApi } from '../../publishing/connectors/linkedin/api';
import { DEFAULT_LINKEDIN_BASE_URL, DEFAULT_LINKEDIN_VERSION } from '../../publishing/connectors/linkedin/connector';
import { linkedinError } from '../../publishing/connectors/linkedin/errors';
import { toOutcome } from '../../publishing/connectors/http/outcome';
import { parseReply } from '../../publishing/connectors/http/parseReply';
import { fail, invalidRequest } from '../../publishing/connectors/http/publishFailure';
import { send } from '../../publishing/connectors/http/send';
import { endpoint, serviceUrl } from '../../publishing/connectors/http/serviceUrl';
import type { ConnectorEnvironment } from '../../publishing/connectors/port';
import type { ReadRequest, ReadResult } from './port';

/**
 * GET /rest/socialMetadata/{post URN}: reactions by type and the comment count. Where the
 * account granted r_member_postAnalytics, Member Post Analytics add impressions, members
 * reached and reshares; without it LinkedIn impressions come from the profile's export (import).
 */
const SocialMetadata = z.object({
  reactionSummaries: z.record(z.string(), z.object({ count: z.number().int().nonnegative() })).optional(),
  commentSummary: z.object({ count: z.number().int().nonnegative() }).optional(),
});

export function readLinkedin(env: ConnectorEnvironment, options: { baseUrl?: string; version?: string }, request: ReadRequest): Promise<Outcome<ReadResult>> {
  return toOutcome(async (): Promise<ReadResult> => {
    if (request.credentials.kind !== 'oauth') return invalidRequest('LinkedIn needs an OAuth access token');
    const api: LinkedinApi = {
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
    const figures = givenFigures({ likes: reactions, replies: body.commentSummary?.count });
    const entity = postAnalyticsEntity(request.remoteId);
    if (!grantsPostAnalytics(request.grantedScopes) || entity === null) return { kind: 'figures', figures };
    const analytics = await postAnalytics(api, entity);
    if (analytics === 'refused') return { kind: 'figures', figures, postAnalytics: 'refused' };
    return { kind: 'figures', figures: { ...figures, ...analytics }, postAnalytics: 'read' };
  });
}

/** One call per metric (the finder takes one queryType); a 403 means the scope was revoked. */
async function postAnalytics(api: LinkedinApi, entity: string): Promise<Figures | 'refused'> {
  const figures: Figures = {};
  for (const { queryType, metric } of postAnalyticsQueries) {
    const url = endpoint(api.base, '/rest/memberCreatorPostAnalytics');
    // Rest.li 2.0 wants the tuple's parentheses and colon as they are, the URN inside encoded.
    url.search = `?q=entity&entity=${entity}&queryType=${queryType}&aggregation=TOTAL`;
    const reply = await send(api.env, { method: 'GET', url, headers: linkedinHeaders(api) });
    if (reply.status === 403) return 'refused';
    if (reply.status < 200 || reply.status > 299) return fail(linkedinError(reply, api.env.clock.now()));
    const total = postAnalyticsTotal(parseReply(reply, PostAnalyticsReply, 'GET /rest/memberCreatorPostAnalytics'));
    if (total !== undefined) figures[metric] = total;
  }
  return figures;
}
