import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { HOUR, startHarness } from './harness';
import type { Harness } from './harness';

/**
 * A way back from held, expired and withdrawn: a late decision or a new request is recorded
 * without editing the text, and an approval after the publication time never publishes by
 * itself — it waits for "publish now" or a new slot. Core on a real SQLite file, real SMTP.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;
const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });
const alerts = (key: string) => h.events.filter((e) => e.type === 'alert' && e.messageKey === key);
const status = async (postId: string) => (await h.call('signoff.status', { postId })).status;

/** A post due in an hour, never approved, held at its time. */
async function heldPost(signoffEmail = '') {
  const partner = await h.partner({ signoffEmail });
  const post = await h.post(partner.id, 'Le juge peut réviser le contrat.', { scheduledAt: h.clock.now() + HOUR });
  await h.call('signoff.request', { postId: post.id });
  h.clock.advance(HOUR);
  await h.tick();
  expect(await status(post.id)).toBe('held');
  return post;
}

describe('a late decision on a held post', () => {
  it('a partner who phones at 12:01 for a 12:00 post is recorded; the approval waits for publish now, never publishes by itself', async () => {
    h = await startHarness();
    const post = await heldPost();
    const scheduledAt = h.clock.now();
    h.clock.advance(5 * MINUTE);
    const decidedAt = scheduledAt + MINUTE;
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt, comment: 'OK au téléphone.' });

    expect(await status(post.id)).toBe('missed');
    const trail = (await history(post.id)).map((e) => [e.action, e.toStatus]);
    expect(trail.slice(-5)).toEqual([
      ['reopen', 'draft'],
      ['requestSignoff', 'in_review'],
      ['approve', 'approved'],
      ['schedule', 'scheduled'],
      ['missed', 'missed'],
    ]);
    expect((await history(post.id)).find((e) => e.action === 'approve')).toMatchObject({ channel: 'phone', at: decidedAt });
    expect((await history(post.id)).at(-1)?.details).toMatchObject({ reason: 'approvedLate', scheduledAt, approvedAt: decidedAt });
    expect(alerts('signoff.alerts.approvedLate')).toHaveLength(1);

    // Ticks come and go: nothing leaves until the community manager decides.
    await h.tick();
    h.clock.advance(MINUTE);
    await h.tick();
    const waiting = await h.call('publishing.status', { postId: post.id });
    expect(waiting).toMatchObject({ status: 'missed', missedReason: 'approvedLate', publications: [] });

    const now = await h.call('publishing.decideMissed', { postId: post.id, decision: 'publishNow' });
    expect(now.status).toBe('scheduled');
    expect(now.publications.map((p) => p.state).sort()).toEqual(['awaiting_manual', 'awaiting_manual']);
  });

  it('an approval recorded before the publication time still schedules as before', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Texte', { scheduledAt: h.clock.now() + HOUR });
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
    await h.tick();
    expect(await status(post.id)).toBe('scheduled');
    expect(alerts('signoff.alerts.approvedLate')).toHaveLength(0);
  });

  it('expired and withdrawn posts take a late decision too', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const expiring = await h.post(partner.id, 'Un', { scheduledAt: h.clock.now() + 72 * HOUR });
    const withdrawn = await h.post(partner.id, 'Deux', { scheduledAt: h.clock.now() + 72 * HOUR });
    await h.call('signoff.request', { postId: expiring.id, deadlineAt: h.clock.now() + HOUR });
    await h.call('signoff.request', { postId: withdrawn.id });
    await h.call('signoff.withdraw', { postId: withdrawn.id });
    h.clock.advance(2 * HOUR);
    await h.tick();
    expect(await status(expiring.id)).toBe('expired');

    await h.call('signoff.recordDecision', { postId: expiring.id, decision: 'approve', channel: 'message', decidedAt: h.clock.now() });
    await h.call('signoff.recordDecision', { postId: withdrawn.id, decision: 'requestChanges', channel: 'in_person', decidedAt: h.clock.now(), comment: 'Plus court.' });
    await h.tick();
    expect(await status(expiring.id)).toBe('scheduled');
    expect(await status(withdrawn.id)).toBe('changes_requested');
  });
});

describe('a new request on a held post', () => {
  it('is emailed without editing the text, is not held again at once, and its approval waits for a new slot', async () => {
    h = await startHarness({ smtp: true });
    const post = await heldPost('claire.dupont@example.org');
    await h.tick();
    const before = h.smtp?.messages.length ?? 0;

    await h.call('signoff.request', { postId: post.id });
    expect(await status(post.id)).toBe('in_review');
    const open = (await h.call('signoff.status', { postId: post.id })).request;
    // The time has passed: no deadline by default (the token lives a month).
    expect(open?.deadlineAt).toBeNull();
    await h.tick();
    expect(await status(post.id)).toBe('in_review');
    expect(h.smtp?.messages.length).toBe(before + 1);

    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
    await h.tick();
    expect(await h.call('publishing.status', { postId: post.id })).toMatchObject({ status: 'missed', missedReason: 'approvedLate' });
  });
});
