import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { uiMessages } from '../../../renderer/src/i18n/resources';
import { findingText } from '../../../renderer/src/editorial/findingText';
import type { Finding } from '../../../shared/editorial/findingSchema';
import { withoutDoubledStop } from '../../../shared/editorial/sentenceEnd';

/**
 * The final full stop is left out only after a quotation that is itself a sentence ending with
 * its own stop; a quoted mark (« ! », "?") is no sentence, and the message keeps its full stop.
 */

beforeAll(async () => {
  await i18next.init({
    resources: { fr: { translation: uiMessages('fr') }, en: { translation: uiMessages('en') } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
});

const spaceBefore = (char: string): Finding => ({
  id: `typography/typographySpaceBefore/*/3-4`,
  ruleId: 'typography',
  kind: 'frenchTypography',
  severity: 'warning',
  messageKey: 'editorial.finding.typographySpaceBefore',
  params: { char },
  range: { from: 3, to: 4 },
  origin: { scope: 'organisation', version: 1 },
});

describe('withoutDoubledStop', () => {
  it('keeps the full stop after a quoted punctuation mark, French and English', () => {
    for (const mark of [':', ';', '!', '?', '.', '…', '?!']) {
      expect(withoutDoubledStop(`précède «\u00a0${mark}\u00a0».`)).toBe(`précède «\u00a0${mark}\u00a0».`);
      expect(withoutDoubledStop(`goes before "${mark}".`)).toBe(`goes before "${mark}".`);
      expect(withoutDoubledStop(`goes before “${mark}”.`)).toBe(`goes before “${mark}”.`);
    }
  });

  it('drops it after a quoted sentence that ends with its own stop', () => {
    expect(withoutDoubledStop('Absente\u00a0: «\u00a0Pas un conseil juridique.\u00a0».')).toBe('Absente\u00a0: «\u00a0Pas un conseil juridique.\u00a0»');
    expect(withoutDoubledStop('Absente\u00a0: «\u00a0Bravo\u00a0!\u00a0».')).toBe('Absente\u00a0: «\u00a0Bravo\u00a0!\u00a0»');
    expect(withoutDoubledStop('Absente\u00a0: «\u00a0Vraiment\u202f?\u00a0».')).toBe('Absente\u00a0: «\u00a0Vraiment\u202f?\u00a0»');
    expect(withoutDoubledStop('Missing: "Not legal advice!".')).toBe('Missing: "Not legal advice!"');
    expect(withoutDoubledStop('Term "a" and "b?".')).toBe('Term "a" and "b?"');
  });

  it('leaves a quotation without a stop of its own alone', () => {
    expect(withoutDoubledStop('Absente\u00a0: «\u00a0Avocate au barreau de Paris\u00a0».')).toBe('Absente\u00a0: «\u00a0Avocate au barreau de Paris\u00a0».');
  });
});

describe('the typography messages for each mark', () => {
  it('all end with a full stop, in French', () => {
    const t = i18next.getFixedT('fr');
    for (const char of [':', ';', '!', '?']) {
      expect(findingText(t, 'fr', spaceBefore(char))).toBe(`Typographie\u00a0: une espace insécable précède «\u00a0${char}\u00a0».`);
    }
  });

  it('and in English', () => {
    const t = i18next.getFixedT('en');
    for (const char of [':', ';', '!', '?']) {
      expect(findingText(t, 'en', spaceBefore(char))).toBe(`Typography: a no-break space goes before “${char}”.`);
    }
  });
});
