import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * How a revision's body is stored (migration 0011): its content JSON and plain text, joined by a
 * NUL (JSON text never holds a raw one) and compressed with raw DEFLATE primed with a dictionary
 * of TipTap's JSON skeleton — a one-revision post's body goes from ~1,500 to ~360 bytes.
 * Compression rather than deltas: every revision stays readable on its own (one row, no chain
 * to replay), a damaged row loses one revision, and the exact bytes — which the approval hash
 * is computed over — come back by construction. The first byte names the format, so a later
 * format can sit beside this one; this dictionary must never change under format 1.
 */
const FORMAT_DEFLATE_V1 = 1;

const DICTIONARY_V1 = Buffer.from(
  '{"type":"text","marks":[{"type":"bold"}],"text":"{"type":"text","marks":[{"type":"italic"}],"text":"' +
    '{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"hardBreak"}]}]}]}' +
    '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"',
  'utf8',
);

export interface RevisionBody {
  contentJson: string;
  plainText: string;
}

export function packRevisionBody(contentJson: string, plainText: string): Buffer {
  if (contentJson.includes('\u0000')) throw new Error('A revision’s content JSON holds a NUL character');
  const packed = deflateRawSync(Buffer.from(`${contentJson}\u0000${plainText}`, 'utf8'), { level: 9, dictionary: DICTIONARY_V1 });
  return Buffer.concat([Buffer.from([FORMAT_DEFLATE_V1]), packed]);
}

export function unpackRevisionBody(stored: Uint8Array): RevisionBody {
  const buffer = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (buffer[0] !== FORMAT_DEFLATE_V1) throw new Error(`Unknown revision body format ${String(buffer[0])}`);
  const text = inflateRawSync(buffer.subarray(1), { dictionary: DICTIONARY_V1 }).toString('utf8');
  const split = text.indexOf('\u0000');
  if (split < 0) throw new Error('A revision body without its separator');
  return { contentJson: text.slice(0, split), plainText: text.slice(split + 1) };
}
