import { mailComposer, nodemailer } from './libraries';
import { z } from 'zod';
import { encodeMailFailure } from '../../../shared/mail/failure';
import { classifyMailError, describeError } from './networkErrors';
import type { ClassifiedMailError } from './networkErrors';
import { smtpTimeouts } from './settings';
import type { MailSettings } from './settings';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  /** BCP 47 tag of the message's language (Content-Language). */
  language: string;
  /** Images shown inside the HTML part through `cid:` (nodemailer puts them in multipart/related). */
  attachments?: { cid: string; filename: string; content: Buffer; contentType: string }[] | undefined;
}

export type SendOutcome =
  | { outcome: 'sent'; messageId: string; response: string; /** The exact bytes sent (kept as the record's .eml). */ raw: Buffer }
  /** Not sent: why, for the outbox and the UI, and the library's own words for the log. */
  | { outcome: 'notSent'; why: ClassifiedMailError; detail: string };

/** What nodemailer's SMTP transport reports back: the server's reply, parsed before use. */
const SentInfo = z.object({
  messageId: z.string(),
  accepted: z.array(z.unknown()),
  rejected: z.array(z.unknown()),
  response: z.string(),
});

const securityOptions = (security: MailSettings['smtp']['security']) =>
  security === 'tls'
    ? { secure: true }
    : security === 'starttls'
      ? { secure: false, requireTLS: true }
      : { secure: false, ignoreTLS: true };

/** The message as sent; also what is filed in the Sent mailbox. */
const messageOptions = (settings: MailSettings, mail: OutgoingMail) => ({
  from: { name: settings.fromName, address: settings.fromAddress },
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  messageId: mail.messageId,
  date: mail.date,
  ...(mail.inReplyTo !== undefined ? { inReplyTo: mail.inReplyTo } : {}),
  ...(mail.references !== undefined ? { references: mail.references } : {}),
  headers: { 'Content-Language': mail.language },
  ...(mail.attachments !== undefined && mail.attachments.length > 0 ? { attachments: mail.attachments.map((a) => ({ ...a, contentDisposition: 'inline' as const })) } : {}),
  // CRLF, as on the wire: the kept bytes are the bytes the server received.
  newline: 'windows' as const,
});

/** The RFC 822 bytes of a message, built as nodemailer builds it for SMTP. */
export async function composeRaw(settings: MailSettings, mail: OutgoingMail): Promise<Buffer> {
  const MailComposer = await mailComposer();
  return new MailComposer(messageOptions(settings, mail)).compile().build();
}

/**
 * Sends one message through the workstation's SMTP account (nodemailer builds the MIME:
 * multipart/alternative with text/plain and text/html). The SMTP reply decides: 4xx is worth
 * retrying, 5xx and a refused login are permanent and keep the server's own words. `online`:
 * whether the machine is otherwise online, which makes a name that does not resolve a wrong
 * name rather than an outage (`classifyMailError`).
 */
export async function sendMail(settings: MailSettings, password: string, mail: OutgoingMail, online: boolean): Promise<SendOutcome> {
  const { createTransport } = await nodemailer();
  const timeouts = settings.timeoutsMs ?? smtpTimeouts;
  const transport = createTransport({
    host: settings.smtp.host,
    port: settings.smtp.port,
    ...securityOptions(settings.smtp.security),
    auth: { user: settings.username, pass: password },
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    connectionTimeout: timeouts.connect,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
  });
  try {
    // Built first, then sent as is: the bytes kept as the record (and filed in Sent) are the bytes that left.
    const message = await composeRaw(settings, mail);
    const raw: unknown = await transport.sendMail({ envelope: { from: settings.fromAddress, to: [mail.to] }, raw: message });
    const info = SentInfo.parse(raw);
    if (info.accepted.length === 0) {
      const response = info.response.slice(0, 500);
      return { outcome: 'notSent', why: { failure: { reason: 'rejected', server: 'smtp', response }, waits: false }, detail: response };
    }
    return { outcome: 'sent', messageId: mail.messageId, response: info.response.slice(0, 500), raw: message };
  } catch (error) {
    return { outcome: 'notSent', why: classifyMailError(error, { server: 'smtp', host: settings.smtp.host, port: settings.smtp.port }, online), detail: describeError(error) };
  } finally {
    transport.close();
  }
}

/** Failures that no later try can fix without the user: the server's 5xx, a refused login. */
const PERMANENT = new Set(['rejected', 'auth']);

/**
 * The outbox's outcome for a mail that did not leave: offline waits without using an
 * attempt; a wrong name or port, a server that does not answer or cuts the line while the
 * machine is online, and the server's 4xx use one (the job fails after the outbox's limit);
 * a 5xx or a refused login fail at once.
 */
export function outboxOutcome({ failure, waits }: ClassifiedMailError, detail: string): { outcome: 'unreachable' | 'retry' | 'failed'; error: string; detail: string } {
  const error = encodeMailFailure(failure);
  if (waits) return { outcome: 'unreachable', error, detail };
  return { outcome: PERMANENT.has(failure.reason) ? 'failed' : 'retry', error, detail };
}
