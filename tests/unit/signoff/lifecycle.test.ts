import { describe, expect, it } from 'vitest';
import { approvalBound, canAskSignoff, eventsFrom, lifecycleEvents, reopensForSignoff, transition } from '../../../shared/signoff/lifecycle';
import type { LifecycleEvent } from '../../../shared/signoff/lifecycle';
import { postStatuses } from '../../../shared/posts/schema';
import type { PostStatus } from '../../../shared/posts/schema';

/** Every allowed transition, written out by hand: anything not listed must be refused. */
const allowed: [PostStatus, LifecycleEvent, PostStatus][] = [
  ['draft', 'requestSignoff', 'in_review'],
  ['changes_requested', 'requestSignoff', 'in_review'],
  ['in_review', 'requestSignoff', 'in_review'],
  ['in_review', 'approve', 'approved'],
  ['in_review', 'requestChanges', 'changes_requested'],
  ['in_review', 'reject', 'rejected'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['approved', 'withdraw', 'withdrawn'],
  ['scheduled', 'withdraw', 'withdrawn'],
  ['held', 'withdraw', 'withdrawn'],
  ['changes_requested', 'withdraw', 'withdrawn'],
  ['in_review', 'expire', 'expired'],
  ['draft', 'hold', 'held'],
  ['in_review', 'hold', 'held'],
  ['changes_requested', 'hold', 'held'],
  ['rejected', 'hold', 'held'],
  ['expired', 'hold', 'held'],
  ['scheduled', 'hold', 'held'],
  ['approved', 'schedule', 'scheduled'],
  ['scheduled', 'unschedule', 'approved'],
  ['scheduled', 'startPublishing', 'scheduled'],
  ['scheduled', 'published', 'published'],
  ['scheduled', 'publishFailed', 'failed'],
  ['scheduled', 'missed', 'missed'],
  ['failed', 'retry', 'scheduled'],
  ['missed', 'retry', 'scheduled'],
  ['draft', 'edit', 'draft'],
  ['in_review', 'edit', 'draft'],
  ['changes_requested', 'edit', 'changes_requested'],
  ['approved', 'edit', 'draft'],
  ['scheduled', 'edit', 'draft'],
  ['rejected', 'edit', 'draft'],
  ['withdrawn', 'edit', 'draft'],
  ['expired', 'edit', 'draft'],
  ['held', 'edit', 'draft'],
  ['failed', 'edit', 'draft'],
  ['missed', 'edit', 'draft'],
  ['rejected', 'reopen', 'draft'],
  ['withdrawn', 'reopen', 'draft'],
  ['expired', 'reopen', 'draft'],
  ['held', 'reopen', 'draft'],
  ['failed', 'reopen', 'draft'],
  ['missed', 'reopen', 'draft'],
];

describe('post lifecycle', () => {
  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, to });
  });

  const allowedKeys = new Set(allowed.map(([from, event]) => `${from}:${event}`));
  const refused = postStatuses.flatMap((from) =>
    lifecycleEvents.filter((event) => !allowedKeys.has(`${from}:${event}`)).map((event) => [from, event] as const),
  );

  it('refuses every other pair', () => {
    expect(refused.length).toBe(postStatuses.length * lifecycleEvents.length - allowed.length);
    for (const [from, event] of refused) expect(transition(from, event)).toEqual({ ok: false, from, event });
  });

  it('never lets published content be edited, approved again or withdrawn', () => {
    expect(eventsFrom('published')).toEqual([]);
  });

  it('only approval can lead to scheduling, and only scheduling to publication', () => {
    const reach = (event: LifecycleEvent) => postStatuses.filter((s) => transition(s, event).ok);
    expect(reach('schedule')).toEqual(['approved']);
    expect(reach('published')).toEqual(['scheduled']);
    expect(reach('approve')).toEqual(['in_review']);
  });

  it('marks approved and scheduled content as bound to its sign-off', () => {
    expect(postStatuses.filter(approvalBound)).toEqual(['approved', 'scheduled']);
  });

  it('held, expired, withdrawn and rejected posts may be asked again or take a late decision, each through reopen', () => {
    expect(postStatuses.filter(reopensForSignoff)).toEqual(postStatuses.filter((s) => ['held', 'expired', 'withdrawn', 'rejected'].includes(s)));
    for (const status of postStatuses.filter(reopensForSignoff)) expect(transition(status, 'reopen')).toEqual({ ok: true, to: 'draft' });
    // Approved, scheduled, published, failed and missed posts are publishing's business, not a new request's.
    expect(postStatuses.filter(canAskSignoff).sort()).toEqual(['changes_requested', 'draft', 'expired', 'held', 'in_review', 'rejected', 'withdrawn'].sort());
  });
});
