import { toLittleText } from '../../../../../shared/publishing/linkedinText';
import { LookupRequest, PublishRequest } from '../../../../../shared/publishing/port';
import type { ParsedLookupRequest, PublishResult } from '../../../../../shared/publishing/port';
import { toOutcome } from '../http/outcome';
import { parseRequest } from '../http/parseRequest';
import { accountIncomplete, fail, invalidRequest } from '../http/publishFailure';
import { serviceUrl } from '../http/serviceUrl';
import type { Connector, ConnectorEnvironment } from '../port';
import { linkedinRequest } from './api';
import type { LinkedinApi } from './api';
import { duplicateOf, linkedinError } from './errors';
import { uploadLinkedinImage } from './images';
import { findLinkedinPost, linkedinPostUrl } from './lookup';
import { findLinkedinComment, postLinkedinComment } from './comments';

export const DEFAULT_LINKEDIN_BASE_URL = 'https://api.linkedin.com';
/** A version LinkedIn supports for a year from its release; bump it with the API's changes. */
export const DEFAULT_LINKEDIN_VERSION = '202609';

export interface LinkedinOptions {
  baseUrl?: string;
  version?: string;
}

interface Prepared {
  api: LinkedinApi;
  author: string;
  commentary: string;
}

function prepare(env: ConnectorEnvironment, options: LinkedinOptions, request: ParsedLookupRequest): Prepared {
  if (request.network !== 'linkedin') return invalidRequest(`LinkedIn connector asked to publish to ${request.network}`);
  if (request.credentials.kind !== 'oauth') return accountIncomplete('LinkedIn needs an OAuth access token');
  const author = request.account.personUrn;
  if (author === undefined) return accountIncomplete('LinkedIn needs the author URN (account.personUrn)');
  let commentary: string;
  try {
    commentary = toLittleText(request.text, request.mentions);
  } catch (error) {
    return invalidRequest(error instanceof Error ? error.message : 'Invalid mentions');
  }
  const version = options.version ?? DEFAULT_LINKEDIN_VERSION;
  if (!/^\d{6}$/u.test(version)) return invalidRequest(`LinkedIn-Version must be YYYYMM, not ${version}`);
  return {
    api: { env, base: serviceUrl(options.baseUrl ?? DEFAULT_LINKEDIN_BASE_URL, 'LinkedIn API URL'), version, accessToken: request.credentials.accessToken },
    author,
    commentary,
  };
}

/**
 * Posts API (POST /rest/posts, 201 + `x-restli-id`), commentary in little text format
 * (shared/publishing/linkedinText.ts), images through the Images API with their alt text in
 * the post's content. LinkedIn's duplicate refusal (422 DUPLICATE_POST) is checked against
 * the author's posts: our own earlier post is reported as published, not as a failure.
 */
export function createLinkedinConnector(env: ConnectorEnvironment, options: LinkedinOptions = {}): Connector {
  return {
    network: 'linkedin',
    publish: (input) =>
      toOutcome(async (): Promise<PublishResult> => {
        const request = parseRequest(PublishRequest, input);
        const { api, author, commentary } = prepare(env, options, request);
        // A first comment: under the post it answers, through the Comments API.
        if (request.replyTo !== undefined) return postLinkedinComment(api, author, request.replyTo.remoteId, request.text);
        const images: { id: string; altText: string }[] = [];
        for (const media of request.media) images.push({ id: await uploadLinkedinImage(api, author, media), altText: media.alt });
        const [single] = images;
        const content = images.length > 1 ? { multiImage: { images } } : single === undefined ? undefined : { media: single };
        const reply = await linkedinRequest(api, {
          method: 'POST',
          path: '/rest/posts',
          json: {
            author,
            commentary,
            visibility: 'PUBLIC',
            distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
            ...(content === undefined ? {} : { content }),
            lifecycleState: 'PUBLISHED',
            isReshareDisabledByAuthor: false,
          },
          creates: true,
          accept: (answer) => duplicateOf(answer) !== undefined,
        });
        const duplicate = duplicateOf(reply);
        if (duplicate !== undefined) {
          const earlier = await findLinkedinPost(api, author, commentary, request.jobCreatedAt);
          if (earlier.kind === 'found') return { remoteId: earlier.remoteId, url: earlier.url, scheduledRemotely: false, recovered: true };
          // Cannot read the author's posts: trust the post LinkedIn itself names.
          if (earlier.kind === 'unknown' && duplicate !== '') return { remoteId: duplicate, url: linkedinPostUrl(duplicate), scheduledRemotely: false, recovered: true };
          return fail(linkedinError(reply, env.clock.now()));
        }
        const urn = reply.headers.get('x-restli-id') ?? reply.headers.get('x-linkedin-id');
        if (urn === null || !urn.startsWith('urn:li:')) {
          return fail({ kind: 'retryable', status: reply.status, networkMessage: 'LinkedIn created the post without naming it (no x-restli-id)', outcomeUnknown: true });
        }
        return { remoteId: urn, url: linkedinPostUrl(urn), scheduledRemotely: false };
      }),
    lookup: (input) =>
      toOutcome(async () => {
        const request = parseRequest(LookupRequest, input);
        const { api, author, commentary } = prepare(env, options, request);
        if (request.replyTo !== undefined) return findLinkedinComment(api, author, request.replyTo.remoteId, request.text);
        return findLinkedinPost(api, author, commentary, request.jobCreatedAt);
      }),
  };
}
