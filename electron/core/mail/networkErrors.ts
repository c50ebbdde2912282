import { z } from 'zod';
import type { MailFailure, MailServerKind } from '../../../shared/mail/failure';

/** The fields mail libraries put on their errors; parsed, since an error is a boundary too. */
export const MailErrorShape = z.object({
  code: z.string().optional(),
  /** nodemailer wraps socket and DNS errors (ESOCKET, EDNS) and keeps the system's code here. */
  originalCode: z.string().optional(),
  responseCode: z.number().int().optional(),
  response: z.string().optional(),
  message: z.string().optional(),
  authenticationFailed: z.boolean().optional(),
  serverResponseCode: z.string().optional(),
  responseText: z.string().optional(),
  cause: z.unknown().optional(),
});
export type MailErrorShape = z.infer<typeof MailErrorShape>;

export function errorShape(error: unknown): MailErrorShape {
  const parsed = MailErrorShape.safeParse(error);
  return parsed.success ? parsed.data : {};
}

/**
 * Where a connection failure puts the fault.
 * - offline: this machine has no way out now (no route, network down, the DNS resolver
 *   itself not answering: EAI_AGAIN is getaddrinfo's "try again");
 * - hostNotFound: the resolver answered that the name does not exist (ENOTFOUND, getaddrinfo's
 *   EAI_NONAME): a wrong name in the settings — unless the machine is in fact offline, which
 *   the caller decides (macOS answers ENOTFOUND for every name with the network off);
 * - refused: the host answered and refused the port (ECONNREFUSED): wrong port, or no mail
 *   service there;
 * - timeout: no answer in time; dropped: the connection was cut midway.
 */
export type ConnectionFault = 'offline' | 'hostNotFound' | 'refused' | 'timeout' | 'dropped';

const FAULTS: Record<string, ConnectionFault> = {
  EAI_AGAIN: 'offline',
  ENETUNREACH: 'offline',
  ENETDOWN: 'offline',
  EHOSTUNREACH: 'offline',
  EHOSTDOWN: 'offline',
  ENOTFOUND: 'hostNotFound',
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ETIMEOUT: 'timeout',
  CONNECT_TIMEOUT: 'timeout',
  GREETING_TIMEOUT: 'timeout',
  ECONNRESET: 'dropped',
  EPIPE: 'dropped',
  NoConnection: 'dropped',
  // nodemailer's wrappers, when they come without the system's code.
  ECONNECTION: 'dropped',
  ESOCKET: 'dropped',
  EDNS: 'offline',
};

/**
 * The codes an error carries, the most specific first, then its causes'. nodemailer's wrapper
 * (ESOCKET, EDNS) counts only without the system's code under it: a TLS handshake error
 * wrapped as ESOCKET is a TLS error, not a dropped line.
 */
function codes(error: unknown, depth = 0): string[] {
  const shape = errorShape(error);
  const own = shape.originalCode ?? shape.code;
  const mine = own === undefined ? [] : [own];
  return depth < 3 && shape.cause !== undefined ? [...mine, ...codes(shape.cause, depth + 1)] : mine;
}

/** The system's code under a library's wrapper, or the error's own. */
export const systemCode = (error: unknown): string | undefined => codes(error)[0];

/** The connection fault an error reports, null when it is no connection failure (a server's reply, TLS, a bug). */
export function connectionFault(error: unknown): ConnectionFault | null {
  for (const code of codes(error)) {
    const fault = FAULTS[code];
    if (fault !== undefined) return fault;
  }
  return null;
}

/** The server could not be reached, whatever the reason (the status bar's "mail server unreachable"). */
export function isUnreachable(error: unknown): boolean {
  return connectionFault(error) !== null;
}

export interface MailEndpoint {
  server: MailServerKind;
  host: string;
  port: number;
}

export interface ClassifiedMailError {
  failure: MailFailure;
  /**
   * Wait for the network without using an attempt (offline);
   * false: a fault the settings or the server must fix, which counts as an attempt.
   */
  waits: boolean;
}

const TLS_CODES = new Set(['ETLS', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/**
 * An SMTP or IMAP error as the outbox and the UI need it. `online`: whether the machine is
 * otherwise online (the UI's report, or the other mail server answering); a name that does
 * not resolve, a refused port, a silent server or a cut line is then the settings' or the
 * server's fault, and uses an attempt — offline, any connection fault waits.
 */
export function classifyMailError(error: unknown, endpoint: MailEndpoint, online: boolean): ClassifiedMailError {
  const { server, host, port } = endpoint;
  const shape = errorShape(error);
  const fault = connectionFault(error);
  if (fault === 'offline' || (!online && fault !== null)) return { failure: { reason: 'offline', server }, waits: true };
  if (fault === 'hostNotFound') return { failure: { reason: 'hostNotFound', server, host }, waits: false };
  if (fault === 'refused') return { failure: { reason: 'refused', server, host, port }, waits: false };
  // Online, a server that stays silent or cuts the line uses attempts too: a firewall that
  // drops the port without a word would otherwise keep the email waiting for ever.
  if (fault === 'timeout') return { failure: { reason: 'timeout', server, host, port }, waits: false };
  if (fault === 'dropped') return { failure: { reason: 'dropped', server, host }, waits: false };
  const response = (shape.response ?? shape.responseText)?.slice(0, 500);
  if (shape.code === 'EAUTH' || shape.authenticationFailed === true) {
    return { failure: { reason: 'auth', server, ...(response === undefined ? {} : { response }) }, waits: false };
  }
  const code = systemCode(error);
  if ((code !== undefined && TLS_CODES.has(code)) || (shape.code !== undefined && TLS_CODES.has(shape.code))) return { failure: { reason: 'tls', server, host, port }, waits: false };
  if (shape.responseCode !== undefined) {
    const words = (response ?? shape.message ?? String(shape.responseCode)).slice(0, 500);
    return { failure: { reason: shape.responseCode >= 500 ? 'rejected' : 'retryLater', server, response: words }, waits: false };
  }
  return { failure: { reason: 'unknown', server }, waits: false };
}

/** One line for logs: the remote's own words and the system's code, never a secret. */
export function describeError(error: unknown): string {
  const shape = errorShape(error);
  const text = shape.response ?? shape.responseText ?? shape.message ?? 'unknown error';
  return [shape.code, text].filter((part) => part !== undefined && part !== '').join(': ').slice(0, 500);
}
