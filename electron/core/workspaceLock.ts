import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspaceLock {
  /** The previous holder died without releasing (crash, kill -9): its work must be reconciled now. */
  tookOverFromDeadProcess: boolean;
  release(): void;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

/**
 * One running Plume per workspace: its background loop sends emails and publications, and two
 * loops on one database would race for them. The lock file holds the owner's pid; a file left
 * by a dead process is taken over. The workspace folder is created here on a first start: the
 * lock is the first thing Plume writes into it.
 */
export function acquireWorkspaceLock(dataDir: string): WorkspaceLock {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new Error(`Cannot create the workspace folder ${dataDir} (${code}). Choose a folder Plume may write to with PLUME_DATA_DIR.`);
  }
  const path = join(dataDir, 'plume.lock');
  let tookOver = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        tookOverFromDeadProcess: tookOver,
        release: () => {
          try {
            if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new Error(`This workspace is already open in another Plume (process ${owner}): ${dataDir}`);
      }
      rmSync(path, { force: true });
      tookOver = true;
    }
  }
  throw new Error(`Could not lock the workspace ${dataDir}`);
}
