import { describe, expect, it } from 'vitest';
import { isMarkerWording, quotedPreviews, suggestedText } from '../../../shared/signoff/suggestedText';
import { networkLabels, networks } from '../../../shared/posts/networks';
import { previewStrings } from '../../../electron/core/signoff/email/previewStrings';
import { requestLayout } from '../../../electron/core/signoff/email/strings';

const POST = [
  'Trois points essentiels sur la réforme du droit des contrats.',
  'Premièrement, l’imprévision : le juge peut désormais réviser le contrat.',
  'Enfin, contactez-nous pour un audit de vos contrats !',
].join('\n');

/** The request's text part as a French Outlook in windows-1252 quotes it: "┄" and "─" became "?". */
const outlookQuote = (post: string, marker = '? «\u00a0…voir plus\u00a0»\u00a0: LinkedIn replie ici sur mobile ?') => {
  const cut = post.indexOf('contactez');
  const body = cut === -1 ? [post] : [post.slice(0, cut - 1), marker, ` ${post.slice(cut)}`];
  return [
    'De : Plume <plume@example.org>',
    'Envoyé : mardi 24 novembre 2026 10:00',
    'Objet : Validation demandée',
    '',
    'Bonjour Me Claire Dupont,',
    '',
    '?? Aperçu LinkedIn ??',
    '',
    'Compte\u00a0: publication à la main · 188\u00a0/\u00a03000 caractères',
    '',
    ...body,
    '',
    'Vous pouvez aussi répondre simplement «\u00a0OK\u00a0» à ce courriel pour valider, ou répondre avec vos remarques.',
  ].join('\n');
};

describe('a layout line whose characters the reply’s charset lost', () => {
  it('is still known as the fold marker: an unedited windows-1252 quote is no suggestion', () => {
    const text = `C’est bon pour moi – merci.\n\n${outlookQuote(POST)}`;
    expect(quotedPreviews(text, requestLayout)).toEqual([{ network: 'linkedin', text: POST }]);
    expect(suggestedText({ text, own: 'C’est bon pour moi – merci.', charset: 'windows-1252' }, { linkedin: POST }, requestLayout)).toBeNull();
  });

  it('is known with U+FFFD, or with its "┄" dropped, wrapped over two lines', () => {
    for (const marker of ['\ufffd « …voir plus » : LinkedIn replie ici sur mobile \ufffd', '« …voir plus » : LinkedIn replie ici\nsur mobile', '? « ?voir plus » : LinkedIn replie ici sur\nmobile ?']) {
      expect(quotedPreviews(`OK\n\n${outlookQuote(POST, marker)}`, requestLayout)[0]?.text).toBe(POST);
    }
  });

  it('but a line the partner typed there is still their correction', () => {
    const text = `OK\n\n${outlookQuote(POST, '? Ajoutez ici la date du webinaire ?')}`;
    expect(suggestedText({ text, own: 'OK', charset: 'windows-1252' }, { linkedin: POST }, requestLayout)).not.toBeNull();
    const edited = `OK\n\n${outlookQuote(POST.replace('audit', 'bilan'))}`;
    expect(suggestedText({ text: edited, own: 'OK', charset: 'windows-1252' }, { linkedin: POST }, requestLayout)?.text).toContain('bilan');
  });

  it('every marker Plume writes, in both languages, for every network, is known by its wording once its "┄" is lost', () => {
    for (const strings of Object.values(previewStrings)) {
      for (const network of networks) {
        const label = networkLabels[network];
        const markers = [strings.threadPart(2, 3, label), strings.firstComment(label)];
        for (const marker of markers) {
          expect(isMarkerWording(marker.replace(/┄/gu, '?')), marker).toBe(true);
        }
      }
    }
    // Fold markers are no longer written inside the text (a note after it says where the
    // network folds), but requests sent before still carry them, in these words.
    for (const network of networks) {
      const label = networkLabels[network];
      for (const marker of [
        `┄ «\u00a0…voir plus\u00a0»\u00a0: ${label} replie ici sur ordinateur ┄`,
        `┄ «\u00a0…voir plus\u00a0»\u00a0: ${label} replie ici sur mobile ┄`,
        `┄ "…see more": ${label} folds here on desktop ┄`,
        `┄ "…see more": ${label} folds here on mobile ┄`,
      ]) {
        expect(isMarkerWording(marker.replace(/┄/gu, '?')), marker).toBe(true);
      }
    }
    expect(isMarkerWording('Ajoutez la date')).toBe(false);
  });
});

describe('a quote whose only difference is characters its charset lost', () => {
  const post = 'Le juge 👩‍⚖️ peut réviser le contrat… enfin\u202f! Rendez-vous à Łódź.';
  const text = (quoted: string) => `OK\n\n${outlookQuote(quoted, '┄ «\u00a0…voir plus\u00a0»\u00a0: LinkedIn replie ici sur mobile ┄').replace(/\?\? Aperçu/u, '── Aperçu').replace(/\?\?$/mu, '──')}`;

  it('is no suggestion in a charset this knows, or in one it does not (each lost character a "?", two for an emoji)', () => {
    const cp1252 = 'Le juge ????? peut réviser le contrat… enfin?! Rendez-vous à ?ód?.';
    expect(suggestedText({ text: text(cp1252), own: 'OK', charset: 'windows-1252' }, { linkedin: post }, requestLayout)).toBeNull();
    expect(suggestedText({ text: text(cp1252), own: 'OK', charset: 'iso-8859-2' }, { linkedin: post }, requestLayout)).toBeNull();
    expect(suggestedText({ text: text(cp1252.replace('réviser', 'r?viser')), own: 'OK', charset: 'koi8-r' }, { linkedin: post }, requestLayout)).toBeNull();
  });

  it('but a "?" where the charset holds the character, or in UTF-8, is the partner’s', () => {
    const changed = 'Le juge ????? peut r?viser le contrat… enfin?! Rendez-vous à ?ód?.';
    expect(suggestedText({ text: text(changed), own: 'OK', charset: 'windows-1252' }, { linkedin: post }, requestLayout)).not.toBeNull();
    expect(suggestedText({ text: text(changed), own: 'OK', charset: 'utf-8' }, { linkedin: post }, requestLayout)).not.toBeNull();
  });
});
