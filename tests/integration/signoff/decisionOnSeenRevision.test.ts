import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, parseCaptured, plainReply, startHarness } from './harness';
import type { Harness } from './harness';
import { PARTNER } from './clientMessages';
import { refusal } from '../../support/refusal';

/**
 * A decision recorded by the community manager is about the text the partner heard: the one the
 * form was opened on. When the text changed since (another tab, another window), core refuses
 * it rather than bind it to a text the partner never saw.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});


/** What the panel showed when the form was opened. */
async function seen(postId: string): Promise<{ number: number; hash: string }> {
  const status = await h.call('signoff.status', { postId });
  return { number: status.revisionNumber, hash: status.currentHash };
}

describe('a decision recorded on the revision its form was opened on', () => {
  it('is refused once the text changed since (the open request voided by an edit): nothing is opened, approved nor audited', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Le juge peut réviser le contrat.');
    await h.call('signoff.request', { postId: post.id });
    const opened = await seen(post.id);
    const before = await h.call('signoff.history', { postId: post.id });

    // Another tab edits the text while the decision form is open.
    h.clock.advance(HOUR);
    await h.edit(post.id, 'Le juge doit réviser le contrat, et vite.');
    const edited = await h.call('signoff.status', { postId: post.id });
    expect(edited.status).toBe('draft');
    const trail = (await h.call('signoff.history', { postId: post.id })).length;

    const refused = await refusal(() =>
      h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now(), revision: opened }),
    );
    expect(refused).toMatchObject({
      code: 'conflict',
      messageKey: 'signoff.errors.revisionChanged',
      details: { seenRevision: String(opened.number), currentRevision: String(edited.revisionNumber) },
    });
    const after = await h.call('signoff.status', { postId: post.id });
    expect(after).toMatchObject({ status: 'draft', approvalValid: false, approvedHash: null });
    expect(after.request?.state).toBe('voided');
    expect(await h.call('signoff.history', { postId: post.id })).toHaveLength(trail);
    expect(trail).toBeGreaterThan(before.length);
  });

  it('is refused when the text changed with no request at all (a draft edited in another window)', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Premier texte.');
    const opened = await seen(post.id);
    await h.edit(post.id, 'Second texte.');
    const refused = await refusal(() =>
      h.call('signoff.recordDecision', { postId: post.id, decision: 'requestChanges', channel: 'in_person', decidedAt: h.clock.now(), revision: opened }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.messageKey).toMatch(/^signoff\.errors\.(revisionChanged|textChanged)$/);
    expect((await h.call('signoff.status', { postId: post.id })).request).toBeNull();
  });

  it('is recorded when the text is the one the form showed: with no request, and on the open request', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });

    const alone = await h.post(partner.id, 'Sans demande préalable.');
    await h.call('signoff.recordDecision', { postId: alone.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now(), revision: await seen(alone.id) });
    expect((await h.call('signoff.status', { postId: alone.id })).approvalValid).toBe(true);

    const asked = await h.post(partner.id, 'Avec une demande ouverte.');
    const requested = await h.call('signoff.request', { postId: asked.id });
    await h.call('signoff.recordDecision', { postId: asked.id, decision: 'approve', channel: 'message', decidedAt: h.clock.now(), revision: await seen(asked.id) });
    const answered = await h.call('signoff.status', { postId: asked.id });
    expect(answered.approvalValid).toBe(true);
    expect(answered.request?.id).toBe(requested.request?.id);
  });

  it('is recorded as the partner’s confirmation after she took her approval back (« Enregistrer sa confirmation »)', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Trois points essentiels sur la réforme.', { networks: ['linkedin'] });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no request email');
    const request = await parseCaptured(mail);
    await h.deliver(await plainReply(request, PARTNER, 'OK pour moi', 'gmail-fr'));
    await h.tick();
    h.clock.advance(6_000);
    await h.deliver(await plainReply(request, PARTNER, 'Finalement non\u00a0: ne publiez pas.', 'gmail-fr'));
    expect((await h.call('signoff.status', { postId: post.id })).status).toBe('held');

    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now(), revision: await seen(post.id) });
    await h.tick();
    const status = await h.call('signoff.status', { postId: post.id });
    expect(status.status).toBe('scheduled');
    expect(status.approvalValid).toBe(true);
  });
});
