import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { uiMessages } from '../../../renderer/src/i18n/resources';
import { findingText } from '../../../renderer/src/editorial/findingText';
import type { Finding } from '../../../shared/editorial/findingSchema';

beforeAll(async () => {
  await i18next.init({
    resources: { fr: { translation: uiMessages('fr') }, en: { translation: uiMessages('en') } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
});

const missing = (mention: string): Finding => ({
  id: `mention/requiredMentionMissing/*/0-0`,
  ruleId: 'mention',
  kind: 'requiredMention',
  severity: 'error',
  messageKey: 'editorial.finding.requiredMentionMissing',
  params: { mention },
  range: { from: 0, to: 0 },
  origin: { scope: 'organisation', version: 1 },
});

describe('a finding quoting a sentence', () => {
  it('ends once: no period after a quote that already ends with . ! ? or …', () => {
    const t = i18next.getFixedT('fr');
    expect(findingText(t, 'fr', missing('Les informations publiées ne constituent pas un conseil juridique.'))).toBe(
      'Mention obligatoire absente\u00a0: «\u00a0Les informations publiées ne constituent pas un conseil juridique.\u00a0»',
    );
    expect(findingText(t, 'fr', missing('À suivre…'))).toBe('Mention obligatoire absente\u00a0: «\u00a0À suivre…\u00a0»');
    expect(findingText(t, 'fr', missing('Avocate au barreau de Paris'))).toBe('Mention obligatoire absente\u00a0: «\u00a0Avocate au barreau de Paris\u00a0».');
  });

  it('in English too', () => {
    const t = i18next.getFixedT('en');
    expect(findingText(t, 'en', missing('Not legal advice!'))).toBe('Required mention missing: "Not legal advice!"');
    expect(findingText(t, 'en', missing('Attorney at law'))).toBe('Required mention missing: "Attorney at law".');
  });
});
