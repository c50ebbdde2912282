import type { Figures } from '../../../../shared/engagement/figures';
import type { ApiNetwork, PublishAccount, PublishCredentials } from '../../../../shared/publishing/port';

/** What the reading job hands a network's reader: the post on the network and the account's access. */
export interface ReadRequest {
  network: ApiNetwork;
  /** The publication's remote id (Mastodon status id, Bluesky at:// URI, LinkedIn post URN, X post id). */
  remoteId: string;
  account: PublishAccount;
  credentials: PublishCredentials;
  /** The OAuth scopes the account was granted; null or absent when the network did not say. */
  grantedScopes?: readonly string[] | null;
}

/**
 * figures: what the network gave (partial when it left some out); deleted: it no longer has the
 * post. postAnalytics (LinkedIn): 'refused' when the account's analytics scope was refused (403).
 */
export type ReadResult = { kind: 'figures'; figures: Figures; postAnalytics?: 'read' | 'refused' } | { kind: 'deleted'; message: string };
