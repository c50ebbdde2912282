import type { EndpointOverrides } from './oauth/endpoints';

export interface CredentialsOptions {
  /** Replacement OAuth/who-am-I URLs per network (tests point them at loopback servers). */
  endpoints?: EndpointOverrides;
  /** How long a sign-in in the browser may take before the loopback listener closes. */
  oauthTimeoutMs?: number;
  /** How often core looks for tokens about to expire; 0 turns the timer off. */
  refreshIntervalMs?: number;
  /** Tokens expiring within this margin are renewed ahead of use. */
  refreshMarginMs?: number;
  /** Where Bluesky accounts sign in when the user names no PDS. */
  blueskyService?: string;
}

export const credentialDefaults = {
  oauthTimeoutMs: 5 * 60_000,
  refreshIntervalMs: 10 * 60_000,
  // Larger than the interval, so a token is renewed by the pass before the one it would expire in.
  refreshMarginMs: 15 * 60_000,
  blueskyService: 'https://bsky.social',
} as const;
