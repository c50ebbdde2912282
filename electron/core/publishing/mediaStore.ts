import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Images in the data folder, named by the SHA-256 of their bytes: the same image attached
 * twice is stored once, and a file whose bytes no longer match its name is known to be damaged.
 */
export class MediaStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'media');
  }

  /** Writes the bytes (if not already there) and returns their SHA-256, hex. */
  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.path(sha256);
    if (existsSync(file)) return sha256;
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    // Written beside, then renamed: a crash never leaves a half file under the final name.
    const temp = `${file}.${randomUUID()}.tmp`;
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, file);
    return sha256;
  }

  /** The bytes, or null when the file is missing or no longer matches its hash. */
  get(sha256: string): Uint8Array<ArrayBuffer> | null {
    const file = this.path(sha256);
    if (!existsSync(file)) return null;
    const bytes = readFileSync(file);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) return null;
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return copy;
  }

  private path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new Error('not a SHA-256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}
