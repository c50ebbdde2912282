import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const SIDE_FILES = ['-wal', '-shm'];
/** The WAL belongs to what was damaged; the -shm is only an index SQLite rebuilds, so it does not make a copy different. */
const COMPARED = ['', '-wal'];

const sizeOf = (path: string): number | null => {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
};

function sha256Of(path: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Same size first (cheap), then the same bytes, for the file and its WAL. */
function sameFiles(original: string, copy: string): boolean {
  for (const side of COMPARED) {
    if (sizeOf(original + side) !== sizeOf(copy + side)) return false;
  }
  for (const side of COMPARED) {
    if (existsSync(original + side) && sha256Of(original + side) !== sha256Of(copy + side)) return false;
  }
  return true;
}

/**
 * Copies a damaged workspace file aside, with the -wal and -shm beside it, as
 * `<file>.damaged-<time>`; none when an earlier start already set aside the same bytes
 * (each start of a damaged workspace used to add a full copy). Returns the copy's path and
 * whether it was there already. Only reads the file.
 */
export function setAsideCopy(path: string, aside: string): { path: string; earlier: boolean } {
  const prefix = `${basename(path)}.damaged-`;
  const folder = dirname(path);
  const earlier = readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && !SIDE_FILES.some((side) => name.endsWith(side)))
    .sort()
    .reverse()
    .map((name) => join(folder, name))
    .find((copy) => sameFiles(path, copy));
  if (earlier !== undefined) return { path: earlier, earlier: true };
  copyFileSync(path, aside);
  for (const side of SIDE_FILES) if (existsSync(path + side)) copyFileSync(path + side, aside + side);
  return { path: aside, earlier: false };
}
