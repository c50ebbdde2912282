import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { WORKSTATION, buttonReply, composeReply, parseCaptured, plainReply, requestedByEmail, startHarness } from './harness';
import type { Harness, QuoteStyle } from './harness';
import { gmailReply, outlookReply } from './clientMessages';

/**
 * Replies read from a real Dovecot IMAP server on 127.0.0.1, after the request went out
 * through a real SMTP server: every path by which a partner's email may (or must not)
 * decide a sign-off.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PARTNER = 'claire.dupont@example.org';

/** A post, its sign-off requested and the email sent; the inbox has been read once (position saved). */
const requested = (text: string, title?: string) => requestedByEmail(h, text, title);


const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });
const lastOf = async (postId: string, action: AuditEntry['action']) => (await history(postId)).findLast((e) => e.action === action);
const status = (postId: string) => h.call('signoff.status', { postId });
/** Approved, and still the approved text (publishing may already have moved it on to `scheduled`). */
const approved = async (postId: string): Promise<boolean> => {
  const current = await status(postId);
  return current.approvalValid && ['approved', 'scheduled'].includes(current.status);
};
const tokenOf = (href: string): string => /plume1\.[ac]\.[0-9a-f-]{36}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}/.exec(decodeURIComponent(href))?.[0] ?? '';

describe('replies by email, read from a real IMAP server', () => {
  it('the Approve button’s reply approves exactly the requested revision, audited as the partner’s decision by email', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Trois points essentiels sur la réforme.');
    const before = await status(postId);
    expect(before.status).toBe('in_review');

    await h.deliver(await buttonReply(request.approveHref, PARTNER));

    const after = await status(postId);
    expect(await approved(postId)).toBe(true);
    expect(after.approvedHash).toBe(before.request?.revisionHash);
    expect(after.approvedHash).toBe(after.currentHash);
    const approve = await lastOf(postId, 'approve');
    expect(approve).toMatchObject({
      channel: 'email',
      actor: { kind: 'partner', name: 'Me Claire Dupont' },
      fromStatus: 'in_review',
      toStatus: 'approved',
      revisionNumber: before.revisionNumber,
      revisionHash: before.request?.revisionHash,
    });
    expect(approve?.details).toMatchObject({ requestId: before.request?.id, via: 'token', comment: null });
    // Nothing the publisher would refuse.
    expect(h.core.signoff.service.assertPublishable(postId).hash).toBe(after.currentHash);
  });

  it.each<[string, QuoteStyle]>([
    ['Validé', 'gmail-fr'],
    ['OK', 'apple-fr'],
    ['Bon pour publication.\n\nBien cordialement,\nClaire Dupont', 'outlook-fr'],
    ['Approved, thanks!', 'gmail-en'],
  ])('a plain reply “%s” (quoted the %s way) approves', async (body, style) => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Le juge peut réviser le contrat.');
    await h.deliver(await plainReply(request, PARTNER, body, style));
    expect(await approved(postId)).toBe(true);
    expect((await lastOf(postId, 'approve'))?.details).toMatchObject({ via: 'thread', comment: null });
  });

  it('an HTML-only reply is read from its text and approves', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Le juge peut réviser le contrat.');
    await h.deliver(await plainReply(request, PARTNER, 'Bonjour,\nValidé, merci !', 'gmail-fr', { html: true }));
    expect(await approved(postId)).toBe(true);
  });

  it('any other words request changes, with the partner’s own words as the comment and the quoted history stripped', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Le juge peut réviser le contrat.');
    const words = 'OK mais retirez « peut », le juge doit réviser.\nEt ajoutez la référence à l’article 1195.';
    await h.deliver(await plainReply(request, PARTNER, words, 'gmail-fr'));

    const after = await status(postId);
    expect(after.status).toBe('changes_requested');
    const decision = await lastOf(postId, 'requestChanges');
    expect(decision?.channel).toBe('email');
    expect(decision?.details.comment).toBe(words);
    // The partner's words are kept as their comment; nothing of the quoted request is in it.
    const comments = await h.call('signoff.comments', { postId });
    const fromPartner = comments.filter((c) => c.authorKind === 'partner');
    expect(fromPartner.map((c) => c.body)).toEqual([words]);
    expect(fromPartner[0]?.body).not.toContain('Aperçu');
    expect(fromPartner[0]?.body).not.toContain('plume1.');
  });

  it('a postscript under the closing and signature (Outlook, Gmail) is changes requested, the postscript in the comment', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const outlook = await requested('Le juge peut réviser le contrat… enfin !', 'Réforme Outlook');
    await h.deliver(outlookReply(outlook.request, { body: 'OK pour moi.\nBien cordialement,\nClaire Dupont\n\nPS : merci de retirer « enfin ! » avant publication.' }));
    const gmail = await requested('Rendez-vous le 7 décembre à 18 h.', 'Réforme Gmail');
    await h.deliver(gmailReply(gmail.request, 'Validé.\nCordialement\nClaire\nP.S. Remplacez 18 h par 19 h.'));

    for (const [{ postId }, postscript] of [
      [outlook, 'PS : merci de retirer « enfin ! » avant publication.'],
      [gmail, 'P.S. Remplacez 18 h par 19 h.'],
    ] as const) {
      expect((await status(postId)).status).toBe('changes_requested');
      expect((await history(postId)).map((e) => e.action)).not.toContain('approve');
      expect((await history(postId)).map((e) => e.action)).not.toContain('changesSuggested');
      expect((await lastOf(postId, 'requestChanges'))?.details.comment).toContain(postscript);
    }
  });

  it('an Outlook reply signed with name, titles, firm, phone and a confidentiality footer still approves', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Le juge peut réviser le contrat.');
    const signature =
      'Bien cordialement,\n\nMe Claire Dupont\nAvocate associée — Avocat au Barreau de Paris\nCabinet Arcand\nTél. : +33 1 23 45 67 89\n' +
      'Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires.';
    await h.deliver(outlookReply(request, { body: `Validé, merci.\n\n${signature}` }));
    expect(await approved(postId)).toBe(true);
  });

  it('an 8-bit iso-8859-1 reply (no transfer encoding) keeps its accents in the partner’s comment', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Le juge peut réviser le contrat.');
    const words = 'Non, à reformuler : le ton est trop familier.';
    const raw = [
      `From: Claire Dupont <${PARTNER}>`,
      `To: ${WORKSTATION}`,
      'Subject: Re: validation',
      `Message-ID: <latin1-8bit@client.example>`,
      `In-Reply-To: ${request.messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: 8bit',
      '',
      words,
      '',
    ].join('\r\n');
    await h.deliver(Buffer.from(raw, 'latin1'));
    expect((await lastOf(postId, 'requestChanges'))?.details.comment).toBe(words);
  });

  it('the Approve button with remarks typed above it is read as changes requested, so a person reads them', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Le juge peut réviser le contrat.');
    await h.deliver(await buttonReply(request.approveHref, PARTNER, 'Sauf le mot « peut », à remplacer par « doit ».'));
    expect((await status(postId)).status).toBe('changes_requested');
    expect((await lastOf(postId, 'requestChanges'))?.details).toMatchObject({ approveWithRemarks: true, comment: 'Sauf le mot « peut », à remplacer par « doit ».' });
  });

  it('a reply from another address than the partner’s registered one is refused and changes nothing', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Texte à valider.');
    await h.deliver(await buttonReply(request.approveHref, 'claire.dupont@evil.example'));
    expect((await status(postId)).status).toBe('in_review');
    expect((await lastOf(postId, 'replyRejected'))?.details).toMatchObject({ reason: 'senderMismatch', from: 'claire.dupont@evil.example' });
    expect(h.events.some((e) => e.type === 'alert' && e.messageKey === 'signoff.alerts.replyRejected')).toBe(true);
    // The partner's own reply still counts afterwards: the refused one did not use the token up.
    await h.deliver(await buttonReply(request.approveHref, PARTNER));
    expect(await approved(postId)).toBe(true);
  });

  it('a forged token (request-changes token turned into approve, or a tampered MAC) is refused', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Texte à valider.');
    const changes = tokenOf(request.changesHref);
    const flipped = changes.replace('plume1.c.', 'plume1.a.');
    await h.deliver(await composeReply({ from: PARTNER, subject: `Je valide [${flipped}]`, text: `Je valide ce texte pour publication.\n\nRéf. (ne pas modifier) : ${flipped}` }));
    const approve = tokenOf(request.approveHref);
    const tampered = `${approve.slice(0, -3)}${approve.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    await h.deliver(await composeReply({ from: PARTNER, subject: `Je valide [${tampered}]`, text: 'Je valide ce texte pour publication.' }));

    expect((await status(postId)).status).toBe('in_review');
    const refused = (await history(postId)).filter((e) => e.action === 'replyRejected').map((e) => e.details.reason);
    expect(refused).toEqual(['badSignature', 'badSignature']);
  });

  it('a token used once is refused when it comes again in another message', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested('Texte à valider.');
    await h.deliver(await buttonReply(request.approveHref, PARTNER));
    expect(await approved(postId)).toBe(true);
    await h.deliver(await buttonReply(request.approveHref, PARTNER));
    expect((await lastOf(postId, 'replyRejected'))?.details.reason).toBe('replayed');
    expect((await history(postId)).filter((e) => e.action === 'approve')).toHaveLength(1);
  });

  it('a token arriving after its deadline is refused as expired; the request has expired', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.');
    await h.call('signoff.request', { postId: post.id, deadlineAt: h.clock.now() + 3_600_000 });
    await h.tick();
    const request = await parseCaptured(await (h.smtp?.message(0) ?? Promise.reject(new Error('no mail'))));
    h.clock.advance(2 * 3_600_000);
    await h.deliver(await buttonReply(request.approveHref, PARTNER));
    const after = await status(post.id);
    expect(after.status).toBe('expired');
    expect((await lastOf(post.id, 'replyRejected'))?.details.reason).toBe('expired');
  });

  it('a reply about an older revision is recorded and shown, and does not approve the current one', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const first = await requested('Le juge peut réviser le contrat.');
    await h.edit(first.postId, 'Le juge doit réviser le contrat.');
    await h.call('signoff.request', { postId: first.postId });
    await h.tick();
    const current = await status(first.postId);
    expect(current.revisionNumber).toBe(2);

    await h.deliver(await buttonReply(first.request.approveHref, PARTNER));
    const after = await status(first.postId);
    expect(after.status).toBe('in_review');
    expect(after.approvedHash).toBeNull();
    const stale = await lastOf(first.postId, 'replyReceived');
    expect(stale).toMatchObject({ revisionNumber: 1, channel: 'email', actor: { kind: 'partner' } });
    expect(stale?.details).toMatchObject({ stale: true, applied: false, decision: 'approve' });
    expect(h.events.some((e) => e.type === 'alert' && e.messageKey === 'signoff.alerts.staleReply')).toBe(true);
  });

  it('with the background loop running, IDLE applies a reply within seconds, long before the next tick', async () => {
    h = await startHarness({ smtp: true, imap: true, schedulerIntervalMs: 10 * 60_000 });
    const { postId, request } = await requested('Texte à valider.');
    h.core.scheduler.start();
    // The loop's first pass (1 s after start) logs the watcher in (the second login, after the
    // tick's poll); it idles a second after its first read.
    await waitFor(() => Promise.resolve((h.imap?.log().match(/Login: user=/g) ?? []).length >= 2), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const landed = Date.now();
    h.imap?.deliver(await buttonReply(request.approveHref, PARTNER), { receivedAt: h.clock.now() });
    await waitFor(() => approved(postId), 10_000);
    const elapsed = Date.now() - landed;
    console.log(`IDLE: reply landed → approval recorded in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(10_000);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
