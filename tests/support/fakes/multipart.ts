/**
 * Just enough multipart/form-data (RFC 7578) for the fakes to read what connectors upload:
 * each part's name, and either its text or its file name, type and bytes.
 */
export type FormPart = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

export function parseMultipart(contentType: string | undefined, body: Buffer): Map<string, FormPart> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  const parts = new Map<string, FormPart>();
  if (boundary === undefined) return parts;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
    if (name !== undefined) {
      parts.set(name, filename === undefined ? { name, value: content.toString('utf8') } : { name, filename, type, bytes: Buffer.from(content) });
    }
    at = next;
  }
  return parts;
}

export const fileOf = (part: FormPart | undefined): { filename: string; type: string; bytes: Buffer } | undefined =>
  part !== undefined && 'bytes' in part ? part : undefined;

export const textOf = (part: FormPart | undefined): string | undefined => (part !== undefined && 'value' in part ? part.value : undefined);
