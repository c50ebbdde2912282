import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspaceLock {
  /** The previous holder died without releasing (crash, kill -9): its work must be reconciled now. */
  tookOverFromDeadProcess: boolean;
  release(): void;
}

const codeOf = (error: unknown): string => (error instanceof Error && 'code' in error ? String(error.code) : String(error));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
};

/**
 * When the process started, as the system counts it (Linux: field 22 of /proc/<pid>/stat, clock
 * ticks since boot): with the pid, it names one process for good, where a pid alone is given to
 * another process once its owner ended. Null where the system does not say (macOS, Windows).
 */
export function processStartToken(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * A process that has ended but whose parent has not collected it yet (Linux: state Z in
 * /proc/<pid>/stat): it still answers `kill(pid, 0)`, yet runs nothing. A Plume killed with
 * SIGKILL stays so until its parent (a terminal, a service manager) reaps it.
 */
function ended(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/** Whether a lock file left by a Plume that ended would name a process running now: only if that process is the same one. */
function heldByRunningPlume(pid: number, token: string | null): boolean {
  if (!alive(pid) || ended(pid)) return false;
  const now = processStartToken(pid);
  // Same pid, another start time: the pid was given to a process that is not the Plume that wrote the lock.
  if (token !== null && now !== null) return token === now;
  // A lock without a start time (written by an older Plume): a process that is neither Node nor Electron is not Plume.
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\u0000', ' ');
    return /node|electron|plume/i.test(command);
  } catch {
    return true; // Nothing more to go on: the cautious answer.
  }
}

const lockText = (): string => `${process.pid}\n${processStartToken(process.pid) ?? ''}`;

/**
 * One running Plume per workspace: its background loop sends emails and publications, and two
 * loops on one database would race for them. The lock file holds the owner's pid and when that
 * process started; a file left by a dead process, or naming a pid now given to another program,
 * is taken over. The workspace folder is created here on a first start: the lock is the first
 * thing Plume writes into it.
 */
export function acquireWorkspaceLock(dataDir: string): WorkspaceLock {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the workspace folder ${dataDir} (${codeOf(error)}). Choose a folder Plume may write to with PLUME_DATA_DIR.`);
  }
  const path = join(dataDir, 'plume.lock');
  const text = lockText();
  let tookOver = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, text);
      closeSync(fd);
      return {
        tookOverFromDeadProcess: tookOver,
        release: () => {
          try {
            if (readFileSync(path, 'utf8') === text) rmSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new Error(
          `Cannot write in the workspace folder ${dataDir} (${code}): Plume keeps its workspace there. Give your user the right to write in that folder (or unlock its disk), or choose another folder with PLUME_DATA_DIR.`,
        );
      }
      if (code !== 'EEXIST') throw error;
      const [pidLine = '', tokenLine = ''] = readFileSync(path, 'utf8').split('\n');
      const owner = Number.parseInt(pidLine, 10);
      if (Number.isInteger(owner) && owner !== process.pid && heldByRunningPlume(owner, tokenLine.trim() || null)) {
        throw new Error(`This workspace is already open in another Plume (process ${owner}): ${dataDir}`);
      }
      rmSync(path, { force: true });
      tookOver = true;
    }
  }
  throw new Error(`Could not lock the workspace ${dataDir}`);
}
