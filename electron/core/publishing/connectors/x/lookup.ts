import type { LookupResult } from '../../../../../shared/publishing/port';
import { parseReply } from '../http/parseReply';
import { lookupSince } from '../lookupWindow';
import { xRequest } from './api';
import type { XApi } from './api';
import { Me, UserTweets } from './schemas';
import { tweetMatches } from './tweetText';

export const xPostUrl = (handle: string, id: string): string => `https://x.com/${handle.replace(/^@/u, '')}/status/${id}`;

/** X wants RFC 3339 without fractional seconds in start_time. */
const rfc3339 = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * X API v2 has no idempotency key, and Plume adds no marker to approved text, so a post is
 * recognised by its author, its text (see tweetMatches) and a creation time no earlier than
 * the job: GET /2/users/me, then GET /2/users/:id/tweets?start_time=… (own posts, no
 * replies or reposts).
 */
export async function findXPost(api: XApi, text: string, jobCreatedAt: number): Promise<LookupResult> {
  const me = parseReply(await xRequest(api, { method: 'GET', path: '/2/users/me' }), Me, 'GET /2/users/me');
  const reply = await xRequest(api, {
    method: 'GET',
    path: `/2/users/${encodeURIComponent(me.data.id)}/tweets`,
    query: {
      max_results: '20',
      start_time: rfc3339(lookupSince(jobCreatedAt)),
      exclude: 'replies,retweets',
      'tweet.fields': 'created_at,entities,note_tweet',
    },
  });
  const tweets = parseReply(reply, UserTweets, 'GET /2/users/:id/tweets').data ?? [];
  const match = tweets.find((tweet) => tweetMatches(text, tweet));
  return match === undefined ? { kind: 'notFound' } : { kind: 'found', remoteId: match.id, url: xPostUrl(me.data.username, match.id), scheduledRemotely: false };
}
