import { ApiError } from '../../../shared/api/errors';
import type { ErrorCode } from '../../../shared/api/errors';
import { credentialMessageKey } from '../../../shared/credentials/errors';
import type { CredentialErrorCode } from '../../../shared/credentials/errors';
import { KeychainUnavailableError } from './keychain';

/**
 * A credential operation that did not succeed, for a reason the user can act on. Its message
 * is a fixed English sentence: nothing from a network reply or a library error (which could
 * echo a token) is ever copied into it.
 */
export class CredentialFailure extends Error {
  constructor(readonly code: CredentialErrorCode) {
    super(`Credential operation failed: ${code}`);
    this.name = 'CredentialFailure';
  }
}

/** A fetch that never got an HTTP answer: DNS, refused, reset, timed out, aborted. */
const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Walks `cause` chains (fetch wraps the socket error in a TypeError). */
export function isUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof Error && (current.name === 'TimeoutError' || current.name === 'AbortError')) return true;
    const code = errorCode(current);
    if (code !== undefined && OFFLINE_CODES.has(code)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

/**
 * fetch refuses, before any connection, the ports browsers block (https://fetch.spec.whatwg.org/#port-blocking:
 * 9, 25, 6000…): undici then fails with a cause whose message is exactly « bad port ».
 */
export function isRefusedPort(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (current.message === 'bad port') return true;
    current = current.cause;
  }
  return false;
}

/** Codes of an answer that came but is no HTTP (an SMTP port…), or of a TLS certificate refused. */
const notHttpAnswer = (code: string): boolean =>
  code.startsWith('HPE_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.startsWith('UNABLE_TO_') || code.includes('CERT') || code === 'UND_ERR_HEADERS_OVERFLOW';

/**
 * Why a fetch threw (it throws only when no usable HTTP answer came): a port fetch refuses, an
 * answer that is not HTTP or a refused certificate (unexpected), else the connection failed.
 */
export function fetchFailureCode(error: unknown): CredentialErrorCode {
  if (isRefusedPort(error)) return 'port_refused';
  if (isUnreachable(error)) return 'network_unreachable';
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth += 1) {
    const code = errorCode(current);
    if (code !== undefined && notHttpAnswer(code)) return 'unexpected_response';
    current = current instanceof Error ? current.cause : undefined;
  }
  return 'network_unreachable';
}

/** The credential code for any failure; unknown ones count as an unexpected reply. */
export function failureCode(error: unknown): CredentialErrorCode {
  if (error instanceof CredentialFailure) return error.code;
  if (error instanceof KeychainUnavailableError) return 'keychain_unavailable';
  if (isRefusedPort(error)) return 'port_refused';
  if (isUnreachable(error)) return 'network_unreachable';
  return 'unexpected_response';
}

const apiCodeFor: Partial<Record<CredentialErrorCode, ErrorCode>> = {
  keychain_unavailable: 'unavailable',
  network_unreachable: 'unavailable',
  server_error: 'unavailable',
  rate_limited: 'unavailable',
  account_not_found: 'not_found',
  oauth_flow_not_found: 'not_found',
  mail_not_configured: 'not_found',
  mail_password_required: 'validation',
  instance_invalid: 'validation',
  instance_not_mastodon: 'validation',
  port_refused: 'validation',
};

/** The contract's error for a credential code: `accounts.errors.<code>`, no secret inside. */
export function credentialError(code: CredentialErrorCode): ApiError {
  return new ApiError({
    code: apiCodeFor[code] ?? 'forbidden',
    messageKey: credentialMessageKey(code),
    message: `Credential operation failed: ${code}`,
    details: { credentialCode: code },
  });
}
