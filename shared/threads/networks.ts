import type { Network } from '../posts/networks';

/** The networks where a post may go out as a reply chain. */
export const threadNetworks = ['x', 'bluesky', 'mastodon', 'threads'] as const satisfies readonly Network[];
export type ThreadNetwork = (typeof threadNetworks)[number];

export const isThreadNetwork = (network: Network): network is ThreadNetwork =>
  (threadNetworks as readonly Network[]).includes(network);

/** The networks where a first comment can follow the post (LinkedIn comment, X or Bluesky reply). */
export const firstCommentNetworks = ['linkedin', 'x', 'bluesky'] as const satisfies readonly Network[];
export type FirstCommentNetwork = (typeof firstCommentNetworks)[number];

export const isFirstCommentNetwork = (network: Network): network is FirstCommentNetwork =>
  (firstCommentNetworks as readonly Network[]).includes(network);
