import { closeSync, openSync, readSync, statSync } from 'node:fs';

export type FileCheck = { kind: 'missing' } | { kind: 'empty' } | { kind: 'plausible' } | { kind: 'damaged'; reason: string };

const MAGIC = 'SQLite format 3\u0000';

/** Whether a write-ahead log with at least one frame (past its 32-byte header) lies beside the file. */
function walHoldsFrames(path: string): boolean {
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
    size = statSync(path).size;
  } catch {
    return { kind: 'missing' };
  }
  if (size === 0) return { kind: 'empty' };
  if (size < 100) return { kind: 'damaged', reason: `file is ${size} bytes, shorter than a SQLite header` };
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
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
