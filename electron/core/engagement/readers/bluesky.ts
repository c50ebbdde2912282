import { z } from 'zod';
import type { Outcome } from '../../../../shared/publishing/port';
import { DEFAULT_BLUESKY_SERVICE } from '../../publishing/connectors/bluesky/connector';
import { blueskyError } from '../../publishing/connectors/bluesky/errors';
import { signIn } from '../../publishing/connectors/bluesky/session';
import type { BlueskySignIn } from '../../publishing/connectors/bluesky/session';
import { toOutcome } from '../../publishing/connectors/http/outcome';
import { fail, invalidRequest } from '../../publishing/connectors/http/publishFailure';
import { serviceUrl } from '../../publishing/connectors/http/serviceUrl';
import type { ConnectorEnvironment } from '../../publishing/connectors/port';
import type { ReadRequest, ReadResult } from './port';
import { givenFigures } from '../../../../shared/engagement/figures';

const count = z.number().int().nonnegative().optional();
/** app.bsky.feed.getPosts: a post the AppView no longer has is simply absent from `posts`. */
const Posts = z.object({
  posts: z.array(z.object({ uri: z.string(), likeCount: count, repostCount: count, replyCount: count, quoteCount: count })),
});

/** Signed in as the account (stored session first), app.bsky.feed.getPosts for the post's at:// URI. */
export async function readBluesky(env: ConnectorEnvironment, service: string | undefined, request: ReadRequest): Promise<Outcome<ReadResult>> {
  if (request.network !== 'bluesky') return { ok: false, error: { kind: 'permanent', status: 0, networkMessage: 'Not a Bluesky post' } };
  let session: BlueskySignIn | undefined;
  const outcome = await toOutcome(async (): Promise<ReadResult> => {
    if (!request.remoteId.startsWith('at://')) return invalidRequest('A Bluesky post id is an at:// URI');
    session = await signIn(env, serviceUrl(request.account.instanceUrl ?? service ?? DEFAULT_BLUESKY_SERVICE, 'Bluesky service URL'), request.credentials);
    let data: unknown;
    try {
      data = (await session.agent.app.bsky.feed.getPosts({ uris: [request.remoteId] })).data;
    } catch (error) {
      const classified = blueskyError(error, env.clock.now(), false);
      if (classified === undefined) throw error;
      return fail(classified);
    }
    const parsed = Posts.safeParse(data);
    if (!parsed.success) return fail({ kind: 'retryable', status: 200, networkMessage: 'Unexpected reply to app.bsky.feed.getPosts' });
    const post = parsed.data.posts.find((item) => item.uri === request.remoteId);
    if (post === undefined) return { kind: 'deleted', message: 'Bluesky no longer has this post' };
    return {
      kind: 'figures',
      figures: givenFigures({ likes: post.likeCount, reposts: post.repostCount, replies: post.replyCount, quotes: post.quoteCount }),
    };
  });
  const rotated = session?.rotated();
  return rotated === undefined ? outcome : { ...outcome, session: rotated };
}
