import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLD_RULES, foldAt } from '../../../shared/previews/folds';
import { parseCaptured, startHarness } from './harness';
import type { Harness } from './harness';

/** The sign-off request email shows the partner each network's preview. Real SMTP on loopback. */
let h: Harness;
afterEach(async () => {
  await h.close();
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const TEXT =
  'La réforme du #droit-du-travail change la rupture conventionnelle : délais, indemnités, homologation. Voici ce que chaque employeur doit vérifier avant la fin du trimestre, et ce que les salariés peuvent demander dès maintenant. Analyse : https://exemple.fr/analyse';

describe('the sign-off email’s previews', () => {
  it('shows each network’s preview in both parts, the image inline by CID with its alt text, nothing remote', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, TEXT, { networks: ['linkedin', 'bluesky', 'mastodon'] });
    await h.call('publishing.attachMedia', { postId: post.id, data: PNG, mimeType: 'image/png', alt: 'Graphique des délais' });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();

    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no mail');
    const parsed = await simpleParser(mail.raw);
    const request = await parseCaptured(mail);

    // The image travels inside the message and the HTML shows it through cid:, with its alt.
    expect(parsed.attachments).toHaveLength(1);
    const image = parsed.attachments[0];
    expect(image?.contentType).toBe('image/png');
    expect(image?.content.toString('base64')).toBe(PNG);
    const html = (await simpleParser(mail.raw, { keepCidLinks: true })).html || '';
    expect(html).toContain(`src="cid:${image?.cid ?? 'missing'}"`);
    expect(request.html).toContain('alt="Graphique des délais"');
    // No remote content: no http(s) image, stylesheet or frame.
    expect(request.html).not.toMatch(/<(img|link|iframe|script)[^>]+(src|href)="https?:/iu);

    // One preview per network, in both parts, with the network's own reading.
    for (const heading of ['Aperçu LinkedIn', 'Aperçu Bluesky', 'Aperçu Mastodon']) {
      expect(request.text).toContain(heading);
      expect(request.html).toContain(heading);
    }
    expect(request.text).toContain('Texte alternatif\u00a0: Graphique des délais');
    expect(request.html).toContain('#droit-du-travail</span>');
    expect(request.text).toContain('Sans avertissement de contenu.');

    // LinkedIn's folds, where the shared rule puts them, said after the text: the text itself is whole.
    const rules = FOLD_RULES.linkedin;
    const plain = post.plainText;
    const desktop = rules ? (foldAt(plain, rules.desktop) ?? 0) : 0;
    const mobile = rules ? (foldAt(plain, rules.mobile) ?? 0) : 0;
    expect(0 < mobile && mobile < desktop).toBe(true);
    const linkedin = request.text.slice(request.text.indexOf('Aperçu LinkedIn'), request.text.indexOf('Aperçu Bluesky'));
    expect(plain.slice(0, mobile).trimEnd().endsWith('Voici ce que chaque employeur doit')).toBe(true);
    expect(plain.slice(0, desktop).trimEnd().endsWith('et ce que les salariés peuvent')).toBe(true);
    expect(linkedin).toContain(
      `${plain}\n\nSur mobile, LinkedIn replie le texte après «\u00a0… Voici ce que chaque employeur doit\u00a0» («\u00a0…voir plus\u00a0»).\n` +
        `Sur ordinateur, LinkedIn replie le texte après «\u00a0… et ce que les salariés peuvent\u00a0» («\u00a0…voir plus\u00a0»).`,
    );
    expect(linkedin).not.toContain('┄');
  });

  it('names an image too heavy to attach by its alt text, in English for an English partner', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner({ displayName: 'Julien Tremblay', timeZone: 'America/Toronto', locale: 'en', signoffEmail: 'julien@example.org' });
    const post = await h.post(partner.id, 'Hello all, a short post.', { networks: ['x'] });
    // Over 1 MB: stored for publication, left out of the email.
    const heavy = Buffer.alloc(1_100_000);
    Buffer.from(PNG, 'base64').copy(heavy);
    await h.call('publishing.attachMedia', { postId: post.id, data: heavy.toString('base64'), mimeType: 'image/png', alt: 'Team photo' });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();

    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no mail');
    const parsed = await simpleParser(mail.raw);
    const request = await parseCaptured(mail);
    expect(parsed.attachments).toHaveLength(0);
    expect(request.text).toContain('X preview');
    expect(request.text).toContain('[Image not attached (too heavy); alt text: Team photo]');
    expect(request.html).toContain('Image not attached (too heavy); alt text: Team photo');
    expect(request.text).toContain('Each link counts 23 characters.');
  });
});
