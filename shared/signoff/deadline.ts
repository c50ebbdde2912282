/**
 * When a post's sign-off is due: the partner's lead time before publication. A request made
 * after that point is due at publication itself (an approval after it is useless); a post with
 * no publication time has no deadline unless one is chosen.
 */
export function defaultDeadline(scheduledAt: number | null, leadMinutes: number, now: number): number | null {
  if (scheduledAt === null) return null;
  const byLead = scheduledAt - leadMinutes * 60_000;
  return byLead > now ? byLead : scheduledAt;
}

/** How long a token stays valid when its request has no deadline. */
export const TOKEN_LIFETIME_WITHOUT_DEADLINE_MS = 30 * 24 * 3_600_000;

/** A token dies with its request's deadline, or after a month without one. */
export const tokenExpiry = (deadlineAt: number | null, now: number): number =>
  deadlineAt ?? now + TOKEN_LIFETIME_WITHOUT_DEADLINE_MS;
