import type { ImapFlow, MessageStructureObject } from 'imapflow';

/** A text part larger than this is not a reply someone typed: it is read up to here. */
const MAX_TEXT_PART_BYTES = 1024 * 1024;

/** A part the reply carried that was not downloaded with its text (a photo, a scanned PDF). */
export interface OmittedPart {
  part: string;
  type: string;
  filename: string | null;
  size: number;
}

export interface TextOnlyMessage {
  /** A small RFC 822 message: the original headers and the text part, decoded to UTF-8. */
  source: Buffer;
  omitted: OmittedPart[];
}

const isAttachment = (node: MessageStructureObject): boolean => node.disposition === 'attachment' || node.dispositionParameters?.filename !== undefined;

function leaves(node: MessageStructureObject): MessageStructureObject[] {
  return node.childNodes && node.childNodes.length > 0 ? node.childNodes.flatMap(leaves) : [node];
}

/** The part a reader reads: the first inline text/plain, else the first inline text/html. */
function textPart(parts: MessageStructureObject[]): MessageStructureObject | null {
  const inline = parts.filter((p) => !isAttachment(p));
  return inline.find((p) => p.type === 'text/plain') ?? inline.find((p) => p.type === 'text/html') ?? null;
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
 * the text is, only that part is downloaded, and the rest is listed. Null when it holds no text.
 */
export async function fetchTextOnly(client: ImapFlow, uid: number): Promise<TextOnlyMessage | null> {
  const meta = await client.fetchOne(String(uid), { uid: true, headers: true, bodyStructure: true }, { uid: true });
  if (meta === false || meta.headers === undefined || meta.bodyStructure === undefined) return null;
  const parts = leaves(meta.bodyStructure);
  const text = textPart(parts);
  if (text === null) return null;
  // A single-part message has no part number of its own: IMAP calls its body part 1.
  const download = await client.download(String(uid), text.part ?? '1', { uid: true, maxBytes: MAX_TEXT_PART_BYTES });
  if (!download.content) return null;
  const body = await streamToBuffer(download.content);
  const head = `${headersWithoutBody(meta.headers)}\r\nMIME-Version: 1.0\r\nContent-Type: ${text.type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`;
  const omitted = parts
    .filter((p) => p !== text)
    .map((p) => ({ part: p.part ?? '1', type: p.type, filename: p.dispositionParameters?.filename ?? p.parameters?.name ?? null, size: p.size ?? 0 }));
  return { source: Buffer.concat([Buffer.from(head, 'utf8'), body]), omitted };
}
