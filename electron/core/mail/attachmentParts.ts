import type { Readable } from 'node:stream';
import type { ImapFlow, MessageStructureObject } from 'imapflow';

/** A file a message carries, as its BODYSTRUCTURE describes it (nothing downloaded yet). */
export interface AttachmentPart {
  part: string;
  type: string;
  /** As the sender named it (path and control characters removed); '' when unnamed. */
  name: string;
  /** Decoded size estimated from the encoded one (base64 carries 3 bytes in 4). */
  approxBytes: number;
}

function leaves(node: MessageStructureObject): MessageStructureObject[] {
  return node.childNodes && node.childNodes.length > 0 ? node.childNodes.flatMap(leaves) : [node];
}

const named = (node: MessageStructureObject): string | undefined => node.dispositionParameters?.filename ?? node.parameters?.name;

/** The message's body itself (its text or HTML alternative), not a file it carries. */
const isBody = (node: MessageStructureObject): boolean =>
  (node.type === 'text/plain' || node.type === 'text/html') && node.disposition !== 'attachment' && named(node) === undefined;

const cleanName = (name: string): string =>
  (name.split(/[\\/]/).at(-1) ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 255);

/** Every file in the structure: attachments and inline images, PDFs and the like. */
export function attachmentParts(structure: MessageStructureObject): AttachmentPart[] {
  return leaves(structure)
    .filter((node) => !isBody(node) && !node.type.startsWith('multipart/'))
    .map((node) => {
      const encoded = node.size ?? 0;
      return {
        // A single-part message has no part number of its own: IMAP calls its body part 1.
        part: node.part ?? '1',
        type: node.type.toLowerCase().slice(0, 127),
        name: cleanName(named(node) ?? ''),
        approxBytes: node.encoding?.toLowerCase() === 'base64' ? Math.floor((encoded * 3) / 4) : encoded,
      };
    });
}

/**
 * A part's decoded bytes as a stream, fetched a chunk at a time; text is never converted, so
 * the bytes are the ones the sender attached. Null when the server has no such part.
 */
export async function openPart(client: ImapFlow, uid: number, part: string): Promise<Readable | null> {
  const download = await client.download(String(uid), part, { uid: true, decodeText: false });
  return download.content ?? null;
}
