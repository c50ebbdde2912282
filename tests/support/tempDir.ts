import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Removes `path` and all it holds. A closed core's start-of-session backup can still be
 * finishing in its worker thread and land in backups/ while the folder is emptied (ENOTEMPTY):
 * the removal starts over, reading the folder again, for up to ~5 s.
 */
function removeFolder(path: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(path, { recursive: true, force: true });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EBUSY') || attempt === 50) {
        let left = '';
        try {
          left = readdirSync(path, { recursive: true }).join(', ');
        } catch {
          // Nothing more to say than the error itself.
        }
        throw new Error(`could not remove ${path} (${String(code)}) after ${attempt} attempts; left: ${left}`, { cause: error });
      }
      pause(100);
    }
  }
}

/** A fresh folder per test; removed afterwards unless PLUME_KEEP_TEMP is set (for a post-mortem). */
export function tempDir(prefix = 'plume-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => {
      if (!process.env.PLUME_KEEP_TEMP) removeFolder(path);
    },
  };
}
