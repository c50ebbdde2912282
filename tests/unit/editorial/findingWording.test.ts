import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { editorialMessagesEn, editorialMessagesFr } from '../../../shared/editorial/index';
import type { Finding, RuleInput } from '../../../shared/editorial/index';
import { editorialLineMessages } from '../../../renderer/src/editorial/messages';
import { findings, NNBSP } from './helpers';

async function translator(language: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: {
      fr: { translation: { ...editorialMessagesFr, ...editorialLineMessages.fr } },
      en: { translation: { ...editorialMessagesEn, ...editorialLineMessages.en } },
    },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

const say = async (language: 'fr' | 'en', finding: Finding | undefined) => {
  const i18n = await translator(language);
  return finding ? i18n.t(finding.messageKey, finding.params) : null;
};

describe('exclamation mark findings read plainly', () => {
  const none: RuleInput[] = [{ kind: 'exclamationMarks', id: 'bang', max: 0 }];
  const two: RuleInput[] = [{ kind: 'exclamationMarks', id: 'bang', max: 2 }];

  it('says a mark is not allowed when the line allows none (it read « 1 pour 0 au plus »)', async () => {
    const [finding] = findings(`Bravo${NNBSP}!`, none);
    expect(await say('fr', finding)).toBe('Point d’exclamation interdit par la ligne éditoriale.');
    expect(await say('en', finding)).toBe('Exclamation mark not allowed by the editorial line.');
  });

  it('gives the count and the maximum otherwise', async () => {
    const [finding] = findings(`Oui${NNBSP}! Non${NNBSP}! Enfin${NNBSP}!`, two);
    expect(await say('fr', finding)).toBe('3 points d’exclamation, 2 au plus.');
    expect(await say('en', finding)).toBe('3 exclamation marks, at most 2.');
  });
});

describe('the French typography option names the guillemets in words', () => {
  it('has no guillemet nested in its own label', async () => {
    const fr = await translator('fr');
    const en = await translator('en');
    expect(fr.t('editorialLine.fields.typographyGuillemetSpaces')).toBe('Espace insécable après le guillemet ouvrant et avant le guillemet fermant');
    expect(en.t('editorialLine.fields.typographyGuillemetSpaces')).toBe('No-break space after the opening guillemet and before the closing one');
  });
});
