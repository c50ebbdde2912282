import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { RecordRepository } from './repository';

const SHA256 = /^[0-9a-f]{64}$/;

export const emlFolder = (dataDir: string): string => join(dataDir, 'records', 'eml');

/**
 * Keeps the raw .eml of every sign-off email, sent or received, byte for byte, under
 * <dataDir>/records/eml/<sha256>.eml: the name is the proof, and the same message stored
 * twice is one file.
 */
export class MessageArchive {
  constructor(
    private readonly dataDir: string,
    private readonly records: RecordRepository,
    private readonly clock: Clock,
  ) {}

  /** Stores the bytes (atomically: a crash leaves no half file under the final name) and returns their SHA-256. */
  store(raw: Buffer, facts: { direction: 'sent' | 'received'; messageId: string | null; requestId: string | null }): string {
    const sha256 = createHash('sha256').update(raw).digest('hex');
    const folder = emlFolder(this.dataDir);
    const file = join(folder, `${sha256}.eml`);
    if (!existsSync(file)) {
      mkdirSync(folder, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, raw);
      renameSync(partial, file);
    }
    this.records.addMessage({ sha256, ...facts, bytes: raw.length, storedAt: this.clock.now() });
    return sha256;
  }

  /** The stored bytes, or null when the file is gone. */
  read(sha256: string): Buffer | null {
    if (!SHA256.test(sha256)) return null;
    const file = join(emlFolder(this.dataDir), `${sha256}.eml`);
    return existsSync(file) ? readFileSync(file) : null;
  }
}
