import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh folder per test; removed afterwards unless PLUME_KEEP_TEMP is set (for a post-mortem).
 * Removal retries a few times: a closed core's start-of-session backup can still be finishing
 * in its worker thread (a `.partial` file appearing in backups/ while the folder is emptied).
 */
export function tempDir(prefix = 'plume-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => {
      if (!process.env.PLUME_KEEP_TEMP) rmSync(path, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
    },
  };
}
