import { z } from 'zod';
import type { Network } from '../posts/networks';

/** Networks connected through OAuth 2.0 in the system browser (RFC 8252 native-app flow). */
export const oauthNetworks = ['linkedin', 'x', 'mastodon', 'facebook', 'instagram', 'threads'] as const satisfies readonly Network[];
export const OAuthNetwork = z.enum(oauthNetworks);
export type OAuthNetwork = z.infer<typeof OAuthNetwork>;

/**
 * OAuth networks where the user registers their own app once (client id, optional secret).
 * Mastodon is absent: Plume registers itself on each instance (POST /api/v1/apps).
 */
export const appNetworks = ['linkedin', 'x', 'facebook', 'instagram', 'threads'] as const satisfies readonly OAuthNetwork[];
export const AppNetwork = z.enum(appNetworks);
export type AppNetwork = z.infer<typeof AppNetwork>;

export const isAppNetwork = (network: string): network is AppNetwork => (appNetworks as readonly string[]).includes(network);
