import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/workspace/health';
import { quickCheckInBackground } from './quickCheck';
import type { QuickCheckResult } from './quickCheck';

export interface SoundBackupSearch {
  /** The newest backup that passed its check, null when none did. */
  sound: BackupInfo | null;
  /** Backups, newer than the sound one, found damaged. */
  damaged: string[];
  /** Newer ones whose check could not run (said in the log; not offered either). */
  unchecked: { name: string; reason: string }[];
}

/**
 * The backup to offer when the workspace file is damaged or was empty: each one checked in a
 * worker (`PRAGMA quick_check`), newest first, until one passes. A newest backup damaged too is
 * not offered (the screen used to offer it, and say in the same breath it was damaged).
 */
export async function newestSoundBackup(
  dir: string,
  candidates: BackupInfo[],
  check: (path: string) => Promise<QuickCheckResult> = quickCheckInBackground,
): Promise<SoundBackupSearch> {
  const damaged: string[] = [];
  const unchecked: { name: string; reason: string }[] = [];
  for (const backup of candidates) {
    const result = await check(join(dir, backup.name));
    if (result.status === 'ok') return { sound: backup, damaged, unchecked };
    if (result.status === 'damaged') damaged.push(backup.name);
    else unchecked.push({ name: backup.name, reason: result.reason });
  }
  return { sound: null, damaged, unchecked };
}
