import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { editorialMessagesEn, editorialMessagesFr, lint } from '../../../shared/editorial/index';
import type { Finding } from '../../../shared/editorial/index';
import { lineWith, NBSP, NNBSP } from './helpers';

/** The finding messages as the UI's i18next reads them (same library, same interpolation options). */
async function translator(language: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: { fr: { translation: editorialMessagesFr }, en: { translation: editorialMessagesEn } },
    interpolation: { escapeValue: false },
  });
  return (finding: Finding) => i18n.t(finding.messageKey, finding.params);
}

describe('counts in finding messages are grouped as the language groups them', () => {
  const text = 'a'.repeat(3017);
  const [overLinkedIn] = lint(text, lineWith([{ kind: 'networkLimits', id: 'limits' }]), { networks: ['linkedin'] }).findings;

  it('writes « 3 017 / 3 000 » in French (U+202F, as Intl does)', async () => {
    expect(overLinkedIn?.params).toMatchObject({ used: 3017, limit: 3000, over: 17 });
    const t = await translator('fr');
    expect(overLinkedIn && t(overLinkedIn)).toBe(`Trop long pour LinkedIn${NBSP}: 3${NNBSP}017${NBSP}/${NBSP}3${NNBSP}000 (17 de trop).`);
  });

  it('writes "3,017/3,000" in English', async () => {
    const t = await translator('en');
    expect(overLinkedIn && t(overLinkedIn)).toBe('Too long for LinkedIn: 3,017/3,000 (17 over).');
  });

  it('groups every count the messages carry, small ones unchanged', async () => {
    const t = await translator('fr');
    const long = `${Array.from({ length: 1200 }, () => 'mot').join(' ')}.`;
    const [sentence] = lint(long, lineWith([{ kind: 'sentenceLength', id: 'sentences', maxWords: 40 }])).findings;
    expect(sentence && t(sentence)).toBe(`Phrase longue${NBSP}: 1${NNBSP}200 mots pour 40 au plus.`);
  });
});
