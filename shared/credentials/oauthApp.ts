import { z } from 'zod';
import { AppNetwork } from './networks';

/** The user's own app registration on a network, entered once; the secret goes to the keychain. */
export const OAuthAppInput = z
  .object({
    network: AppNetwork,
    clientId: z.string().trim().min(1, { message: 'errors.required' }).max(300, { message: 'errors.tooLong' }),
    /** Omitted: keep the stored secret (if any). Public clients (X native apps) have none. */
    clientSecret: z.string().min(1, { message: 'errors.required' }).max(500, { message: 'errors.tooLong' }).optional(),
    clearSecret: z.boolean().default(false),
    /** For networks that only accept an exactly registered redirect URI; null = random port. */
    redirectPort: z.number().int().min(1024).max(65535).nullable().default(null),
    /** LinkedIn: the app has the Member Post Analytics product, so sign-ins also ask r_member_postAnalytics. */
    postAnalytics: z.boolean().default(false),
  })
  .strict();
export type OAuthAppInput = z.input<typeof OAuthAppInput>;

export const OAuthApp = z.object({
  network: AppNetwork,
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  redirectPort: z.number().int().nullable(),
  postAnalytics: z.boolean(),
  /** The redirect URI to register in the network's developer console. */
  redirectUri: z.string(),
  updatedAt: z.number().int(),
});
export type OAuthApp = z.infer<typeof OAuthApp>;
