import type { Network } from '../posts/networks';
import type { SignoffContent } from './revisionHash';

/** What a post must offer to say what each network will receive. */
export interface PostTexts {
  networks: readonly Network[];
  plainText: string;
  /** Per-network versions (shared/posts/versions.ts): a network with one receives it. */
  versions?: Partial<Record<Network, { plainText: string }>>;
}

/**
 * Each target network's final text: the one place that decides it. A network receives its own
 * version when it has one, else the post's common plain text.
 */
export function finalTexts(post: PostTexts): Partial<Record<Network, string>> {
  return Object.fromEntries(post.networks.map((network) => [network, post.versions?.[network]?.plainText ?? post.plainText]));
}

/** What a sign-off approves for this post: each network's text, the images and the target accounts. */
export function signoffContentOf(
  post: PostTexts,
  attachments: Pick<SignoffContent, 'media' | 'accounts'> = { media: [], accounts: {} },
): SignoffContent {
  return { texts: finalTexts(post), media: attachments.media, accounts: attachments.accounts };
}
