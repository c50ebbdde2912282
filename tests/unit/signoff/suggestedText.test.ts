import { describe, expect, it } from 'vitest';
import { quotedPreviews, similarity, suggestedText } from '../../../shared/signoff/suggestedText';
import type { RequestLayout } from '../../../shared/signoff/suggestedText';
import { wordDiff } from '../../../shared/signoff/wordDiff';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { pendingSuggestion } from '../../../shared/signoff/suggestion';

const layout: RequestLayout = {
  previewHeadings: { linkedin: ['── Aperçu LinkedIn ──', 'Aperçu LinkedIn'], x: ['── Aperçu X ──', 'Aperçu X'] },
  sectionEnds: ['Ce qui a changé depuis la version que vous avez vue', 'Commentaires', 'Pour valider, ouvrez ce lien (il prépare un courriel de réponse) :'],
};
const POST = 'Trois points essentiels sur la réforme.\nLe juge peut réviser le contrat.';
const CORRECTED = 'Trois points essentiels sur la réforme.\nLe juge peut désormais réviser le contrat.';
const asked = { linkedin: POST, x: POST };

/** The request's text part as the partner's client received it. */
const request = (linkedin: string, x = linkedin) =>
  [
    'Bonjour Me Claire Dupont,',
    '',
    'Voici le texte préparé pour publication en votre nom.',
    '',
    '── Aperçu LinkedIn ──',
    linkedin,
    '',
    '── Aperçu X ──',
    x,
    '',
    'Pour valider, ouvrez ce lien (il prépare un courriel de réponse) :',
    '<mailto:plume@example.org?subject=Je%20valide>',
  ].join('\n');
const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

describe('a corrected version of the post in a reply', () => {
  it('is found in a quote the partner edited (Apple Mail, Gmail: "> " quoting)', () => {
    const text = `Voir ma correction.\n\nLe 24 nov. 2026 à 10:00, Plume a écrit :\n\n${quote(request(CORRECTED, POST))}`;
    expect(suggestedText({ text, own: 'Voir ma correction.' }, asked, layout)).toEqual({ network: 'linkedin', text: CORRECTED, source: 'quote' });
  });

  it('is found in Outlook’s unquoted original under "De : … Envoyé : …"', () => {
    const text = `Corrigé ci-dessous.\n\n________________________________\nDe : Plume <plume@example.org>\nEnvoyé : lundi 24 novembre 2026 10:00\nObjet : Validation\n\n${request(POST, CORRECTED)}`;
    expect(suggestedText({ text, own: 'Corrigé ci-dessous.' }, asked, layout)).toEqual({ network: 'x', text: CORRECTED, source: 'quote' });
  });

  it('keeps a line typed inside an Apple Mail quote (it is no longer quoted)', () => {
    const lines = quote(request(POST)).split('\n');
    const at = lines.indexOf('> Le juge peut réviser le contrat.');
    lines.splice(at + 1, 0, 'Et il peut aussi le résilier.');
    const text = lines.join('\n');
    expect(suggestedText({ text, own: '' }, asked, layout)).toEqual({ network: 'linkedin', text: `${POST}\nEt il peut aussi le résilier.`, source: 'quote' });
  });

  it('reads a quote of the HTML part, whose headings have no rules (Gmail’s plain text)', () => {
    const text = `Petite correction\n\n> Aperçu LinkedIn\n> ${CORRECTED.replace('\n', '\n> ')}\n>\n> Aperçu X\n> ${POST.replace('\n', '\n> ')}\n>\n> Valider <mailto:plume@example.org> Demander des modifications <mailto:plume@example.org>`;
    expect(suggestedText({ text, own: 'Petite correction' }, asked, layout)).toMatchObject({ network: 'linkedin', text: CORRECTED });
  });

  it('is found pasted above the quote, the intro and the signature left out', () => {
    const own = `Bonjour,\n\nJe préfère cette version :\n\n${CORRECTED}\n\nBien à vous,\nClaire`;
    const text = `${own}\n\nLe 24 nov. 2026 à 10:00, Plume a écrit :\n\n${quote(request(POST))}`;
    expect(suggestedText({ text, own }, asked, layout)).toEqual({ network: 'linkedin', text: CORRECTED, source: 'pasted' });
  });

  it('is not a quote left unchanged, even rewrapped or with its no-break spaces turned into spaces', () => {
    const text = `OK pour moi.\n\n${quote(request(POST.replace('\n', ' '), POST.replace(' ', '\u00a0')))}`;
    expect(suggestedText({ text, own: 'OK pour moi.' }, asked, layout)).toBeNull();
  });

  it('is not a quote whose charset turned the characters it lacks into "?" (Outlook in iso-8859-1), but a real edit still is', () => {
    const post = 'L’article 1195 permet au juge de réviser le contrat… enfin\u202f!';
    const sentAsLatin1 = 'L?article 1195 permet au juge de réviser le contrat? enfin?!';
    const text = `Validé, merci.\n\n${quote(request(sentAsLatin1))}`;
    const both = { linkedin: post, x: post };
    expect(suggestedText({ text, own: 'Validé, merci.', charset: 'iso-8859-1' }, both, layout)).toBeNull();
    expect(suggestedText({ text, own: 'Validé, merci.', charset: 'ISO-8859-1' }, both, layout)).toBeNull();
    // In UTF-8 every character survives: a "?" there is the partner's.
    expect(suggestedText({ text, own: 'Validé, merci.', charset: 'utf-8' }, both, layout)).not.toBeNull();
    // windows-1252 holds ’ and …: a "?" in their place is the partner's too.
    expect(suggestedText({ text, own: 'Validé, merci.', charset: 'windows-1252' }, both, layout)).not.toBeNull();
    const edited = `Validé, merci.\n\n${quote(request(sentAsLatin1.replace('permet au', 'autorise le')))}`;
    expect(suggestedText({ text: edited, own: 'Validé, merci.', charset: 'iso-8859-1' }, both, layout)?.text).toContain('autorise le');
  });

  it('is not a remark that only names words to change', () => {
    const own = 'Remplacez « juge » par « magistrat », merci.';
    expect(suggestedText({ text: `${own}\n\n${quote(request(POST))}`, own }, asked, layout)).toBeNull();
  });

  it('is not a reply without any quote or version', () => {
    expect(suggestedText({ text: 'Validé', own: 'Validé' }, asked, layout)).toBeNull();
    expect(quotedPreviews('Validé', layout)).toEqual([]);
  });
});

describe('the suggestion’s word diff', () => {
  it('marks the words the partner added and removed, nothing else', () => {
    const parts = wordDiff(POST, CORRECTED);
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: 'désormais ' }]);
  });

  it('similarity counts words in common, in order', () => {
    expect(similarity(POST, POST)).toBe(1);
    expect(similarity(POST, CORRECTED)).toBeGreaterThan(0.8);
    expect(similarity('Remplacez juge par magistrat', POST)).toBeLessThan(0.5);
  });
});

describe('the suggestion the panel shows', () => {
  const at = (id: number, action: AuditEntry['action'], details: Record<string, unknown> = {}): AuditEntry => ({
    id,
    postId: '6f1c1c1e-8d4e-4a0e-9a59-0a3f3b1f0001',
    partnerId: '6f1c1c1e-8d4e-4a0e-9a59-0a3f3b1f0002',
    at: id,
    actor: { kind: 'partner', name: 'Me Claire Dupont' },
    action,
    fromStatus: null,
    toStatus: null,
    revisionNumber: 1,
    revisionHash: null,
    channel: 'email',
    details,
  });
  const fact = (text: string) => ({ requestId: 'r', messageId: '<m@x>', network: 'linkedin', text, original: POST, source: 'quote' });

  it('is the newest one, with its word diff against the revision asked about', () => {
    const pending = pendingSuggestion([at(1, 'requestSignoff'), at(2, 'changesSuggested', fact('vieux')), at(3, 'changesSuggested', fact(CORRECTED))]);
    expect(pending?.entry.id).toBe(3);
    expect(pending?.diff.filter((p) => p.op === 'insert')).toEqual([{ op: 'insert', text: 'désormais ' }]);
  });

  it('is answered by a later request: its corrections applied, or the community manager’s own version sent', () => {
    expect(pendingSuggestion([at(1, 'requestSignoff'), at(2, 'changesSuggested', fact(CORRECTED)), at(3, 'requestSignoff', { correctionsFrom: 2 })])).toBeNull();
    expect(pendingSuggestion([at(1, 'requestSignoff'), at(2, 'changesSuggested', fact(CORRECTED)), at(3, 'requestSignoff')])).toBeNull();
    expect(pendingSuggestion([at(1, 'requestSignoff')])).toBeNull();
  });
});

describe('a quote of the email’s rich previews', () => {
  const rich: RequestLayout = {
    ...layout,
    previewDecorations: { metaPrefixes: ['Compte\u00a0: '], foldMarker: '┄', trailerPrefixes: ['Texte alternatif\u00a0: ', 'Carte du lien\u00a0: '] },
  };
  const LONG = 'Trois points essentiels sur la réforme du droit des contrats. Le juge peut réviser le contrat.\nÀ lire sur notre site.';
  // As requestEmail renders it: the meta line, the fold cut into the text at a space, the image and card lines.
  const section = (text: string) => {
    const cut = text.indexOf('Le juge');
    return [
      'Compte\u00a0: @claire · 120\u00a0/\u00a0280 caractères · Chaque lien compte 23',
      'caractères.',
      '',
      `${text.slice(0, cut)}\n┄ «\u00a0…voir plus\u00a0» : LinkedIn replie ici sur ordinateur ┄\n${text.slice(cut)}`,
      '[Texte alternatif\u00a0: La salle d’audience]',
      '[Carte du lien\u00a0: Réforme — exemple-avocats.fr]',
    ].join('\n');
  };

  it('reads back the exact post: the meta paragraph (wrapped by the client), fold marker, image and card lines removed, the cut line joined', () => {
    const found = quotedPreviews(quote(request(section(LONG))), rich);
    expect(found[0]).toEqual({ network: 'linkedin', text: LONG });
  });

  it('joins the cut line with its space when the mail client trimmed it', () => {
    const trimmed = quote(request(section(LONG))).replace(/contrats\. \n/u, 'contrats.\n');
    expect(quotedPreviews(trimmed, rich)[0]?.text).toBe(LONG);
  });
});
