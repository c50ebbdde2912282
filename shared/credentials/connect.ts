import { z } from 'zod';
import { Locale, PartnerId } from '../partners/schema';
import { Account, AccountId } from './account';
import { CredentialErrorCode } from './errors';
import { OAuthNetwork } from './networks';

/** An http(s) address; `invalid` names the message that shows an example for this field. */
const httpUrl = (invalid: string) =>
  z
    .string()
    .trim()
    .max(300, { message: 'errors.tooLong' })
    .pipe(z.url({ protocol: /^https?$/, message: invalid }));

/** Bluesky: handle (or e-mail) and an app password, never the account's main password. */
export const BlueskyConnectInput = z
  .object({
    partnerId: PartnerId,
    identifier: z.string().trim().min(1, { message: 'errors.required' }).max(253, { message: 'errors.tooLong' }),
    appPassword: z.string().min(1, { message: 'errors.required' }).max(200, { message: 'errors.tooLong' }),
    /** The PDS (or entryway) to sign in at; bsky.social by default. */
    service: httpUrl('accountForms.errors.blueskyService').optional(),
    /** Re-authenticates this account instead of adding one. */
    accountId: AccountId.optional(),
  })
  .strict();
export type BlueskyConnectInput = z.input<typeof BlueskyConnectInput>;
export type BlueskyConnectFields = z.output<typeof BlueskyConnectInput>;

export const StartOAuthInput = z
  .object({
    partnerId: PartnerId,
    network: OAuthNetwork,
    /** Mastodon only: the instance, e.g. https://mastodon.social. */
    instanceUrl: httpUrl('accountForms.errors.mastodonInstance').optional(),
    /** Re-authenticates this account instead of adding one. */
    accountId: AccountId.optional(),
    /** Facebook only: which of the user's Pages to connect (the first one otherwise). */
    facebookPageId: z.string().regex(/^\d{1,32}$/, { message: 'errors.invalid' }).optional(),
    /** The interface's language: the browser tab the sign-in ends on speaks it (French otherwise). */
    language: Locale.optional(),
  })
  .strict()
  .refine((input) => input.network !== 'mastodon' || input.instanceUrl !== undefined, {
    path: ['instanceUrl'],
    message: 'errors.required',
  });
export type StartOAuthInput = z.input<typeof StartOAuthInput>;
export type StartOAuthFields = z.output<typeof StartOAuthInput>;

export const OAuthFlowId = z.uuid();

/** The UI opens `authorizationUrl` in the system browser; the network redirects to `redirectUri`. */
export const OAuthStart = z.object({
  flowId: OAuthFlowId,
  authorizationUrl: z.string(),
  redirectUri: z.string(),
  expiresAt: z.number().int(),
});
export type OAuthStart = z.infer<typeof OAuthStart>;

export const AwaitOAuthInput = z
  .object({
    flowId: OAuthFlowId,
    /** Long poll: answer `pending` after this long (kept under HTTP request time-outs). */
    waitMs: z.number().int().min(0).max(60_000).default(25_000),
  })
  .strict();

export const OAuthFlowState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), flowId: OAuthFlowId, expiresAt: z.number().int() }),
  z.object({ status: z.literal('connected'), flowId: OAuthFlowId, account: Account }),
  z.object({ status: z.literal('failed'), flowId: OAuthFlowId, code: CredentialErrorCode, messageKey: z.string() }),
]);
export type OAuthFlowState = z.infer<typeof OAuthFlowState>;
