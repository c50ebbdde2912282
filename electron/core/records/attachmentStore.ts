import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SHA256 = /^[0-9a-f]{64}$/;

export const attachmentFolder = (dataDir: string): string => join(dataDir, 'records', 'attachments');

export type KeptFile = { kept: true; sha256: string; bytes: number } | { kept: false; tooLarge: true; bytesSeen: number };

class TooLarge extends Error {
  constructor(readonly bytesSeen: number) {
    super('attachment over its size limit');
  }
}

/**
 * Files carried by partners' replies, kept byte for byte under
 * <dataDir>/records/attachments/<sha256>: the name is the proof, and the same file sent twice
 * is one file. Written from a stream, hashed on the way, so a big file never sits in memory.
 */
export class AttachmentStore {
  constructor(private readonly dataDir: string) {}

  /**
   * Copies the stream into the store; past `maxBytes` it stops reading (the stream is
   * destroyed) and keeps nothing. Atomic: a crash leaves no half file under a final name.
   */
  async keep(source: Readable, maxBytes: number): Promise<KeptFile> {
    const folder = attachmentFolder(this.dataDir);
    mkdirSync(folder, { recursive: true });
    const partial = join(folder, `.${process.pid}.${randomBytes(6).toString('hex')}.partial`);
    const hash = createHash('sha256');
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          done(new TooLarge(bytes));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, count, createWriteStream(partial));
    } catch (error) {
      rmSync(partial, { force: true });
      if (error instanceof TooLarge) return { kept: false, tooLarge: true, bytesSeen: error.bytesSeen };
      throw error;
    }
    const sha256 = hash.digest('hex');
    const file = join(folder, sha256);
    if (existsSync(file)) rmSync(partial, { force: true });
    else renameSync(partial, file);
    return { kept: true, sha256, bytes };
  }

  /** Where a kept file is, or null when the name is not a SHA-256 or the file is gone. */
  path(sha256: string): string | null {
    if (!SHA256.test(sha256)) return null;
    const file = join(attachmentFolder(this.dataDir), sha256);
    return existsSync(file) ? file : null;
  }
}
