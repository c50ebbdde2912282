import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Whether the system lets this process write the workspace file and its -wal and -shm (or
 * create them in its folder): null when it does, else the refusal's code and what refused
 * (EACCES: the file's rights; EPERM: an immutable file; EROFS: a disk mounted read-only).
 */
export function writeRefusal(path: string): { code: string; file: string } | null {
  const targets = [path, ...['-wal', '-shm'].map((side) => (existsSync(path + side) ? path + side : dirname(path)))];
  for (const target of targets) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      if (code === 'ENOENT') continue;
      return { code, file: target };
    }
  }
  return null;
}
