import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { openingWords, postLabel, titleOr } from '../../../shared/posts/postTitle';
import { postTitle, untitledOpening } from '../../../renderer/src/posts/postTitle';
import { alertParams } from '../../../renderer/src/signoff/alertText';
import { uiMessages } from '../../../renderer/src/i18n/resources';

/** The UI's own messages in one language, as the app loads them. */
async function translator(language: 'fr' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { fr: { translation: uiMessages('fr') }, en: { translation: uiMessages('en') } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('naming a post without a title (shared)', () => {
  it('keeps a title, and says the reader’s word for a missing or blank one', () => {
    expect(titleOr('Réforme', 'Sans titre')).toBe('Réforme');
    expect(titleOr('', 'Sans titre')).toBe('Sans titre');
    expect(titleOr('  ', 'Untitled')).toBe('Untitled');
  });

  it('takes the first words of the first line that has any, cut at a word with an ellipsis', () => {
    expect(openingWords('\n\n  Le juge peut   réviser le contrat.\nDeuxième ligne')).toBe('Le juge peut réviser le contrat.');
    const long = 'La réforme du droit des contrats change la donne pour les baux commerciaux signés avant 2016 et renouvelés depuis';
    const cut = openingWords(long);
    expect(Array.from(cut).length).toBeLessThanOrEqual(80);
    expect(cut).toBe('La réforme du droit des contrats change la donne pour les baux commerciaux…');
    expect(openingWords(long, 20)).toBe('La réforme du droit…');
    expect(openingWords('   \n  ')).toBe('');
    // An emoji is one character, never half of one.
    expect(openingWords('🎉'.repeat(30), 10)).toBe(`${'🎉'.repeat(9)}…`);
  });

  it('names a post by its title, else its first words, else the reader’s word', () => {
    expect(postLabel('Réforme', 'Le juge peut réviser.', 'Sans titre')).toBe('Réforme');
    expect(postLabel('', 'Le juge peut réviser.', 'Sans titre')).toBe('Le juge peut réviser.');
    expect(postLabel('', '', 'Untitled')).toBe('Untitled');
  });
});

describe('naming a post without a title (UI)', () => {
  it('says « Sans titre » in French and “Untitled” in English, as the Posts list does', async () => {
    expect(postTitle('', await translator('fr'))).toBe('Sans titre');
    expect(postTitle('', await translator('en'))).toBe('Untitled');
    expect(postTitle('Réforme', await translator('fr'))).toBe('Réforme');
  });

  it('shows the start of an untitled post’s text beside « Sans titre », nothing for a titled one', () => {
    expect(untitledOpening('', 'Le juge peut réviser le contrat.')).toBe('Le juge peut réviser le contrat.');
    expect(untitledOpening('Réforme', 'Le juge peut réviser le contrat.')).toBe('');
    expect(untitledOpening('', '')).toBe('');
  });

  it('an alert about an untitled post quotes « Sans titre », in the UI’s language, never an empty « »', async () => {
    const t = await translator('fr');
    const params = alertParams({ title: '' }, t);
    expect(t('signoff.alerts.approvalVoided', params)).toBe('«\u00a0Sans titre\u00a0»\u00a0: le texte a changé après l’approbation, qui est annulée.');
    const english = await translator('en');
    expect(english('signoff.alerts.approvalVoided', alertParams({ title: '' }, english))).toBe('“Untitled”: the text changed after approval, which is voided.');
    expect(t('publishing.alerts.missed', alertParams({ title: '' }, t))).toBe('«\u00a0Sans titre\u00a0» a manqué son créneau\u00a0: décidez de la suite.');
    // Other values, and titles there are, as they came.
    expect(alertParams({ title: 'Réforme', from: 'a@b.fr' }, t)).toEqual({ title: 'Réforme', from: 'a@b.fr' });
    expect(alertParams({ dir: '/tmp' }, t)).toEqual({ dir: '/tmp' });
  });
});
