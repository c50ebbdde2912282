import { messageIdsIn } from './messageId';

/** A mail server's report that a message we sent was not delivered (RFC 3464 DSN, or a bounce in its style). */
export interface DeliveryReport {
  /** The addresses it could not be delivered to, lower-cased. */
  recipients: string[];
  /** What the server said (its Diagnostic-Code, else its Status), for the person who must act. */
  diagnostic: string;
  /** Message-IDs of the returned message (its headers come back in the report). */
  originalMessageIds: string[];
}

export interface ReportParts {
  /** The top Content-Type's value and parameters, lower-cased names. */
  contentType: { value: string; params: Record<string, string> } | null;
  from: string[];
  /** X-Failed-Recipients, as Exim and Gmail write it. */
  failedRecipients: string | null;
  /** The text mailparser read (it folds message/delivery-status parts into it). */
  text: string;
  /** Parts it kept as files, with their types: the returned headers or message, delivery-status. */
  files: readonly { contentType: string; content: Buffer }[];
}

const DAEMONS = /^(mailer-daemon|postmaster|mail-daemon|mdaemon)@/i;
const RETURNED = new Set(['text/rfc822-headers', 'message/rfc822', 'message/rfc822-headers', 'message/global', 'message/global-headers']);
const STATUS = new Set(['message/delivery-status', 'message/global-delivery-status']);

/** Each "Name: value" field of the status text, continuation lines unfolded. */
const fields = (text: string, name: string): string[] =>
  [...text.replace(/\r?\n[ \t]+/g, ' ').matchAll(new RegExp(`^${name}\\s*:\\s*(.+)$`, 'gim'))].map((match) => (match[1] ?? '').trim());

/** The header block of a returned message (up to its first blank line). */
const headerBlock = (content: string): string => content.split(/\r?\n\r?\n/)[0] ?? '';

/**
 * The delivery failure a message reports, or null: a multipart/report of report-type
 * delivery-status, or a message from MAILER-DAEMON/postmaster carrying the DSN's fields or
 * X-Failed-Recipients. A report of a delayed or relayed message is not a failure.
 */
export function deliveryReportOf(parts: ReportParts): DeliveryReport | null {
  const isReport = parts.contentType?.value === 'multipart/report' && parts.contentType.params['report-type']?.toLowerCase() === 'delivery-status';
  const statusText = [parts.text, ...parts.files.filter((file) => STATUS.has(file.contentType)).map((file) => file.content.toString('utf8'))].join('\n');
  const fromDaemon = parts.from.some((address) => DAEMONS.test(address));
  const failedActions = fields(statusText, 'action').some((action) => /^failed\b/i.test(action));
  const listed = (parts.failedRecipients ?? '').split(',').map((address) => address.trim().toLowerCase()).filter((address) => address.includes('@'));
  if (!isReport && !(fromDaemon && (failedActions || listed.length > 0))) return null;
  if (!failedActions && listed.length === 0) return null;

  const finals = fields(statusText, 'final-recipient').map((value) => (value.split(';').at(-1) ?? '').trim().replace(/^<|>$/g, '').toLowerCase());
  const recipients = [...new Set([...finals, ...listed])].filter((address) => address.includes('@'));
  const [code] = fields(statusText, 'diagnostic-code');
  const [status] = fields(statusText, 'status');
  const diagnostic = (code?.replace(/^[a-z0-9-]+\s*;\s*/i, '') ?? (status === undefined ? '' : `status ${status}`)).slice(0, 300);
  const returned = parts.files.filter((file) => RETURNED.has(file.contentType)).map((file) => headerBlock(file.content.toString('utf8')));
  // Some servers (qmail) return the original's headers inside the text part itself.
  const originalMessageIds = [...new Set([...returned, parts.text].flatMap((block) => fields(block, 'message-id').flatMap(messageIdsIn)))];
  return { recipients, diagnostic, originalMessageIds };
}
