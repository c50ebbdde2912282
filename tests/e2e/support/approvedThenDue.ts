import type { APIRequestContext } from '@playwright/test';
import type { RunningPlume } from './plumeServer';

/**
 * Approves a post created without a date (by phone, at `now`), then gives it its time, `dueAt`.
 * In that order the approval is never late, however slow the run: an approval that lands at or
 * after a post's time holds it for a decision instead (signoffLate). Creating a post due in a
 * few seconds and then approving it failed so on CI, where creating and approving took over 2 s.
 * `now`: core's time, when the server runs on a clock of its own (PLUME_CLOCK_START).
 */
export async function approveThenDue(request: APIRequestContext, plume: Pick<RunningPlume, 'call'>, postId: string, dueAt: number, now = Date.now()): Promise<void> {
  await plume.call(request, 'signoff.recordDecision', { postId, decision: 'approve', channel: 'phone', decidedAt: now });
  await plume.call(request, 'calendar.schedule', { id: postId, scheduledAt: dueAt, zone: 'Europe/Paris' });
}
