import type { Network } from '../posts/networks';
import type { SignoffContent } from './revisionHash';

/** What a post must offer to say what each network will receive. */
export interface PostTexts {
  networks: readonly Network[];
  plainText: string;
}

/**
 * Each target network's final text: the one place that decides it. For now every network
 * receives the post's plain text; per-network variants will be chosen here.
 */
export function finalTexts(post: PostTexts): Partial<Record<Network, string>> {
  return Object.fromEntries(post.networks.map((network) => [network, post.plainText]));
}

/** What a sign-off approves for this post: each network's text, the images and the target accounts. */
export function signoffContentOf(
  post: PostTexts,
  attachments: Pick<SignoffContent, 'media' | 'accounts'> = { media: [], accounts: {} },
): SignoffContent {
  return { texts: finalTexts(post), media: attachments.media, accounts: attachments.accounts };
}
