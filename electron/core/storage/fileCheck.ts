import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** `unopenable`: not a file Plume may read (a folder of that name, no right to read it); nothing is known about what it holds. */
export type FileCheck =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'plausible' }
  | { kind: 'damaged'; reason: string }
  | { kind: 'unopenable'; cause: 'directory' | 'noAccess'; reason: string };

const codeOf = (error: unknown): string => (error instanceof Error && 'code' in error ? String(error.code) : String(error));

/** The first 100 bytes, or why the file cannot be read at all. */
function readHeader(path: string): Buffer | FileCheck {
  const header = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EISDIR') return { kind: 'unopenable', cause: 'directory', reason: `${path} is a folder (EISDIR)` };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'unopenable', cause: 'noAccess', reason: `${path} cannot be opened (${code})` };
    throw error;
  }
  try {
    readSync(fd, header, 0, 100, 0);
    return header;
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EISDIR') return { kind: 'unopenable', cause: 'directory', reason: `${path} is a folder (EISDIR)` };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'unopenable', cause: 'noAccess', reason: `${path} cannot be read (${code})` };
    throw error;
  } finally {
    closeSync(fd);
  }
}

const MAGIC = 'SQLite format 3\u0000';

/** Whether a write-ahead log with at least one frame (past its 32-byte header) lies beside the file. */
export function walHoldsFrames(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 32;
  } catch {
    return false;
  }
}

/**
 * Cheap checks on the database file before SQLite is trusted with it (the header, see
 * https://sqlite.org/fileformat.html#the_database_header): magic string, page size a power
 * of two, and a page count the file is long enough to hold.
 */
export function checkDatabaseFile(path: string): FileCheck {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { kind: 'unopenable', cause: 'directory', reason: `${path} is a folder, not a file` };
    size = stat.size;
  } catch (error) {
    const code = codeOf(error);
    // A folder on the way Plume may not enter: the file may well be there.
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'unopenable', cause: 'noAccess', reason: `${path} cannot be reached (${code})` };
    return { kind: 'missing' };
  }
  if (size === 0) return { kind: 'empty' };
  if (size < 100) return { kind: 'damaged', reason: `file is ${size} bytes, shorter than a SQLite header` };
  const header = readHeader(path);
  if (!Buffer.isBuffer(header)) return header;
  if (header.toString('latin1', 0, 16) !== MAGIC) return { kind: 'damaged', reason: 'not a SQLite file (header overwritten)' };
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { kind: 'damaged', reason: `invalid page size ${raw}` };
  if (size % pageSize !== 0) return { kind: 'damaged', reason: `file size ${size} is not a whole number of ${pageSize}-byte pages` };
  // The in-header page count is only meaningful when its "version valid for" matches the change counter.
  const pageCount = header.readUInt32BE(28);
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  // A checkpoint writes page 1 (this header) first: stopped midway, the file is shorter than
  // its header says while the WAL still holds the rest. Then only SQLite's own check can tell.
  if (valid && pageCount * pageSize > size && !walHoldsFrames(path)) {
    return { kind: 'damaged', reason: `header counts ${pageCount} pages, the file holds ${size / pageSize} (truncated)` };
  }
  return { kind: 'plausible' };
}
