import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test; removed afterwards unless PLUME_KEEP_TEMP is set (for a post-mortem). */
export function tempDir(prefix = 'plume-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => {
      if (!process.env.PLUME_KEEP_TEMP) rmSync(path, { recursive: true, force: true });
    },
  };
}
