import { afterEach, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../../electron/core/records/verifyRecord';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { tempDir } from '../../support/tempDir';
import { WORKSTATION, composeReply, parseCaptured, startHarness, quoteLines } from './harness';
import type { Harness, ParsedRequest } from './harness';

/**
 * A thread and a first comment are approved with the text (their hash binds them), so the
 * partner sees them in the request email, and a reply quoting them is read against them: an
 * unchanged quote approves, an edited part is changes requested. Real SMTP and Dovecot on loopback.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PARTNER = 'claire.dupont@example.org';
const PART_1 = 'La réforme du droit des contrats change la donne pour vos conventions. 1/2';
const PART_2 = 'Relisez vos clauses avec votre avocat avant toute signature. 2/2';
const EDITED_PART_2 = 'Relisez vos clauses avec votre avocat, dès cette semaine. 2/2';
const COMMENT = 'Le détail de la réforme : https://www.legifrance.gouv.fr/';
const BODY = 'La réforme du droit des contrats change la donne pour vos conventions. Relisez vos clauses avec votre avocat avant toute signature.';

async function requested(): Promise<{ postId: string; request: ParsedRequest }> {
  const partner = await h.partner();
  const post = await h.post(partner.id, BODY, { networks: ['x'] });
  await h.call('posts.save', { id: post.id, baseVersion: post.version, threads: { x: [PART_1, PART_2] }, firstComments: { x: COMMENT } });
  await h.call('signoff.request', { postId: post.id });
  await h.tick();
  const mail = await h.smtp?.message(0);
  if (!mail) throw new Error('no request email');
  return { postId: post.id, request: await parseCaptured(mail) };
}


const appleMail = (request: ParsedRequest, own: string, quote: string) =>
  composeReply({
    from: PARTNER,
    subject: `Re: ${request.subject}`,
    inReplyTo: request.messageId,
    references: [request.messageId],
    text: `${own}\n\n> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quoteLines(quote)}\n`,
  });
const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });

describe('a thread and a first comment in the sign-off request', () => {
  it('are shown to the partner, part by part and the comment after, in the text and HTML parts', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { request } = await requested();
    for (const source of [request.text, request.html]) {
      expect(source).toContain(PART_1);
      expect(source).toContain(PART_2);
      expect(source).toContain('publication 2/2, en réponse à la précédente');
      expect(source).toContain('Premier commentaire sur X, publié juste après');
      expect(source).toContain('Le détail de la réforme');
    }
    expect(request.text.indexOf(PART_1)).toBeLessThan(request.text.indexOf(PART_2));
    expect(request.text.indexOf(PART_2)).toBeLessThan(request.text.indexOf('Le détail de la réforme'));
  });

  it('approve on an unchanged quote of the whole chain, and the exported record verifies', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(await appleMail(request, 'Validé, merci.', request.text));
    // Approved, then scheduled at once (the post has a date).
    expect(['approved', 'scheduled']).toContain((await h.call('signoff.status', { postId })).status);
    expect((await history(postId)).some((e) => e.action === 'approve')).toBe(true);
    expect((await history(postId)).some((e) => e.action === 'changesSuggested')).toBe(false);
    const out = tempDir();
    try {
      const folder = (await h.call('records.export', { scope: { kind: 'post', postId }, folder: out.path })).path;
      expect(verifyRecord(folder)).toMatchObject({ ok: true, problems: [] });
    } finally {
      out.remove();
    }
  });

  it('is changes requested when the partner edits a part in the quote, even under "OK", with the corrected parts in the comment', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(await appleMail(request, 'OK avec ma correction', request.text.replace(PART_2, EDITED_PART_2)));
    expect((await h.call('signoff.status', { postId })).status).toBe('changes_requested');
    const entries = await history(postId);
    // Not a one-click body suggestion: a thread is not the post's body.
    expect(entries.some((e) => e.action === 'changesSuggested')).toBe(false);
    const decision = entries.find((e) => e.action === 'requestChanges');
    expect(decision?.details).toMatchObject({ comment: expect.stringContaining('Relisez vos clauses avec votre avocat, dès cette semaine. 2/2') as unknown });
  });
});
