/**
 * A mailto: URI (RFC 6068) that opens the partner's mail client on a pre-filled message.
 * encodeURIComponent gives %20 for spaces as the RFC wants; line breaks become %0D%0A.
 */
export function mailtoUri(to: string, subject: string, body: string): string {
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}
