import { randomUUID } from 'node:crypto';
import type { ImapFlow, MessageStructureObject } from 'imapflow';

/** A text part larger than this is not a reply someone typed: it is read up to here. */
const MAX_TEXT_PART_BYTES = 1024 * 1024;

export interface TextOnlyMessage {
  /** A small RFC 822 message: the original headers and every text part read, each decoded to UTF-8. */
  source: Buffer;
}

const isAttachment = (node: MessageStructureObject): boolean => node.disposition === 'attachment' || node.dispositionParameters?.filename !== undefined;
const isText = (node: MessageStructureObject): boolean => (node.type === 'text/plain' || node.type === 'text/html') && !isAttachment(node);

/**
 * The parts a reader reads, in order: every inline text part (Apple Mail puts the words typed
 * after a photo in a second text/plain), and of each multipart/alternative one version only,
 * the plain text when there is one. A forwarded message (message/rfc822) is a file, not words.
 */
function readableParts(node: MessageStructureObject): MessageStructureObject[] {
  const children = node.type.startsWith('multipart/') ? (node.childNodes ?? []) : [];
  if (children.length === 0) return isText(node) ? [node] : [];
  if (node.type !== 'multipart/alternative') return children.flatMap(readableParts);
  const versions = children.map(readableParts).filter((parts) => parts.length > 0);
  return versions.find((parts) => parts.every((part) => part.type === 'text/plain')) ?? versions[0] ?? [];
}

const REPORT_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status', 'text/rfc822-headers']);

/**
 * A delivery report's own parts (multipart/report): its status fields and the returned
 * headers; a returned message (message/rfc822, maybe with the request's images) is stood in
 * for by its Message-ID, which the BODYSTRUCTURE's envelope names.
 */
function reportParts(node: MessageStructureObject): MessageStructureObject[] {
  if (REPORT_PARTS.has(node.type) || node.type === 'message/rfc822') return [node];
  return node.type.startsWith('multipart/') ? (node.childNodes ?? []).flatMap(reportParts) : [];
}

/** Unfolds the header block and drops the lines that describe the original body. */
function headersWithoutBody(raw: Buffer): string {
  const unfolded = raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .split(/\r?\n/)
    .filter((line) => line !== '' && !/^(content-type|content-transfer-encoding|content-disposition|mime-version)\s*:/i.test(line))
    .join('\r\n');
}

async function streamToBuffer(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/**
 * A message too big to load whole (a reply with a phone photo): its BODYSTRUCTURE says where
 * the text is, only those parts are downloaded (all of them, as a reader sees them: the same
 * words as when the message is read whole), and the files are left on the server. Null when
 * it holds no text.
 */
export async function fetchTextOnly(client: ImapFlow, uid: number): Promise<TextOnlyMessage | null> {
  const meta = await client.fetchOne(String(uid), { uid: true, headers: true, bodyStructure: true }, { uid: true });
  if (meta === false || meta.headers === undefined || meta.bodyStructure === undefined) return null;
  const structure = meta.bodyStructure;
  const reportType = structure.type === 'multipart/report' ? (structure.parameters?.['report-type'] ?? null) : null;
  const text = readableParts(structure);
  if (text.length === 0) return null;
  const boundary = `plume-text-${randomUUID()}`;
  const part = (type: string, body: Buffer): Buffer[] => [
    Buffer.from(`--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`, 'utf8'),
    body,
    Buffer.from('\r\n', 'utf8'),
  ];
  const bodies: Buffer[] = [];
  for (const node of [...text, ...(reportType === null ? [] : reportParts(structure))]) {
    if (node.type === 'message/rfc822') {
      bodies.push(...part('text/rfc822-headers', Buffer.from(`Message-ID: ${node.envelope?.messageId ?? ''}\r\n\r\n`, 'utf8')));
      continue;
    }
    // A single-part message has no part number of its own: IMAP calls its body part 1.
    const download = await client.download(String(uid), node.part ?? '1', { uid: true, maxBytes: MAX_TEXT_PART_BYTES });
    if (download.content) bodies.push(...part(node.type, await streamToBuffer(download.content)));
  }
  if (bodies.length === 0) return null;
  const type = reportType === null ? 'multipart/mixed' : `multipart/report; report-type=${reportType}`;
  const head = `${headersWithoutBody(meta.headers)}\r\nMIME-Version: 1.0\r\nContent-Type: ${type}; boundary="${boundary}"\r\n\r\n`;
  return { source: Buffer.concat([Buffer.from(head, 'utf8'), ...bodies, Buffer.from(`--${boundary}--\r\n`, 'utf8')]) };
}
