/**
 * Reminder schedule: one reminder when 24 h remain before the sign-off deadline, a last one
 * when 2 h remain. A reminder that would fall less than an hour after the request itself is
 * skipped (the partner has just received it); after a long offline spell only the most
 * urgent due reminder goes out, never a burst of stale ones.
 */
export const REMINDER_OFFSETS_MS = [24 * 3_600_000, 2 * 3_600_000] as const;
export const MIN_GAP_AFTER_REQUEST_MS = 3_600_000;

export interface ReminderState {
  createdAt: number;
  deadlineAt: number | null;
  /** Reminder levels already handled (sent or skipped), 0 = none. */
  level: number;
}

/** The reminder level (1-based) to send now, or null. Levels below it count as skipped. */
export function dueReminder(request: ReminderState, now: number): number | null {
  const { deadlineAt } = request;
  if (deadlineAt === null || now >= deadlineAt) return null;
  let due: number | null = null;
  REMINDER_OFFSETS_MS.forEach((offset, index) => {
    const level = index + 1;
    const at = deadlineAt - offset;
    if (level > request.level && at <= now && at >= request.createdAt + MIN_GAP_AFTER_REQUEST_MS) due = level;
  });
  return due;
}

/** The last reminder says so (subject and tone escalate). */
export const isLastReminder = (level: number): boolean => level === REMINDER_OFFSETS_MS.length;
