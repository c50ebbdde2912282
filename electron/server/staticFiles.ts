import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  immutable: boolean;
}

/**
 * Resolves a URL path inside the built renderer folder (never outside it); unknown paths that
 * are not assets fall back to index.html so the UI's own routes survive a reload. A path that
 * does not decode (bad %-encoding, NUL) is 'bad_path', for a 400.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticFile | null | 'bad_path'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'bad_path';
  }
  if (decoded.includes('\u0000')) return 'bad_path';
  const candidate = normalize(join(root, decoded));
  const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
  if (inside) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) {
      return {
        body: await readFile(candidate),
        contentType: contentTypes[extname(candidate)] ?? 'application/octet-stream',
        immutable: decoded.startsWith('/assets/'),
      };
    }
  }
  if (decoded.startsWith('/assets/') || extname(decoded) !== '') return null;
  const index = join(root, 'index.html');
  const exists = await stat(index).catch(() => null);
  if (!exists) return null;
  return { body: await readFile(index), contentType: contentTypes['.html'] ?? 'text/html', immutable: false };
}
