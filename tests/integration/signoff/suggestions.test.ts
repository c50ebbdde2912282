import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { pendingSuggestion } from '../../../shared/signoff/suggestion';
import { ApiError } from '../../../shared/api/errors';
import { docFromParagraphs } from '../../../shared/posts/document';
import { WORKSTATION, composeReply, parseCaptured, requestedByEmail, startHarness, quoteLines } from './harness';
import { outlookReply } from './clientMessages';
import type { Harness, ParsedRequest } from './harness';

/**
 * The partner's corrections: a reply carrying an edited version of the post (in the quoted
 * request, as Apple Mail, Outlook and Gmail quote it, or pasted above the quote) is recorded
 * as "changes suggested" with the text, against the revision asked about; one call makes it
 * the new revision and asks again. Real SMTP and a real Dovecot on loopback.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PARTNER = 'claire.dupont@example.org';
const LINE = 'Le juge peut réviser le contrat.';
const POST = `Trois points essentiels sur la réforme.\n${LINE}`;
const CORRECTED_LINE = 'Le juge peut désormais réviser le contrat déséquilibré.';
const CORRECTED = `Trois points essentiels sur la réforme.\n${CORRECTED_LINE}`;
const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });

async function requested(): Promise<{ postId: string; request: ParsedRequest }> {
  const partner = await h.partner();
  const post = await h.post(partner.id, POST, { networks: ['linkedin'] });
  await h.call('signoff.request', { postId: post.id });
  await h.tick();
  const mail = await h.smtp?.message(0);
  if (!mail) throw new Error('no request email');
  return { postId: post.id, request: await parseCaptured(mail) };
}


const thread = (request: ParsedRequest) => ({ from: PARTNER, subject: `Re: ${request.subject}`, inReplyTo: request.messageId, references: [request.messageId] });

/** Each mail client's way of replying with the post corrected in the quote. */
const styles: Record<string, (request: ParsedRequest, edited: string) => Promise<string>> = {
  'Apple Mail (fr, "> " quote edited in place)': (request, edited) =>
    composeReply({ ...thread(request), text: `Voici ma correction.\n\nEnvoyé de mon iPhone\n\n> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quoteLines(edited)}\n` }),
  'Outlook (fr, unquoted block under De : … Envoyé : …)': (request, edited) =>
    composeReply({
      ...thread(request),
      subject: `RE: ${request.subject}`,
      text: `Corrigé ci-dessous.\n\n________________________________\nDe : Plume <${WORKSTATION}>\nEnvoyé : lundi 24 novembre 2026 10:00\nÀ : ${PARTNER}\nObjet : ${request.subject}\n\n${edited}\n`,
    }),
  'Gmail (en, "> " quote under "On … wrote:")': (request, edited) =>
    composeReply({ ...thread(request), text: `See my correction below.\n\nOn Mon, Nov 24, 2026 at 10:00 AM Plume <${WORKSTATION}> wrote:\n\n${quoteLines(edited)}\n` }),
  'Gmail (fr, HTML only: the quote is the request’s HTML in a blockquote)': (request, edited) =>
    composeReply({
      ...thread(request),
      html:
        `<div dir="ltr">Petite correction dans le texte.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Le lun. 24 nov. 2026 à 10:00, Plume &lt;${WORKSTATION}&gt; a écrit&nbsp;:<br></div>` +
        `<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${edited.replace(/<!doctype[^>]*>|<\/?(html|body)[^>]*>/gi, '')}</blockquote></div>`,
    }),
};

describe('a reply carrying the partner’s corrected text', () => {
  for (const [style, reply] of Object.entries(styles)) {
    it(`is a suggestion with the corrected text — ${style}`, async () => {
      h = await startHarness({ smtp: true, imap: true });
      const { postId, request } = await requested();
      const source = style.includes('HTML') ? request.html : request.text;
      expect(source).toContain(LINE);
      await h.deliver(await reply(request, source.replace(LINE, CORRECTED_LINE)));

      const entries = await history(postId);
      const suggestion = entries.find((e) => e.action === 'changesSuggested');
      expect(suggestion).toMatchObject({ actor: { kind: 'partner' }, channel: 'email', revisionNumber: 1, details: { network: 'linkedin', text: CORRECTED, original: POST } });
      expect(pendingSuggestion(entries)?.fact.text).toBe(CORRECTED);
      expect((await h.call('signoff.status', { postId })).status).toBe('changes_requested');
    });
  }

  it('is a suggestion when pasted above the quote (the intro and signature left out)', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const own = `Bonjour,\n\nJe préfère cette version :\n\n${CORRECTED}\n\nBien à vous,\nClaire`;
    await h.deliver(await composeReply({ ...thread(request), text: `${own}\n\nLe lun. 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n\n${quoteLines(request.text)}\n` }));
    expect((await history(postId)).find((e) => e.action === 'changesSuggested')).toMatchObject({ details: { text: CORRECTED, source: 'pasted' } });
  });

  it('is no suggestion when the quote is unchanged: "OK" approves', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(await styles['Outlook (fr, unquoted block under De : … Envoyé : …)']?.(request, request.text) ?? '');
    const entries = await history(postId);
    expect(entries.some((e) => e.action === 'changesSuggested')).toBe(false);
    await h.deliver(await composeReply({ ...thread(request), messageId: '<ok-2@client.example>', text: `OK pour moi\n\n> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quoteLines(request.text)}\n` }));
    expect((await history(postId)).some((e) => e.action === 'changesSuggested')).toBe(false);
  });

  it('is no suggestion when an iso-8859-1 Outlook quote has "?" for the characters latin1 lacks: « Validé, merci. » approves', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const partner = await h.partner();
    const { postId, request } = await requestedByEmail(h, 'L’article 1195 du Code civil permet au juge de réviser le contrat… enfin !', 'Réforme', partner.id);
    await h.deliver(outlookReply(request, { body: 'Validé, merci.', charset: 'iso-8859-1' }));
    expect((await history(postId)).map((e) => e.action)).not.toContain('changesSuggested');
    expect(['approved', 'scheduled']).toContain((await h.call('signoff.status', { postId })).status);
  });

  it('"OK" above an edited quote is not an approval of the old text: changes requested, with the suggestion', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(await composeReply({ ...thread(request), text: `OK avec ma correction\n\n> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quoteLines(request.text.replace(LINE, CORRECTED_LINE))}\n` }));
    expect((await h.call('signoff.status', { postId })).status).toBe('changes_requested');
    expect((await history(postId)).some((e) => e.action === 'changesSuggested')).toBe(true);
  });
});

describe('applying the partner’s suggestion', () => {
  it('makes it the new revision through the post save and sends the re-request saying their corrections are applied', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(await composeReply({ ...thread(request), text: `Voici ma correction.\n\n> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quoteLines(request.text.replace(LINE, CORRECTED_LINE))}\n` }));
    const suggestion = (await history(postId)).find((e) => e.action === 'changesSuggested');
    if (!suggestion) throw new Error('no suggestion');
    const seen = await h.call('posts.get', { id: postId });
    // A save made since the community manager looked (another window) is not overwritten.
    const before = await h.call('posts.save', { id: postId, baseVersion: seen.version, note: 'Vu avec Claire' });
    await expect(h.call('signoff.applySuggestion', { postId, entryId: suggestion.id, baseVersion: seen.version })).rejects.toMatchObject({ code: 'conflict' });
    expect((await h.call('posts.get', { id: postId })).plainText).toBe(POST);

    const status = await h.call('signoff.applySuggestion', { postId, entryId: suggestion.id, baseVersion: before.version });
    const after = await h.call('posts.get', { id: postId });
    expect(after.plainText).toBe(CORRECTED);
    expect(after.revisionCount).toBe(before.revisionCount + 1);
    expect(status).toMatchObject({ status: 'in_review', revisionNumber: after.revisionCount, request: { revisionNumber: after.revisionCount, state: 'open' } });
    const revisions = await h.call('posts.revisions', { postId });
    expect(revisions.items[0]).toMatchObject({ number: after.revisionCount });
    const entries = await history(postId);
    expect(entries.findLast((e) => e.action === 'requestSignoff')?.details.correctionsFrom).toBe(suggestion.id);
    expect(pendingSuggestion(entries)).toBeNull();

    await h.tick();
    const mail = await h.smtp?.message(1);
    if (!mail) throw new Error('no re-request email');
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('Vos corrections sont appliquées\u00a0: «\u00a0Réforme du droit des contrats\u00a0»');
    expect(parsed.text).toContain('Vos corrections sont appliquées\u00a0: est-ce bon pour vous\u202f?');
    expect(parsed.text).toContain(CORRECTED_LINE);
  });

  it('goes into the network’s own version when the partner corrected that version, the common text left as it was', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const partner = await h.partner();
    const created = await h.post(partner.id, POST, { networks: ['linkedin', 'x'] });
    const X_TEXT = 'Réforme des contrats : le juge peut réviser.';
    const X_CORRECTED = 'Réforme des contrats : le juge peut désormais réviser.';
    const withVersion = await h.call('posts.save', { id: created.id, baseVersion: created.version, versions: { x: docFromParagraphs([X_TEXT]) } });
    await h.call('signoff.request', { postId: created.id });
    await h.tick();
    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no request email');
    const request = await parseCaptured(mail);
    expect(request.text).toContain(X_TEXT);
    await h.deliver(await composeReply({ ...thread(request), text: `Petite correction sur X.\n\n> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quoteLines(request.text.replace(X_TEXT, X_CORRECTED))}\n` }));
    const suggestion = (await history(created.id)).find((e) => e.action === 'changesSuggested');
    expect(suggestion?.details).toMatchObject({ network: 'x', text: X_CORRECTED, original: X_TEXT });
    if (!suggestion) throw new Error('no suggestion');

    const seen = await h.call('posts.get', { id: created.id });
    await h.call('signoff.applySuggestion', { postId: created.id, entryId: suggestion.id, baseVersion: seen.version });
    const after = await h.call('posts.get', { id: created.id });
    expect(after.versions.x?.plainText).toBe(X_CORRECTED);
    expect(after.plainText).toBe(withVersion.plainText);
  });

  it('an unknown suggestion is refused with a translatable error', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId } = await requested();
    const post = await h.call('posts.get', { id: postId });
    const error = await h.call('signoff.applySuggestion', { postId, entryId: 999_999, baseVersion: post.version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', messageKey: 'signoff.errors.suggestionNotFound' });
  });
});
