/**
 * The page's text: the charset named by the Content-Type header, else by a <meta> in the first
 * 1,024 bytes (the HTML standard's prescan window), else UTF-8, decoded by the platform's
 * WHATWG TextDecoder (full ICU in Node: windows-1252, ISO-8859-x, Shift_JIS…). Null when the
 * label is unknown or the bytes are not valid in it: a wrong charset is refused, not guessed.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | undefined): string | null {
  const label = charsetParam(contentType) ?? metaCharset(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function charsetParam(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(contentType ?? '');
  return match?.[1] ?? null;
}

function metaCharset(bytes: Uint8Array): string | null {
  // Latin-1 keeps every byte as one character, so ASCII markup reads the same in any charset.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/iu.exec(head);
  return direct?.[1] ?? null;
}
