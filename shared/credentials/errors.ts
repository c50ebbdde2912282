import { z } from 'zod';

/**
 * Why a credential operation did not succeed. Each code has a translated text under
 * `accounts.errors.<code>` (renderer/src/accounts/messages.ts); none ever carries a secret.
 */
export const credentialErrorCodes = [
  'keychain_unavailable',
  'secret_missing',
  'wrong_password',
  'token_revoked',
  'token_expired',
  'reauth_required',
  'network_unreachable',
  'server_error',
  'rate_limited',
  'unexpected_response',
  'oauth_app_missing',
  'oauth_client_rejected',
  'oauth_denied',
  'oauth_state_mismatch',
  'oauth_timeout',
  'oauth_cancelled',
  'oauth_failed',
  'oauth_flow_not_found',
  'oauth_port_unavailable',
  'instance_invalid',
  'instance_not_mastodon',
  'port_refused',
  'account_not_found',
  'facebook_no_page',
  'mail_not_configured',
  'mail_password_required',
  'tls_failed',
  'mail_host_not_found',
  'mail_connection_refused',
] as const;
export const CredentialErrorCode = z.enum(credentialErrorCodes);
export type CredentialErrorCode = z.infer<typeof CredentialErrorCode>;

export const credentialMessageKey = (code: CredentialErrorCode): string => `accounts.errors.${code}`;
