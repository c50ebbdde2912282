import { safeServiceUrl } from '../oauth/loopbackUrl';

const MAX_BYTES = 256 * 1024;
const TIMEOUT_MS = 8_000;
const MAX_ENTRIES = 200;

/** The raster formats networks serve avatars in, recognised by their first bytes (never SVG). */
function imageType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

async function readLimited(body: ReadableStream<Uint8Array>): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(Buffer.from(value));
  }
}

/**
 * Avatars for the UI, fetched by core: the UI's CSP loads no remote image, so core fetches the
 * picture the last test reported (https, or http on loopback), keeps it only if it is a small
 * PNG/JPEG/GIF/WebP, and hands it over as a data URL. Kept in memory per URL; a failure is
 * not kept, so the next look retries (the UI shows initials meanwhile).
 */
export class AvatarCache {
  private readonly images = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string | null>>();

  async dataUrl(url: string | null): Promise<string | null> {
    if (url === null) return null;
    const cached = this.images.get(url);
    if (cached !== undefined) return cached;
    const running = this.pending.get(url);
    if (running) return running;
    const next = this.download(url).finally(() => this.pending.delete(url));
    this.pending.set(url, next);
    return next;
  }

  private async download(url: string): Promise<string | null> {
    const safe = safeServiceUrl(url);
    if (safe === null) return null;
    try {
      const response = await fetch(safe, { headers: { Accept: 'image/*' }, redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok || response.body === null || safeServiceUrl(response.url) === null) return null;
      const bytes = await readLimited(response.body);
      const type = bytes === null ? null : imageType(bytes);
      if (bytes === null || type === null) return null;
      const dataUrl = `data:${type};base64,${bytes.toString('base64')}`;
      if (this.images.size >= MAX_ENTRIES) {
        const oldest = this.images.keys().next();
        if (oldest.done !== true) this.images.delete(oldest.value);
      }
      this.images.set(url, dataUrl);
      return dataUrl;
    } catch {
      // Offline, refused, timed out: no picture for now.
      return null;
    }
  }
}
