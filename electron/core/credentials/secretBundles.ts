import { z } from 'zod';

/** Tokens of an OAuth account; Mastodon also keeps the app Plume registered on the instance. */
export const OAuthSecret = z.object({
  kind: z.literal('oauth'),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
});
export type OAuthSecret = z.infer<typeof OAuthSecret>;

export const BlueskySession = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  did: z.string().min(1),
  handle: z.string(),
  active: z.boolean().default(true),
});
export type BlueskySession = z.infer<typeof BlueskySession>;

/** The app password (to sign in again) and the current session (to avoid doing so). */
export const BlueskySecret = z.object({
  kind: z.literal('bluesky'),
  /** What the user signed in with (handle or e-mail): not a secret, kept with the password. */
  identifier: z.string().min(1),
  appPassword: z.string().min(1),
  session: BlueskySession.optional(),
});
export type BlueskySecret = z.infer<typeof BlueskySecret>;

export const AccountSecret = z.discriminatedUnion('kind', [OAuthSecret, BlueskySecret]);
export type AccountSecret = z.infer<typeof AccountSecret>;

/** The user's own app on a network. */
export const AppClientSecret = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
});
export type AppClientSecret = z.infer<typeof AppClientSecret>;

export const MailSecret = z.object({ password: z.string().min(1) });
export type MailSecret = z.infer<typeof MailSecret>;
