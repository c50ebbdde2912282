import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { WORKSTATION, composeReply, parseCaptured, quoteLines, startHarness } from './harness';
import type { Harness, ParsedRequest } from './harness';
import { PARTNER, htmlAsText, outlookReply } from './clientMessages';

/**
 * The text sent for sign-off is the post's exact text: the request email's text part carries it
 * byte for byte, LinkedIn's "…voir plus" fold said in a note after it, never cut into it; the
 * HTML keeps the note apart from the text. A reply quoting it unchanged (Outlook in
 * windows-1252 too, which has no "┄") is no correction. Real SMTP and Dovecot on loopback.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PARAGRAPHS = [
  'Trois points essentiels sur la réforme du droit des contrats.',
  'Premièrement, l’imprévision\u00a0: le juge peut désormais réviser le contrat.',
  'Enfin, contactez-nous pour un audit de vos contrats\u202f!',
];
const TEXT = PARAGRAPHS.join('\n');
const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });

async function requested(): Promise<{ postId: string; plain: string; request: ParsedRequest }> {
  const partner = await h.partner();
  const post = await h.post(partner.id, TEXT, { networks: ['linkedin'] });
  await h.call('signoff.request', { postId: post.id });
  await h.tick();
  const mail = await h.smtp?.message(0);
  if (!mail) throw new Error('no request email');
  return { postId: post.id, plain: post.plainText, request: await parseCaptured(mail) };
}

describe('the post’s exact text in the request email', () => {
  it('the text part carries the post’s plain text byte for byte, the fold said in a note after it', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { plain, request } = await requested();
    expect(plain).toBe(TEXT);
    const section = request.text.slice(request.text.indexOf('── Aperçu LinkedIn ──'));
    // Heading, meta line, blank line, then the text itself, whole.
    const lines = section.split('\n');
    expect(lines.slice(3, 3 + PARAGRAPHS.length).join('\n')).toBe(plain);
    expect(section).not.toContain('┄');
    expect(section).toContain(`${plain}\n\nSur mobile, LinkedIn replie le texte après «\u00a0… Enfin,\u00a0» («\u00a0…voir plus\u00a0»).`);
  });

  it('the HTML part keeps the fold’s note out of the text’s characters', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { request } = await requested();
    const asText = htmlAsText(request.html);
    for (const paragraph of PARAGRAPHS) expect(asText).toContain(paragraph);
    expect(asText).not.toContain('┄');
    expect(request.html).toMatch(/<p style="color:#71717a;[^"]*">Sur mobile, LinkedIn replie le texte après/u);
  });

  it('an Outlook reply in windows-1252 quoting the request unchanged approves it, with no suggestion', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(outlookReply(request, { body: 'C’est bon pour moi – merci.' }));
    const entries = await history(postId);
    expect(entries.map((e) => e.action)).not.toContain('changesSuggested');
    expect((await h.call('signoff.status', { postId })).approvalValid).toBe(true);
  });

  it('a correction made in the quote is read back without the note', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const edited = request.text.replace('contactez-nous pour un audit', 'écrivez-nous pour un audit');
    await h.deliver(
      await composeReply({
        from: PARTNER,
        subject: `Re: ${request.subject}`,
        inReplyTo: request.messageId,
        references: [request.messageId],
        text: `Une correction.\n\nLe lun. 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n\n${quoteLines(edited)}\n`,
      }),
    );
    const suggestion = (await history(postId)).find((e) => e.action === 'changesSuggested');
    expect(suggestion?.details.text).toBe(TEXT.replace('contactez-nous pour un audit', 'écrivez-nous pour un audit'));
  });
});

describe('the greeting', () => {
  const greetingOf = async (displayName: string, locale: 'fr' | 'en' = 'fr'): Promise<string> => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner({ displayName, locale });
    const post = await h.post(partner.id, 'Un texte court.', { networks: ['linkedin'] });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no request email');
    const request = await parseCaptured(mail);
    const first = request.text.split('\n')[0] ?? '';
    expect(request.html).toContain(`<p>${first}</p>`);
    return first;
  };

  it('« Bonjour Maître, » for a partner named « Me … », never « Bonjour Me … »', async () => {
    expect(await greetingOf('Me Claire Dupont')).toBe('Bonjour Maître,');
  });

  it('« Bonjour Maître, » for a partner named « Maître … »', async () => {
    expect(await greetingOf('Maître Paul Roy')).toBe('Bonjour Maître,');
  });

  it('« Bonjour Prénom Nom, » otherwise', async () => {
    expect(await greetingOf('Claire Dupont')).toBe('Bonjour Claire Dupont,');
  });

  it('in English, the name without « Me »', async () => {
    expect(await greetingOf('Me Claire Dupont', 'en')).toBe('Dear Claire Dupont,');
  });
});
