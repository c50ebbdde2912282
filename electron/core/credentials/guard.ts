import { ApiError } from '../../../shared/api/errors';
import type { Logger } from '../log';
import { CredentialFailure, credentialError, isUnreachable } from './failure';
import { KeychainUnavailableError } from './keychain';

/** Name and stack frames only: the first stack line repeats the message, which a library may fill with a token. */
export function redactedError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return [error.name, ...frames.slice(0, 8)].join('\n');
}

/**
 * Every credential handler runs inside this: known failures become the contract's
 * `accounts.errors.<code>` errors; anything else is logged without its message and reported
 * as internal, so no foreign text (which could hold a secret) reaches a log or the UI.
 */
export function credentialGuard(log: Logger) {
  return async <T>(work: () => Promise<T> | T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof CredentialFailure) throw credentialError(error.code);
      if (error instanceof KeychainUnavailableError) throw credentialError('keychain_unavailable');
      if (isUnreachable(error)) throw credentialError('network_unreachable');
      log.error(`credential operation failed unexpectedly: ${redactedError(error)}`);
      throw new ApiError({ code: 'internal', messageKey: 'errors.internal', message: 'Internal error' });
    }
  };
}
