import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { HOUR, parseCaptured, startHarness } from './harness';
import type { Harness } from './harness';
import { refusal } from '../../support/refusal';

/**
 * What happens to an approval over time: edits void it, deadlines bring reminders and then
 * hold the post, decisions come by other channels, comments travel (or not), and requests
 * wait in the outbox while offline. Core on a real SQLite file, real SMTP and IMAP servers.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });
const alerts = (key: string) => h.events.filter((e) => e.type === 'alert' && e.messageKey === key);


describe('a sign-off needs a network', () => {
  it('is refused, asked or recorded, with its own message (the forms have no networks field to show it under)', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Le juge peut réviser le contrat.', { networks: [] });
    for (const refused of [
      await refusal(() => h.call('signoff.request', { postId: post.id })),
      await refusal(() => h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() })),
    ]) {
      expect(refused).toMatchObject({ code: 'validation', messageKey: 'errors.signoff.noNetworks' });
    }
    expect((await h.call('signoff.status', { postId: post.id })).status).toBe('draft');
  });
});

describe('an approval is bound to the exact text', () => {
  it('editing approved content voids the approval: back to draft, banner data in the status, the CM alerted, the publisher refuses', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Le juge peut réviser le contrat.');
    const requested = await h.call('signoff.request', { postId: post.id });
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
    expect((await h.call('signoff.status', { postId: post.id })).approvalValid).toBe(true);

    h.clock.advance(HOUR);
    await h.edit(post.id, 'Le juge doit réviser le contrat.');
    const voided = await h.call('signoff.status', { postId: post.id });
    expect(voided).toMatchObject({ status: 'draft', approvalValid: false, approvedHash: null });
    expect(voided.approvalVoided).toEqual({ at: h.clock.now(), requestId: requested.request?.id, revisionNumber: 2 });
    expect(alerts('signoff.alerts.approvalVoided')).toHaveLength(1);
    const trail = (await history(post.id)).map((e) => e.action);
    expect(trail.slice(-2)).toEqual(['contentEdited', 'approvalVoided']);
    const refused = await refusal(() => h.core.signoff.service.assertPublishable(post.id));
    expect(refused.messageKey).toBe('errors.signoff.notApproved');

    // Asking again clears the banner: the partner will see the new text.
    await h.call('signoff.request', { postId: post.id });
    expect((await h.call('signoff.status', { postId: post.id })).approvalVoided).toBeNull();
  });

  it('the publication-time check refuses content changed behind the app’s back (the hash differs from the approved one)', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Texte approuvé.');
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'in_person', decidedAt: h.clock.now() });
    expect(h.core.signoff.service.assertPublishable(post.id).requestId).toBeTruthy();

    // Another program writes to the workspace file directly.
    const db = new Database(h.core.databasePath);
    db.prepare('UPDATE posts SET plain_text = ? WHERE id = ?').run('Texte modifié en douce.', post.id);
    db.close();
    const refused = await refusal(() => h.core.signoff.service.assertPublishable(post.id));
    expect(refused.messageKey).toBe('errors.signoff.contentChanged');
    expect((await h.call('signoff.status', { postId: post.id })).approvalValid).toBe(false);
  });
});

describe('deadlines', () => {
  it('reminders are emailed 24 h and then 2 h before the deadline, threaded under the request, and audited', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const partner = await h.partner();
    // Publication in 72 h, the partner's lead time 24 h: the deadline is in 48 h.
    const post = await h.post(partner.id, 'Texte à valider.');
    const status = await h.call('signoff.request', { postId: post.id });
    expect(status.deadlineAt).toBe(h.clock.now() + 48 * HOUR);
    await h.tick();
    const request = await parseCaptured(await (h.smtp?.message(0) ?? Promise.reject(new Error('no request'))));

    h.clock.advance(23 * HOUR);
    await h.tick();
    expect(h.smtp?.messages).toHaveLength(1);
    h.clock.advance(HOUR);
    await h.tick();
    const first = await simpleParser((await h.smtp?.message(1))?.raw ?? '');
    expect(first.subject).toMatch(/^Rappel — validation attendue avant /);
    expect(first.inReplyTo).toBe(request.messageId);

    h.clock.advance(22 * HOUR);
    await h.tick();
    const last = await simpleParser((await h.smtp?.message(2))?.raw ?? '');
    expect(last.subject).toMatch(/^Dernier rappel — /);
    h.clock.advance(HOUR);
    await h.tick();
    expect(h.smtp?.messages).toHaveLength(3);

    const reminders = (await history(post.id)).filter((e) => e.action === 'reminderSent');
    expect(reminders.map((e) => [e.channel, e.details.level])).toEqual([
      ['email', 1],
      ['email', 2],
    ]);
    expect((await h.call('signoff.status', { postId: post.id })).request?.remindersSent).toBe(2);
  });

  it('no decision by the deadline: the request expires; not approved at publication time: the post is held, never published, and the CM alerted', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.');
    const neverAsked = await h.post(partner.id, 'Brouillon oublié.', { title: 'Oublié' });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();

    h.clock.advance(48 * HOUR + 60_000);
    const atDeadline = await h.tick();
    expect(atDeadline.expired).toBe(1);
    expect((await h.call('signoff.status', { postId: post.id })).status).toBe('expired');
    expect(alerts('signoff.alerts.expired')).toHaveLength(1);

    h.clock.advance(24 * HOUR);
    const atPublication = await h.tick();
    expect(atPublication.held).toBe(2);
    for (const id of [post.id, neverAsked.id]) {
      expect((await h.call('signoff.status', { postId: id })).status).toBe('held');
      const refused = await refusal(() => h.core.signoff.service.assertPublishable(id));
      expect(refused.messageKey).toBe('errors.signoff.notApproved');
    }
    const held = alerts('signoff.alerts.held');
    // One alert each; in which order the catch-up holds them is not the point.
    expect(held.map((e) => (e.type === 'alert' ? `${e.severity} ${e.postId ?? ''}` : '')).sort()).toEqual([`error ${post.id}`, `error ${neverAsked.id}`].sort());
    expect((await history(post.id)).at(-1)).toMatchObject({ action: 'hold', fromStatus: 'expired', toStatus: 'held', channel: 'system' });
  });
});

describe('decisions by other channels', () => {
  it('a decision by phone, in person or by message is recorded with who, when and how', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const byPhone = await h.post(partner.id, 'Un');
    const inPerson = await h.post(partner.id, 'Deux');
    const byMessage = await h.post(partner.id, 'Trois');
    await h.call('signoff.request', { postId: byPhone.id });
    h.clock.advance(HOUR);
    const decidedAt = h.clock.now() - 30 * 60_000;
    await h.call('signoff.recordDecision', { postId: byPhone.id, decision: 'approve', channel: 'phone', decidedAt, decidedBy: 'Paul Martin, son assistant', comment: 'Validé par téléphone à 10 h 30.' });
    await h.call('signoff.recordDecision', { postId: inPerson.id, decision: 'requestChanges', channel: 'in_person', decidedAt, comment: 'Ajouter la référence.' });
    await h.call('signoff.recordDecision', { postId: byMessage.id, decision: 'reject', channel: 'message', decidedAt });

    const decision = async (postId: string) => (await history(postId)).findLast((e) => ['approve', 'requestChanges', 'reject'].includes(e.action));
    expect(await decision(byPhone.id)).toMatchObject({
      action: 'approve',
      channel: 'phone',
      at: decidedAt,
      actor: { kind: 'partner', name: 'Paul Martin, son assistant' },
      details: { comment: 'Validé par téléphone à 10 h 30.', decidedAt, recordedAt: h.clock.now(), recordedBy: 'community_manager' },
    });
    expect(await decision(inPerson.id)).toMatchObject({ action: 'requestChanges', channel: 'in_person', actor: { name: 'Me Claire Dupont' } });
    expect(await decision(byMessage.id)).toMatchObject({ action: 'reject', channel: 'message' });
    // Decided without a request in the app: the request is recorded on that channel, bound to that revision.
    expect((await history(inPerson.id)).find((e) => e.action === 'requestSignoff')).toMatchObject({ channel: 'in_person', revisionNumber: 1 });
    expect((await h.call('signoff.status', { postId: byMessage.id })).status).toBe('rejected');
  });

  it('a decision dated in the future, or before the request, is refused', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Texte');
    await h.call('signoff.request', { postId: post.id });
    const future = await refusal(() => h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() + 2 * HOUR }));
    expect(future.issues).toEqual([{ path: ['decidedAt'], messageKey: 'errors.signoff.decidedInFuture' }]);
    const before = await refusal(() => h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() - HOUR }));
    expect(before.issues).toEqual([{ path: ['decidedAt'], messageKey: 'errors.signoff.decidedBeforeRequest' }]);
    expect((await h.call('signoff.status', { postId: post.id })).status).toBe('in_review');
  });
});

describe('a decision given in the minute of the request', () => {
  it('is accepted when the form’s minute-precision time is the request’s own minute, and recorded no earlier than the request', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Texte');
    h.clock.advance(42_500); // the request goes out 42.5 s into a minute
    const requested = await h.call('signoff.request', { postId: post.id });
    const requestedAt = h.clock.now();
    h.clock.advance(5_000);
    const minute = Math.floor(requestedAt / 60_000) * 60_000; // what "Quand" holds: seconds dropped
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: minute });

    const approval = (await history(post.id)).findLast((e) => e.action === 'approve');
    expect(approval).toMatchObject({ at: requestedAt, details: { requestId: requested.request?.id, decidedAt: requestedAt } });
    expect((await h.call('signoff.status', { postId: post.id })).approvalValid).toBe(true);
  });

  it('is still refused a minute before the request’s minute', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Texte');
    await h.call('signoff.request', { postId: post.id });
    const previousMinute = Math.floor(h.clock.now() / 60_000) * 60_000 - 1;
    const before = await refusal(() => h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: previousMinute }));
    expect(before.issues).toEqual([{ path: ['decidedAt'], messageKey: 'errors.signoff.decidedBeforeRequest' }]);
  });
});

describe('comments and the outbox', () => {
  it('internal comments never leave; a partner-visible one goes with the next request email, once', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Le juge peut réviser le contrat.');
    await h.call('signoff.addComment', { postId: post.id, body: 'Source : Cass. civ. 3e, 2025.', visibility: 'partner' });
    await h.call('signoff.addComment', { postId: post.id, body: 'Elle préfère « doit ».', visibility: 'internal' });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'requestChanges', channel: 'phone', decidedAt: h.clock.now() });
    await h.edit(post.id, 'Le juge doit réviser le contrat.');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();

    const first = await parseCaptured(await (h.smtp?.message(0) ?? Promise.reject(new Error('no mail'))));
    const second = await parseCaptured(await (h.smtp?.message(1) ?? Promise.reject(new Error('no mail'))));
    expect(first.text).toContain('Source : Cass. civ. 3e, 2025.');
    expect(second.text).not.toContain('Source : Cass. civ. 3e, 2025.');
    for (const mail of [first, second]) {
      expect(mail.text).not.toContain('Elle préfère');
      expect(mail.html).not.toContain('Elle préfère');
    }
    const comments = await h.call('signoff.comments', { postId: post.id });
    expect(comments.map((c) => [c.visibility, c.sentInRequestId !== null])).toEqual([
      ['partner', true],
      ['internal', false],
    ]);
    expect((await history(post.id)).filter((e) => e.action === 'commented').map((e) => e.details.visibility)).toEqual(['partner', 'internal']);
  });

  it('offline, the request email waits in the outbox as queued, and leaves once back online', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte');
    await h.call('outbox.setOnline', { online: false });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    expect((await h.call('signoff.status', { postId: post.id })).request?.email.state).toBe('queued');
    expect(h.smtp?.messages).toHaveLength(0);

    await h.call('outbox.setOnline', { online: true });
    await h.tick();
    expect((await h.call('signoff.status', { postId: post.id })).request?.email.state).toBe('done');
    expect(h.smtp?.messages).toHaveLength(1);
  });
});
