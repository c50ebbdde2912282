const DAY_MS = 86_400_000;

export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

/** What a firm keeps: the last 7 days with a backup and the last 4 weeks with one. */
export const defaultRetention: RetentionPolicy = { daily: 7, weekly: 4 };

/**
 * Backups the user asked for (« Sauvegarder maintenant », before a risky change) are not
 * thinned by day and week: the newest this many are kept.
 */
export const MANUAL_BACKUPS_KEPT = 10;

const utcDay = (at: number): number => Math.floor(at / DAY_MS);
/** Weeks start on Monday (1970-01-01 was a Thursday, hence the 3-day shift). */
const utcWeek = (at: number): number => Math.floor((utcDay(at) + 3) / 7);

/**
 * Which backups to keep: the newest of each of the `daily` most recent days that have one,
 * and the newest of each of the `weekly` most recent weeks. The newest backup is always kept,
 * and so is the first of its day: the day's later backups would otherwise replace the copy of
 * the workspace as the day began, the one to go back to when a change made during the day is
 * found wrong before the day is over.
 */
export function backupsToKeep(takenAt: readonly number[], policy: RetentionPolicy = defaultRetention): Set<number> {
  const newestFirst = [...takenAt].sort((a, b) => b - a);
  const keep = new Set<number>();
  const pick = (bucket: (at: number) => number, count: number) => {
    const seen = new Set<number>();
    for (const at of newestFirst) {
      const key = bucket(at);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(at);
    }
  };
  pick(utcDay, policy.daily);
  pick(utcWeek, policy.weekly);
  const newest = newestFirst[0];
  if (newest !== undefined) {
    keep.add(newest);
    const firstOfItsDay = newestFirst.filter((at) => utcDay(at) === utcDay(newest)).at(-1);
    if (firstOfItsDay !== undefined) keep.add(firstOfItsDay);
  }
  return keep;
}
