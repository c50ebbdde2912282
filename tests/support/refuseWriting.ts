import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';

/**
 * Makes a file or folder refuse writing, as a user's rights or a locked disk do: `chattr +i` as
 * root (root writes through chmod 444), chmod a-w otherwise. Returns what undoes it.
 */
export function refuseWriting(path: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path]);
    return () => execFileSync('chattr', ['-i', path]);
  }
  const mode = statSync(path).mode & 0o7777;
  chmodSync(path, mode & ~0o222);
  return () => chmodSync(path, mode);
}

/** Why refusing writing cannot be shown here (root without chattr), or null. */
export const cannotRefuseWriting = (): string | null => {
  if (process.getuid?.() !== 0) return null;
  try {
    execFileSync('sh', ['-c', 'command -v chattr'], { stdio: 'pipe' });
    return null;
  } catch {
    return 'running as root without chattr: no way to make a file refuse writing';
  }
};
