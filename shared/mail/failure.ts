import { z } from 'zod';

/**
 * Why an email (sign-off request, reminder, partner digest) has not left, in terms the UI
 * translates: never a library's or the operating system's raw error (that one goes to
 * plume.log). Stored in the outbox's `last_error` as `mail:` + JSON, read back with
 * `decodeMailFailure`.
 *
 * offline: the machine has no network (no attempt used, the email waits);
 * hostNotFound: the server's name does not resolve while the machine is online (a typo in the settings);
 * refused: the server's machine answers but refuses the port (wrong port, or the service is down);
 * timeout: no answer in time; dropped: the connection was cut midway (both use an attempt: the
 *   machine is online, or the failure would read offline);
 * tls / auth: the encrypted connection or the login failed;
 * rejected / retryLater: the server's own reply (5xx / 4xx), kept in `response`;
 * notConfigured / passwordMissing / keychain: nothing to send with; unknown: see the log.
 */
export const mailFailureReasons = [
  'offline',
  'hostNotFound',
  'refused',
  'timeout',
  'dropped',
  'tls',
  'auth',
  'rejected',
  'retryLater',
  'notConfigured',
  'passwordMissing',
  'keychain',
  'unknown',
] as const;
export const MailFailureReason = z.enum(mailFailureReasons);
export type MailFailureReason = z.infer<typeof MailFailureReason>;

export const MailServerKind = z.enum(['smtp', 'imap']);
export type MailServerKind = z.infer<typeof MailServerKind>;

export const MailFailure = z
  .object({
    reason: MailFailureReason,
    server: MailServerKind.optional(),
    host: z.string().max(300).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    /** The mail server's own reply (an SMTP 4xx/5xx line), when it gave one. */
    response: z.string().max(500).optional(),
  })
  .strict();
export type MailFailure = z.infer<typeof MailFailure>;

const PREFIX = 'mail:';

export function encodeMailFailure(failure: MailFailure): string {
  return PREFIX + JSON.stringify(failure);
}

/** Strings stored before failures were encoded, and the handlers' own fixed words. */
const LEGACY: Record<string, MailFailureReason> = {
  'mail account not configured': 'notConfigured',
  'mail password missing': 'passwordMissing',
  'keychain unavailable': 'keychain',
};

/**
 * The failure an outbox job's `last_error` records, null when it has none. Anything that is
 * not an encoded failure (an older row, an exception's message) is `unknown`, except an SMTP
 * reply stored as is by older versions, which keeps the server's words.
 */
export function decodeMailFailure(stored: string | null): MailFailure | null {
  if (stored === null) return null;
  if (stored.startsWith(PREFIX)) {
    try {
      const parsed = MailFailure.safeParse(JSON.parse(stored.slice(PREFIX.length)));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: falls through to unknown.
    }
    return { reason: 'unknown' };
  }
  const legacy = LEGACY[stored];
  if (legacy !== undefined) return { reason: legacy };
  const reply = /^([45])\d\d[ -]/.exec(stored);
  if (reply) return { reason: reply[1] === '5' ? 'rejected' : 'retryLater', response: stored.slice(0, 500) };
  return { reason: 'unknown' };
}

/** The failure's fields as translation parameters (`reason` included, for nested messages). */
export function mailFailureParams(failure: MailFailure): Record<string, string | number> {
  const params: Record<string, string | number> = { reason: failure.reason };
  if (failure.server !== undefined) params.server = failure.server.toUpperCase();
  if (failure.host !== undefined) params.host = failure.host;
  if (failure.port !== undefined) params.port = failure.port;
  if (failure.response !== undefined) params.response = failure.response;
  return params;
}
