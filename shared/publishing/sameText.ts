/**
 * Whether a post a network returns is the text we sent, for crash reconciliation on networks
 * with no idempotency key. Only differences networks introduce themselves are ignored:
 * Unicode normalisation, CRLF line ends, and whitespace at either end (trimmed on storage).
 */
export const normaliseForMatch = (text: string): string => text.normalize('NFC').replace(/\r\n?/gu, '\n').trim();

export const sameText = (sent: string, returned: string): boolean => normaliseForMatch(sent) === normaliseForMatch(returned);
