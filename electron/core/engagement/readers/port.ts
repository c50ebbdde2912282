import type { Figures } from '../../../../shared/engagement/figures';
import type { ApiNetwork, PublishAccount, PublishCredentials } from '../../../../shared/publishing/port';

/** What the reading job hands a network's reader: the post on the network and the account's access. */
export interface ReadRequest {
  network: ApiNetwork;
  /** The publication's remote id (Mastodon status id, Bluesky at:// URI, LinkedIn post URN, X post id). */
  remoteId: string;
  account: PublishAccount;
  credentials: PublishCredentials;
}

/** figures: what the network gave (partial when it left some out); deleted: it no longer has the post. */
export type ReadResult = { kind: 'figures'; figures: Figures } | { kind: 'deleted'; message: string };
