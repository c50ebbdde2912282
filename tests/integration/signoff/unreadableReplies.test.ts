import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { WORKSTATION, requestedByEmail, startHarness } from './harness';
import type { Harness } from './harness';
import { appleMailSplitReply, opaqueSmimeReply } from './clientMessages';

/**
 * Nothing a partner sends is lost in silence: a reply with a big photo is read by its text
 * part, an unreadable one is recorded and alerted, a forward is recorded as information.
 * Real SMTP and a real Dovecot on loopback; replies built as Apple Mail, Outlook and Gmail do.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PARTNER = 'claire.dupont@example.org';
const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });
const alerts = (key: string) => h.events.filter((e) => e.type === 'alert' && e.messageKey === key);

const requested = (title?: string) => requestedByEmail(h, 'Trois points essentiels sur la réforme.', title);


describe('replies that used to vanish', () => {
  it('"Validé" with a 6 MB phone photo (Apple Mail) approves: only the text part is downloaded', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const raw = await new MailComposer({
      from: PARTNER,
      to: WORKSTATION,
      subject: `Re: ${request.subject}`,
      inReplyTo: request.messageId,
      references: [request.messageId],
      text: 'Validé\n\nEnvoyé de mon iPhone',
      attachments: [{ filename: 'IMG_4032.jpeg', contentType: 'image/jpeg', content: randomBytes(6 * 1024 * 1024) }],
    })
      .compile()
      .build();
    expect(raw.length).toBeGreaterThan(5 * 1024 * 1024);
    await h.deliver(raw);
    expect(['approved', 'scheduled']).toContain((await h.call('signoff.status', { postId })).status);
    expect((await history(postId)).findLast((e) => e.action === 'approve')).toMatchObject({ channel: 'email' });
  });

  it('Apple Mail’s text / photo / text: the words after a 6 MB photo are read as after a 1 MB one, so “Bon pour moi.” with a reservation below is not an approval', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const split = { before: 'Bon pour moi.', after: 'Seule réserve : retirez « enfin ! » avant de publier.' };
    const big = appleMailSplitReply(request, { ...split, photoBytes: 6 * 1024 * 1024 });
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    await h.deliver(big);
    expect((await h.call('signoff.status', { postId })).status).toBe('changes_requested');
    const bigComment = (await history(postId)).findLast((e) => e.action === 'requestChanges')?.details.comment;
    expect(bigComment).toContain('Seule réserve : retirez « enfin ! » avant de publier.');

    const small = await requested('Small path');
    await h.deliver(appleMailSplitReply(small.request, { ...split, photoBytes: 1024 * 1024 }));
    expect((await history(small.postId)).findLast((e) => e.action === 'requestChanges')?.details.comment).toBe(bigComment);
  });

  it('a big reply with no text at all is recorded as unreadable, the CM alerted to open it in their mail client', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const raw = await new MailComposer({
      from: PARTNER,
      to: WORKSTATION,
      subject: `RE: ${request.subject}`,
      inReplyTo: request.messageId,
      references: [request.messageId],
      attachments: [{ filename: 'scan.pdf', contentType: 'application/pdf', content: randomBytes(6 * 1024 * 1024) }],
    })
      .compile()
      .build();
    await h.deliver(raw);
    expect((await h.call('signoff.status', { postId })).status).toBe('in_review');
    expect((await history(postId)).at(-1)).toMatchObject({ action: 'replyReceived', details: { unreadable: true, reason: 'noTextPart', from: PARTNER, applied: false } });
    expect(alerts('signoff.alerts.unreadableReply')).toMatchObject([{ severity: 'error', postId, params: { from: PARTNER } }]);
  });

  it('an opaque S/MIME reply (application/pkcs7-mime, no text a reader can decode) is unreadable: recorded, logged, alerted; the request stays open', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(opaqueSmimeReply(request));
    expect((await h.call('signoff.status', { postId })).status).toBe('in_review');
    expect((await history(postId)).map((e) => e.action)).not.toContain('requestChanges');
    expect((await history(postId)).at(-1)).toMatchObject({ action: 'replyReceived', details: { unreadable: true, reason: 'noTextPart', from: PARTNER, applied: false } });
    expect(alerts('signoff.alerts.unreadableReply')).toMatchObject([{ severity: 'error', postId, params: { from: PARTNER } }]);
    expect(readFileSync(join(h.dir, 'plume.log'), 'utf8')).toContain(`sign-off reply unreadable (noTextPart`);
  });

  it('a malformed MIME reply (multipart without its boundary) is unreadable, not a "changes requested" of garbage', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const raw = [
      `From: ${PARTNER}`,
      `To: ${WORKSTATION}`,
      `Subject: RE: ${request.subject}`,
      `Message-ID: <broken-1@outlook.example>`,
      `In-Reply-To: ${request.messageId}`,
      `References: ${request.messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="_000_LOST_"',
      '',
      '--_005_OTHER_',
      'Content-Type: text/plain; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      'VmFsaWTDqQ==',
      '--_005_OTHER_--',
      '',
    ].join('\r\n');
    await h.deliver(raw);
    expect((await h.call('signoff.status', { postId })).status).toBe('in_review');
    expect((await history(postId)).some((e) => e.action === 'requestChanges')).toBe(false);
    expect((await history(postId)).at(-1)).toMatchObject({ action: 'replyReceived', details: { unreadable: true, reason: 'malformedMime' } });
    expect(alerts('signoff.alerts.unreadableReply')).toHaveLength(1);
  });

  it('a request forwarded by the partner (TR:, as French Outlook writes it) is recorded as information, not a decision', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const raw = await new MailComposer({
      from: PARTNER,
      to: `Paul Martin <paul.martin@example.org>, ${WORKSTATION}`,
      subject: `TR: ${request.subject}`,
      inReplyTo: request.messageId,
      references: [request.messageId],
      text: `Paul, peux-tu relire ?\n\n________________________________\nDe : Plume <${WORKSTATION}>\nObjet : ${request.subject}\n\n${request.text}`,
    })
      .compile()
      .build();
    await h.deliver(raw);
    expect((await h.call('signoff.status', { postId })).status).toBe('in_review');
    expect((await history(postId)).at(-1)).toMatchObject({ action: 'replyReceived', details: { forwarded: true, applied: false, from: PARTNER } });
    expect(alerts('signoff.alerts.forwarded')).toHaveLength(1);
  });
});
