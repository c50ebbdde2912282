import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { findings, flagged, NNBSP } from './helpers';

describe('sentence length', () => {
  const rule: RuleInput[] = [{ kind: 'sentenceLength', id: 'sentences', maxWords: 5 }];

  it.each([
    // [text, flagged sentences]
    ['Une phrase de cinq mots. Une autre phrase bien trop longue ici.', ['Une autre phrase bien trop longue ici.']],
    // Elided articles are not words of their own: "l'avocat" is one word.
    ['L’avocat l’a dit à l’audience.', []],
    // A link is not read word by word.
    ['Lisez https://exemple.fr/un/deux/trois/quatre/cinq/six maintenant.', []],
    [`Vraiment${NNBSP}? Oui${NNBSP}! Six mots dans cette phrase-ci au moins.`, ['Six mots dans cette phrase-ci au moins.']],
    // A line break ends a sentence, even without a full stop.
    ['Un deux trois quatre\nCinq six sept huit', []],
  ])('%j → %j', (text, expected) => {
    expect(flagged(text, rule)).toEqual(expected);
  });

  it('says how many words and the maximum', () => {
    const [finding] = findings('Un deux trois quatre cinq six sept.', rule);
    expect(finding?.params).toEqual({ words: 7, max: 5 });
    expect(finding?.messageKey).toBe('editorial.finding.sentenceTooLong');
  });
});

describe('emoji count', () => {
  const rule = (max: number): RuleInput[] => [{ kind: 'emojiCount', id: 'emoji', max }];

  it.each([
    ['Bravo 🎉 à toute l’équipe 👏', 2, []],
    ['Bravo 🎉 à toute l’équipe 👏', 1, ['👏']],
    // A ZWJ family, a skin tone and a flag are one emoji each.
    ['👨‍👩‍👧‍👦 👍🏽 🇫🇷 ok', 1, ['👍🏽', '🇫🇷']],
    // Digits, © and ™ in text presentation are not emoji.
    ['Article 10.2 © 2026 Cabinet™', 0, []],
  ])('%j with at most %i → %j', (text, max, expected) => {
    expect(flagged(text, rule(max))).toEqual(expected);
  });

  it('removes an extra emoji with the space before it', () => {
    const text = 'Merci 🎉 à tous 🙏 !';
    const [finding] = findings(text, rule(1));
    expect(finding?.params).toEqual({ count: 2, max: 1 });
    expect(finding?.fix && applyFix(text, finding.fix)).toBe('Merci 🎉 à tous !');
  });
});

describe('exclamation marks', () => {
  const rule: RuleInput[] = [{ kind: 'exclamationMarks', id: 'bang', max: 1 }];

  it.each([
    [`Enfin${NNBSP}!`, []],
    [`Enfin${NNBSP}! Bravo${NNBSP}!!`, ['!', '!']],
    // Inside a link, "!" is part of the address.
    [`Voyez https://exemple.fr/#!/page${NNBSP}!`, []],
  ])('%j → %j', (text, expected) => {
    expect(flagged(text, rule)).toEqual(expected);
  });

  it('counts every mark of the post', () => {
    expect(findings('Oui ! Non ! Peut-être !', rule).map((f) => f.params)).toEqual([
      { count: 3, max: 1 },
      { count: 3, max: 1 },
    ]);
  });
});

describe('ALL CAPS words', () => {
  const rule: RuleInput[] = [{ kind: 'allCaps', id: 'caps' }];

  it.each([
    ['Une décision IMPORTANTE de la CNIL.', ['IMPORTANTE']],
    // Short words, listed acronyms, roman numerals, hashtags and mentions are left alone.
    ['Le RGPD, la CJUE, Louis XVIII, la SAS et #URGENT pour @CABINET.', []],
    ['ÉNORME et ÇA', ['ÉNORME']],
    ['Une PME, une ETI et un EXEMPLE', ['EXEMPLE']],
  ])('%j → %j', (text, expected) => {
    expect(flagged(text, rule)).toEqual(expected);
  });

  it('offers the word in lower case, capitalised at the start of a sentence', () => {
    const text = 'ATTENTION. Une décision TRÈS attendue.';
    const fixes = findings(text, rule).map((f) => f.fix?.labelParams);
    expect(fixes).toEqual([{ word: 'Attention' }, { word: 'très' }]);
    const [first] = findings(text, rule);
    expect(first?.fix && applyFix(text, first.fix)).toBe('Attention. Une décision TRÈS attendue.');
  });

  it('takes the line’s own acronyms and minimum length', () => {
    expect(flagged('Le CNAM et la MAIF', [{ kind: 'allCaps', id: 'caps', minLetters: 4, allow: ['MAIF'] }])).toEqual(['CNAM']);
    expect(flagged('Le CNAM et la MAIF', [{ kind: 'allCaps', id: 'caps', minLetters: 5 }])).toEqual([]);
  });
});
