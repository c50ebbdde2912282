import { mailparser } from './libraries';
import { z } from 'zod';
import { messageIdsIn } from './messageId';
import { isAutomaticSubject } from '../../../shared/signoff/automaticSubjects';
import { deliveryReportOf } from './deliveryReport';
import type { DeliveryReport } from './deliveryReport';

/** What sign-off needs of an incoming message, parsed and checked before anything reads it. */
export interface InboundMessage {
  messageId: string | null;
  /** Every From address, lower-cased (more than one is suspicious and refused by callers). */
  from: string[];
  subject: string;
  /** The text part, or the text mailparser derives from an HTML-only message. */
  text: string;
  /** Message-IDs from In-Reply-To and References. */
  threadIds: string[];
  /** An out-of-office answer, a bounce or a list message: never a decision. */
  automatic: boolean;
  /** Whether it holds any text or HTML part (an opaque S/MIME message holds none). */
  hasText: boolean;
  /** A server's report that a message we sent was not delivered. */
  deliveryReport: DeliveryReport | null;
  /** The charset its text part was written in (a character it cannot hold arrives as "?"), when named. */
  textCharset: string | null;
}

const Address = z.object({ address: z.string().optional() });
const ParsedMail = z.object({
  messageId: z.string().optional(),
  from: z.object({ value: z.array(Address) }).optional(),
  subject: z.string().optional(),
  text: z.string().optional(),
  inReplyTo: z.string().optional(),
  references: z.union([z.string(), z.array(z.string())]).optional(),
  headers: z.instanceof(Map),
  attachments: z.array(z.object({ contentType: z.string(), content: z.instanceof(Buffer) })).default([]),
});

const ContentType = z.object({ value: z.string(), params: z.record(z.string(), z.string()).default({}) });

const StructuredHeader = z.union([z.string(), z.object({ value: z.string() })]);

function headerValue(headers: Map<unknown, unknown>, name: string): string | null {
  const parsed = StructuredHeader.safeParse(headers.get(name));
  if (!parsed.success) return null;
  return (typeof parsed.data === 'string' ? parsed.data : parsed.data.value).trim().toLowerCase();
}

/**
 * RFC 3834 Auto-Submitted, the usual vendor headers, Precedence, delivery reports, and the
 * out-of-office subjects of clients that send no such header. Not X-Auto-Response-Suppress:
 * Exchange puts it on ordinary mail a person writes (it asks *others* not to auto-answer).
 */
function isAutomatic(headers: Map<unknown, unknown>, subject: string): boolean {
  if (isAutomaticSubject(subject)) return true;
  const autoSubmitted = headerValue(headers, 'auto-submitted');
  if (autoSubmitted !== null && autoSubmitted !== 'no') return true;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true;
  const precedence = headerValue(headers, 'precedence');
  if (precedence !== null && ['auto_reply', 'bulk', 'junk', 'list'].includes(precedence)) return true;
  return headerValue(headers, 'content-type')?.startsWith('multipart/report') ?? false;
}

/** The charset named by the first text/plain part's Content-Type (or the message's own, when it is text/plain). */
function textCharsetOf(source: Buffer): string | null {
  const text = source.toString('latin1');
  const header = /^content-type[ \t]*:[ \t]*text\/plain(?:[^\r\n]|\r?\n[ \t])*/im.exec(text)?.[0];
  return header === undefined ? null : (/charset\s*=\s*"?([^";\s]+)/i.exec(header)?.[1]?.toLowerCase() ?? null);
}

/** A message whose MIME structure cannot be trusted: reading on would make garbage a comment. */
export class UnreadableMimeError extends Error {
  constructor(readonly reason: 'malformedMime') {
    super(`unreadable message: ${reason}`);
    this.name = 'UnreadableMimeError';
  }
}

/** The top-level Content-Type header, unfolded, or null. */
function topContentType(source: Buffer): string | null {
  const head = source.subarray(0, Math.min(source.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const unfolded = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  return /^content-type\s*:\s*(.*)$/im.exec(unfolded)?.[1] ?? null;
}

/**
 * A multipart message must name a boundary that its body uses; without one, a lenient parser
 * returns the raw parts (boundaries, base64) as "the text" — never a partner's words.
 */
function assertWellFormed(source: Buffer): void {
  const contentType = topContentType(source);
  if (contentType === null || !/^\s*multipart\//i.test(contentType)) return;
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const value = boundary?.[1] ?? boundary?.[2];
  if (value === undefined || !source.includes(`--${value}`)) throw new UnreadableMimeError('malformedMime');
}

export async function parseInbound(source: Buffer): Promise<InboundMessage> {
  assertWellFormed(source);
  const mail = ParsedMail.parse(await (await mailparser()).simpleParser(source, { skipImageLinks: true, skipTextToHtml: true }));
  const references = typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  const threadIds = [...new Set([...messageIdsIn(mail.inReplyTo ?? ''), ...references.flatMap(messageIdsIn)])];
  const from = (mail.from?.value ?? []).flatMap((a) => (a.address ? [a.address.trim().toLowerCase()] : []));
  const contentType = ContentType.safeParse(mail.headers.get('content-type'));
  const deliveryReport = deliveryReportOf({
    contentType: contentType.success ? { value: contentType.data.value.toLowerCase(), params: contentType.data.params } : null,
    from,
    failedRecipients: headerValue(mail.headers, 'x-failed-recipients'),
    text: mail.text ?? '',
    files: mail.attachments.map((file) => ({ contentType: file.contentType.toLowerCase(), content: file.content })),
  });
  return {
    messageId: mail.messageId ?? null,
    from,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    threadIds,
    automatic: deliveryReport !== null || isAutomatic(mail.headers, mail.subject ?? ''),
    // mailparser derives the text of an HTML-only message; it has none when no part holds words.
    hasText: mail.text !== undefined,
    deliveryReport,
    textCharset: textCharsetOf(source),
  };
}
