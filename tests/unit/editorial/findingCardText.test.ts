import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { editorialMessagesEn, editorialMessagesFr } from '../../../shared/editorial/index';
import { excerptOf, ruleName } from '../../../renderer/src/editorial/editor/findingText';
import { editorialEditorMessages } from '../../../renderer/src/editorial/editor/messages';
import { findings, NBSP } from './helpers';

async function translator(language: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: {
      fr: { translation: { ...editorialMessagesFr, ...editorialEditorMessages.fr } },
      en: { translation: { ...editorialMessagesEn, ...editorialEditorMessages.en } },
    },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('the finding card names the rule as users know it', () => {
  const [typography] = findings('Bonjour: à tous.', [{ kind: 'frenchTypography', id: 'french-typography' }]);

  it('shows the kind, never the rule id', async () => {
    expect(typography?.ruleId).toBe('french-typography');
    const fr = await translator('fr');
    const en = await translator('en');
    expect(typography && ruleName(fr, typography)).toBe(`Règle${NBSP}: Typographie française`);
    expect(typography && ruleName(en, typography)).toBe('Rule: French typography');
  });
});

describe('excerpts start and end on whole words', () => {
  it('skips the cut word where an X overflow starts mid-word (« t Avocat au Barreau de Paris »)', () => {
    const signature = 'Cabinet Avocat au Barreau de Paris';
    const text = `${'Nous défendons les entreprises. '.repeat(8)}Une équipe agile. ${signature}`;
    const [over] = findings(text, [{ kind: 'networkLimits', id: 'limits' }], { networks: ['x'] });
    expect(over?.messageKey).toBe('editorial.finding.overLimit');
    const range = over?.range ?? { from: 0, to: 0 };
    // The limit falls inside « Cabinet ».
    expect(text.slice(range.from, range.to)).toBe('t Avocat au Barreau de Paris');
    expect(excerptOf(text, range)).toBe('… Avocat au Barreau de Paris');
  });

  it('ends a long excerpt on the last whole word that fits, then « … »', () => {
    const text = 'Nous accompagnons nos clients dans chaque étape de leur développement, de la création à la cession.';
    const excerpt = excerptOf(text, { from: 1, to: text.length });
    expect(excerpt).toBe('… accompagnons nos clients dans chaque étape de leur…');
    expect(excerpt.length).toBeLessThanOrEqual(60);
  });

  it('quotes a whole word when the range holds only its end', () => {
    const text = 'Le cabinet Durand';
    expect(excerptOf(text, { from: 15, to: 17 })).toBe('Durand');
  });

  it('leaves ranges already on word boundaries as they are', () => {
    const text = 'Un cabinet incontournable, vraiment.';
    expect(excerptOf(text, { from: 11, to: 25 })).toBe('incontournable');
    expect(excerptOf('Bravo !', { from: 6, to: 7 })).toBe('!');
  });

  it('cuts a single over-long word (a link) where it must', () => {
    const link = `https://exemple.fr/${'a'.repeat(80)}`;
    const excerpt = excerptOf(link, { from: 0, to: link.length });
    expect(excerpt).toHaveLength(60);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
