import type { LookupResult } from '../../../../../shared/publishing/port';
import { sameText } from '../../../../../shared/publishing/sameText';
import { parseReply } from '../http/parseReply';
import { lookupSince } from '../lookupWindow';
import { linkedinRequest } from './api';
import type { LinkedinApi } from './api';
import { linkedinError } from './errors';
import { PostsByAuthor } from './schemas';

export const linkedinPostUrl = (urn: string): string => `https://www.linkedin.com/feed/update/${urn}/`;

/**
 * LinkedIn has no idempotency key and Plume adds no marker to approved text, so a post is
 * recognised by its author, its exact commentary (as we sent it, in little format) and a
 * creation time no earlier than the job: GET /rest/posts?q=author&author=…&sortBy=CREATED
 * (X-RestLi-Method: FINDER). Reading a member's posts needs the r_member_social permission,
 * which LinkedIn grants few apps: without it (403) the answer is `unknown`, not `notFound`.
 */
export async function findLinkedinPost(api: LinkedinApi, author: string, commentary: string, jobCreatedAt: number): Promise<LookupResult> {
  const reply = await linkedinRequest(api, {
    method: 'GET',
    path: '/rest/posts',
    query: { q: 'author', author, count: '20', sortBy: 'CREATED' },
    headers: { 'X-RestLi-Method': 'FINDER' },
    accept: (answer) => answer.status === 403,
  });
  if (reply.status === 403) {
    const refused = linkedinError(reply, api.env.clock.now());
    return { kind: 'unknown', reason: `LinkedIn does not let this app read the author's posts: ${refused.kind === 'offline' ? '' : refused.networkMessage}` };
  }
  const since = lookupSince(jobCreatedAt);
  const { elements } = parseReply(reply, PostsByAuthor, 'GET /rest/posts?q=author');
  const match = elements.find(
    (post) => post.lifecycleState !== 'DRAFT' && (post.createdAt ?? post.publishedAt ?? 0) >= since && sameText(commentary, post.commentary ?? ''),
  );
  return match === undefined ? { kind: 'notFound' } : { kind: 'found', remoteId: match.id, url: linkedinPostUrl(match.id), scheduledRemotely: false };
}
