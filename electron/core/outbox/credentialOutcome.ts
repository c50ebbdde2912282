import type { CredentialErrorCode } from '../../../shared/credentials/errors';
import type { JobOutcome } from './handler';

/**
 * What a job does when an account's credentials could not be used for a reason that passes:
 * keychain locked or network down (wait, no attempt spent), server error or rate limit (retry).
 * Null for a refusal the job must handle itself (revoked token, account gone…).
 */
export function passingCredentialOutcome(code: CredentialErrorCode): JobOutcome | null {
  switch (code) {
    case 'keychain_unavailable':
    case 'network_unreachable':
      return { outcome: 'unreachable', error: code };
    case 'server_error':
    case 'rate_limited':
      return { outcome: 'retry', error: code };
    default:
      return null;
  }
}
