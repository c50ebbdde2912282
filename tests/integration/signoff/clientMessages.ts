import { WORKSTATION } from './harness';
import type { ParsedRequest } from './harness';

/**
 * Replies byte for byte as real mail clients and servers write them (Outlook's windows-1252
 * quoted-printable with its unquoted "De : … Envoyé : …" block, Gmail's base64, Apple Mail's
 * text / photo / text layout, Postfix and Gmail delivery reports), for the inbox to read
 * through a real Dovecot. Each returns the raw message as a Buffer (CRLF line ends).
 */

export const PARTNER = 'claire.dupont@example.org';
const DATE = 'Tue, 24 Nov 2026 10:03:00 +0100';
const CRLF = '\r\n';

export type Charset = 'utf-8' | 'iso-8859-1' | 'windows-1252';

/** windows-1252's characters in 0x80–0x9F that latin1 lacks (the ones French text uses). */
const CP1252: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };

/** The text in the charset; a character it cannot hold becomes "?", as Outlook writes it. */
export function encode(text: string, charset: Charset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.codePointAt(0) ?? 0x3f;
      const special = charset === 'windows-1252' ? CP1252[char] : undefined;
      return special ?? (code <= 0xff && (charset === 'iso-8859-1' || code < 0x80 || code > 0x9f) ? code : 0x3f);
    }),
  );
}

const crlf = (text: string): string => text.replace(/\r?\n/g, CRLF);

/** Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks "=". */
export function quotedPrintable(text: string, charset: Charset): string {
  return crlf(text)
    .split(CRLF)
    .map((line) => {
      const bytes = encode(line, charset);
      let out = '';
      let width = 0;
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        const plain = (byte >= 33 && byte <= 126 && byte !== 61) || (byte === 32 && !last);
        const piece = plain ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        if (width + piece.length > 75) {
          out += `=${CRLF}`;
          width = 0;
        }
        out += piece;
        width += piece.length;
      });
      return out;
    })
    .join(CRLF);
}

const base64Lines = (bytes: Buffer): string => bytes.toString('base64').replace(/.{76}/g, `$&${CRLF}`);

/** An RFC 2047 encoded-word (Q), as Outlook writes a subject in its charset. */
export function encodedWord(text: string, charset: Charset): string {
  const q = [...encode(text, charset)]
    .map((byte) => (byte === 0x20 ? '_' : /[0-9A-Za-z]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  return `=?${charset}?Q?${q}?=`;
}

let counter = 0;
const messageId = (tag: string): string => `<${tag}-${++counter}-${Date.now()}@client.example>`;

/** The request's HTML as Outlook and Apple Mail turn it into text when they quote it. */
export function htmlAsText(html: string): string {
  return html
    .replace(/<!doctype[^>]*>/gi, '')
    // A link keeps its address after its label: "Valider<mailto:…>".
    .replace(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g, (_match, href: string, label: string) => `${label}\ue000${href.replace(/&amp;/g, '&')}\ue001`)
    .replace(/<br>/g, '\n')
    .replace(/<\/p>|<\/h3>|<\/div>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\ue000/g, '<')
    .replace(/\ue001/g, '>')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface OutlookOptions {
  body: string;
  charset?: Charset;
  /** The whole subject (default: "RE : " and the request's subject). */
  subject?: string;
  /** In-Reply-To and References (default true); Outlook sometimes sends Thread-Index alone. */
  threadHeaders?: boolean;
  extraHeaders?: string[];
  from?: string;
  /** The quoted request's text, changed (the partner edited it in place). */
  quoted?: string;
}

/** A French Outlook reply: multipart/alternative, quoted-printable, the original unquoted under "De : … Envoyé : …". */
export function outlookReply(request: ParsedRequest, options: OutlookOptions): Buffer {
  const charset = options.charset ?? 'windows-1252';
  const boundary = '_000_PAXPR02MB7364A1B2C3D4E5F6PAXPR02MB7364eurp_';
  const quoted = options.quoted ?? htmlAsText(request.html);
  const from = options.from ?? PARTNER;
  const text = `${options.body}\n\nDe : Plume <${WORKSTATION}>\nEnvoyé : mardi 24 novembre 2026 10:00\nÀ : Claire Dupont <${from}>\nObjet : ${request.subject}\n\n${quoted}\n`;
  const html = `<html><body lang="FR"><p class="MsoNormal">${options.body.replace(/\n/g, '<br>')}</p><hr><p><b>De&nbsp;:</b> Plume &lt;${WORKSTATION}&gt;</p>${quoted
    .split('\n')
    .map((line) => `<p>${line}</p>`)
    .join('')}</body></html>`;
  const threaded = options.threadHeaders ?? true;
  const headers = [
    `From: Claire Dupont <${from}>`,
    `To: Plume <${WORKSTATION}>`,
    `Subject: ${encodedWord(options.subject ?? `RE : ${request.subject}`, charset)}`,
    `Thread-Topic: ${encodedWord(request.subject, charset)}`,
    'Thread-Index: AQHbPn2s3F0hU5xV0kq1mN9rW0i7Aw==',
    `Date: ${DATE}`,
    `Message-ID: ${messageId('PAXPR02MB7364')}`,
    ...(threaded ? [`References: ${request.messageId}`, `In-Reply-To: ${request.messageId}`] : []),
    'Content-Language: fr-FR',
    'X-MS-Has-Attach:',
    ...(options.extraHeaders ?? []),
    'Content-Type: multipart/alternative;',
    `\tboundary="${boundary}"`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, content: string) =>
    `--${boundary}${CRLF}Content-Type: ${type}; charset="${charset}"${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${quotedPrintable(content, charset)}${CRLF}${CRLF}`;
  return Buffer.from(`${headers.join(CRLF)}${CRLF}${CRLF}${part('text/plain', text)}${part('text/html', html)}--${boundary}--${CRLF}`, 'latin1');
}

const quoteLines = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');

/** A Gmail reply (French): base64 text and HTML, the attribution wrapped before "écrit :". */
export function gmailReply(request: ParsedRequest, body: string): Buffer {
  const boundary = '000000000000a1b2c3062a9f4e01';
  const text = `${body}\n\nLe mar. 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a\nécrit :\n\n${quoteLines(request.text)}\n`;
  const html = `<div dir="ltr">${body
    .split('\n')
    .map((line) => (line === '' ? '<div><br></div>' : `<div>${line}</div>`))
    .join('')}</div><br><div class="gmail_quote"><blockquote class="gmail_quote">${request.html.replace(/<!doctype[^>]*>|<\/?(html|body)[^>]*>/gi, '')}</blockquote></div>`;
  const part = (type: string, content: string) =>
    `--${boundary}${CRLF}Content-Type: ${type}; charset="UTF-8"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${base64Lines(Buffer.from(crlf(content), 'utf8'))}${CRLF}`;
  const head = [
    'MIME-Version: 1.0',
    `References: ${request.messageId}`,
    `In-Reply-To: ${request.messageId}`,
    `From: Claire Dupont <${PARTNER}>`,
    `Date: ${DATE}`,
    `Message-ID: ${messageId('CAF-gmail')}`,
    `Subject: =?UTF-8?B?${Buffer.from(`Re: ${request.subject}`, 'utf8').toString('base64')}?=`,
    `To: Plume <${WORKSTATION}>`,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  return Buffer.from(`${head.join(CRLF)}${CRLF}${CRLF}${part('text/plain', text)}${part('text/html', html)}--${boundary}--${CRLF}`, 'latin1');
}

/**
 * Apple Mail with a photo placed between two paragraphs: text/plain, the image inline, then a
 * second text/plain holding the rest of the partner's words and the quote.
 */
export function appleMailSplitReply(request: ParsedRequest, options: { before: string; photoBytes: number; after: string }): Buffer {
  const boundary = 'Apple-Mail=_6B7C1E2A-3D4F-4A5B-9C8D-7E6F5A4B3C2D';
  const text = (content: string) =>
    `--${boundary}${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}Content-Type: text/plain;${CRLF}\tcharset=utf-8${CRLF}${CRLF}${quotedPrintable(content, 'utf-8')}${CRLF}`;
  const photo =
    `--${boundary}${CRLF}Content-Disposition: inline;${CRLF}\tfilename=IMG_4032.jpeg${CRLF}Content-Type: image/jpeg;${CRLF}\tname="IMG_4032.jpeg"${CRLF}` +
    `Content-Transfer-Encoding: base64${CRLF}${CRLF}${base64Lines(Buffer.alloc(options.photoBytes, 7))}${CRLF}`;
  const quote = `> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quoteLines(htmlAsText(request.html))}\n`;
  const head = [
    `From: Claire Dupont <${PARTNER}>`,
    'Content-Type: multipart/mixed;',
    `\tboundary="${boundary}"`,
    'Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))',
    `Subject: ${encodedWord(`Re: ${request.subject}`, 'utf-8')}`,
    `Date: ${DATE}`,
    `In-Reply-To: ${request.messageId}`,
    `To: ${WORKSTATION}`,
    `References: ${request.messageId}`,
    `Message-Id: ${messageId('apple')}`,
    'X-Mailer: Apple Mail (2.3826.300.87.4.3)',
  ];
  return Buffer.from(
    `${head.join(CRLF)}${CRLF}${CRLF}${text(`${options.before}\n\n`)}${photo}${text(`\n\n${options.after}\n\nClaire\n\n${quote}`)}--${boundary}--${CRLF}`,
    'latin1',
  );
}

/** An S/MIME signed reply in its opaque form (application/pkcs7-mime): no text a reader can decode. */
export function opaqueSmimeReply(request: ParsedRequest): Buffer {
  return Buffer.from(
    crlf(
      [
        `From: Claire Dupont <${PARTNER}>`,
        `To: ${WORKSTATION}`,
        `Subject: RE : ${encodedWord(request.subject, 'utf-8')}`,
        `Date: ${DATE}`,
        `Message-ID: ${messageId('opaque')}`,
        `In-Reply-To: ${request.messageId}`,
        `References: ${request.messageId}`,
        'MIME-Version: 1.0',
        'Content-Type: application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"',
        'Content-Disposition: attachment; filename="smime.p7m"',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(Buffer.alloc(6000, 5)),
        '',
      ].join('\n'),
    ),
    'latin1',
  );
}

/**
 * Postfix's bounce: multipart/report from MAILER-DAEMON, no In-Reply-To; the request's headers
 * returned (text/rfc822-headers), or the whole request (message/rfc822, here with `photoBytes`
 * of images standing for its previews).
 */
export function postfixBounce(requestRaw: string, to: string, returned: { whole: false } | { whole: true; photoBytes: number } = { whole: false }): Buffer {
  const boundary = '3F1A2B4C5D.1700000000/mx.example.org';
  const requestHeaders = requestRaw.split(/\r?\n\r?\n/)[0] ?? '';
  const returnedPart = returned.whole
    ? [
        'Content-Description: Undelivered Message',
        'Content-Type: message/rfc822',
        '',
        requestHeaders
          .replace(/^content-transfer-encoding:.*\r?\n/gim, '')
          .replace(/^content-type:.*(\r?\n[ \t].*)*/im, 'Content-Type: image/jpeg\nContent-Transfer-Encoding: base64'),
        '',
        base64Lines(Buffer.alloc(returned.photoBytes, 1)),
      ]
    : ['Content-Description: Undelivered Message Headers', 'Content-Type: text/rfc822-headers', '', requestHeaders];
  return Buffer.from(
    crlf(
      [
        'Return-Path: <>',
        'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
        `To: ${WORKSTATION}`,
        'Subject: Undelivered Mail Returned to Sender',
        'Auto-Submitted: auto-replied',
        `Date: ${DATE}`,
        `Message-Id: ${messageId('postfix-bounce')}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status;',
        `\tboundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Description: Notification',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'This is the mail system at host mx.example.org.',
        '',
        "I'm sorry to have to inform you that your message could not",
        'be delivered to one or more recipients.',
        '',
        `<${to}>: host mx.example.org said: 550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`,
        '',
        `--${boundary}`,
        'Content-Description: Delivery report',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.org',
        '',
        `Final-Recipient: rfc822; ${to}`,
        'Action: failed',
        'Status: 5.1.1',
        `Diagnostic-Code: smtp; 550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`,
        '',
        `--${boundary}`,
        ...returnedPart,
        '',
        `--${boundary}--`,
        '',
      ].join('\n'),
    ),
    'latin1',
  );
}

/** Gmail's bounce: from mailer-daemon@googlemail.com, threaded under the request, Auto-Submitted. */
export function gmailBounce(request: ParsedRequest, to: string): Buffer {
  const boundary = '00000000000011112222';
  return Buffer.from(
    crlf(
      [
        'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        `To: ${WORKSTATION}`,
        'Auto-Submitted: auto-replied',
        'Subject: Delivery Status Notification (Failure)',
        `References: ${request.messageId}`,
        `In-Reply-To: ${request.messageId}`,
        `X-Failed-Recipients: ${to}`,
        `Message-ID: ${messageId('gmail-dsn')}`,
        `Date: ${DATE}`,
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; boundary="${boundary}"; report-type=delivery-status`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset="UTF-8"',
        '',
        `Address not found. Your message wasn't delivered to ${to} because the address couldn't be found.`,
        '',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; googlemail.com',
        '',
        `Final-Recipient: rfc822; ${to}`,
        'Action: failed',
        'Status: 5.1.1',
        '',
        `--${boundary}--`,
        '',
      ].join('\n'),
    ),
    'latin1',
  );
}
