import { describe, expect, it } from 'vitest';
import { applyFix, editorialMessagesFr, lint, PartnerLine, resolveLine } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { findings, lineWith, NBSP, NNBSP } from './helpers';

const typography: RuleInput[] = [{ kind: 'frenchTypography', id: 'typo' }];
/** Each finding as [the mark it is about, the text once its fix is applied]. */
const fixed = (text: string) => findings(text, typography).map((f) => [f.params.char, f.fix ? applyFix(text, f.fix) : null]);

describe('French typography', () => {
  it.each([
    // [text, marks flagged, text after each fix]
    // A no-break space (U+00A0) before « : » and inside « », a narrow one (U+202F) before ; ! ?.
    ['Attention : délai !', [[':', `Attention${NBSP}: délai !`], ['!', `Attention : délai${NNBSP}!`]]],
    ['Attention: délai!', [[':', `Attention${NBSP}: délai!`], ['!', `Attention: délai${NNBSP}!`]]],
    ['Vraiment? Oui;', [['?', `Vraiment${NNBSP}? Oui;`], [';', `Vraiment? Oui${NNBSP};`]]],
    ['«Bonjour»', [['«', `«${NBSP}Bonjour»`], ['»', `«Bonjour${NBSP}»`]]],
    ['« Bonjour »', [['«', `«${NBSP}Bonjour »`], ['»', `« Bonjour${NBSP}»`]]],
  ])('%j', (text, expected) => {
    expect(fixed(text)).toEqual(expected);
  });

  it('says which space its fix inserts', () => {
    const labels = findings('«Note»: délai; vraiment? oui!', typography).map((f) => [f.params.char, f.fix?.labelKey]);
    expect(labels).toEqual([
      ['«', 'editorial.fix.insertNbsp'],
      ['»', 'editorial.fix.insertNbsp'],
      [':', 'editorial.fix.insertNbsp'],
      [';', 'editorial.fix.insertNarrowNbsp'],
      ['?', 'editorial.fix.insertNarrowNbsp'],
      ['!', 'editorial.fix.insertNarrowNbsp'],
    ]);
    expect(editorialMessagesFr.editorial.fix.insertNbsp).toBe('Insérer une espace insécable');
    expect(editorialMessagesFr.editorial.fix.insertNarrowNbsp).toBe('Insérer une espace fine insécable');
  });

  it.each([
    [`Attention${NBSP}: délai${NNBSP}! «${NBSP}Oui${NBSP}»`],
    // Either no-break space is accepted: U+202F before « : » and inside « » (word processors
    // put it there), U+00A0 before ; ! ? (the stand-in where no narrow space exists).
    [`Attention${NNBSP}: délai${NBSP}! «${NNBSP}Oui${NNBSP}» Vraiment${NBSP}? Oui${NBSP};`],
    ['Rendez-vous à 08:30, score 2:1.'],
    ['Merci :) et ;-) et :D'],
    ['Quoi ?! Vraiment (!)'.replace(' ?!', `${NNBSP}?!`).replace(' (!)', ' (!)')],
    ['Voir https://exemple.fr/page?x=1;y=2 et http://exemple.fr'],
    ['Titre\n: une liste'],
  ])('leaves %j alone', (text) => {
    expect(findings(text, typography)).toEqual([]);
  });

  /*
   * A fix inside a link would change where it leads. twitter-text ends this one at the « ;
   * Bluesky runs it to the next space, so for a post to Bluesky the « » belong to the link.
   */
  it('makes no fix inside what Bluesky links, for a post to Bluesky', () => {
    const text = 'Le guide est en ligne sur https://exemple.fr/«guide» pour tous.';
    expect(findings(text, typography, { networks: ['bluesky'] })).toEqual([]);
    expect(findings(text, typography, { networks: ['x'] }).map((f) => f.params.char)).toEqual(['«', '»']);
  });

  it('applies to French lines only', () => {
    expect(lint('Warning: deadline!', lineWith(typography, 'en')).findings).toEqual([]);
    expect(lint('Warning: deadline!', lineWith(typography, 'en'), { language: 'fr' }).findings).toHaveLength(2);
  });

  it('follows the partner’s language when the post is too short to tell', () => {
    const firm = lineWith(typography, 'fr');
    expect(lint('Reminder: call at 5!', resolveLine(firm, null, 'en')).findings).toEqual([]);
    expect(lint('Rappel: appel à 17h!', resolveLine(firm, null, 'fr')).findings).toHaveLength(2);
  });

  it('leaves a post written in English alone, even on a French line', () => {
    const english = 'Big news: our team is growing! Want to join us? We are hiring two lawyers this spring.';
    expect(lint(english, lineWith(typography, 'fr')).findings).toEqual([]);
  });

  it('still checks a post written in French on an English line', () => {
    const french = 'Grande nouvelle: notre équipe s’agrandit! Vous voulez nous rejoindre? Nous recrutons deux avocats ce printemps.';
    expect(lint(french, lineWith(typography, 'en')).findings.map((f) => f.params.char)).toEqual([':', '!', '?']);
  });
});

describe('French typography habits a line switches on', () => {
  const all: RuleInput[] = [{ kind: 'frenchTypography', id: 'typo', apostrophe: true, ellipsis: true, quoteShapes: true }];
  const only = (key: string) => (text: string, rules: RuleInput[] = all, language: 'fr' | 'en' = 'fr') =>
    lint(text, lineWith(rules, language))
      .findings.filter((f) => f.messageKey === key)
      .map((f) => [text.slice(f.range.from, f.range.to), f.fix ? applyFix(text, f.fix) : null]);

  it('turns the straight apostrophe into ’, in words only', () => {
    const text = "L'avocat d'affaires aujourd'hui, 'seul' et https://exemple.fr/l'a";
    expect(only('editorial.finding.typographyApostrophe')(text)).toEqual([
      ["'", "L’avocat d'affaires aujourd'hui, 'seul' et https://exemple.fr/l'a"],
      ["'", "L'avocat d’affaires aujourd'hui, 'seul' et https://exemple.fr/l'a"],
      ["'", "L'avocat d'affaires aujourd’hui, 'seul' et https://exemple.fr/l'a"],
    ]);
  });

  it('turns three full stops into an ellipsis, not four', () => {
    expect(only('editorial.finding.typographyEllipsis')('Et puis... rien.... fin')).toEqual([['...', 'Et puis… rien.... fin']]);
  });

  it('turns "…" and “…” into « … » with no-break spaces, and keeps “…” inside « »', () => {
    const check = only('editorial.finding.typographyQuoteShape');
    expect(check('Il a dit "non" puis “peut-être”.')).toEqual([
      ['"non"', `Il a dit «${NBSP}non${NBSP}» puis “peut-être”.`],
      ['“peut-être”', `Il a dit "non" puis «${NBSP}peut-être${NBSP}».`],
    ]);
    expect(check(`«${NBSP}Il a dit “non”${NBSP}»`)).toEqual([]);
    expect(check('Un seul " sans pair')).toEqual([]);
  });

  it('says nothing of a habit the line leaves off', () => {
    expect(findings("L'avocat... \"non\"", typography).filter((f) => f.messageKey !== 'editorial.finding.typographySpaceBefore')).toEqual([]);
    const noGuillemets: RuleInput[] = [{ kind: 'frenchTypography', id: 'typo', guillemetSpaces: false }];
    expect(findings('«Bonjour»', noGuillemets)).toEqual([]);
  });

  it('applies to French text only', () => {
    const english = "The lawyer's view... \"no\" we're told, and it's a long sentence in English for the detector.";
    expect(lint(english, lineWith(all, 'en')).findings).toEqual([]);
  });

  it('keeps each habit once a partner’s line tightens the firm’s', () => {
    const firm = lineWith([{ kind: 'frenchTypography', id: 'typo', apostrophe: true }]);
    const partner = PartnerLine.parse({ id: 'partner-line', partnerId: 'p1', version: 1, rules: [{ kind: 'frenchTypography', id: 'typo', ellipsis: true }] });
    const resolved = resolveLine(firm, partner, 'fr');
    expect(resolved.rules[0]?.rule).toMatchObject({ apostrophe: true, ellipsis: true });
  });
});

describe('language of the post', () => {
  const rule = (expected?: 'fr' | 'en', minLetters = 40): RuleInput[] => [{ kind: 'language', id: 'lang', ...(expected ? { expected } : {}), minLetters }];
  const french = 'Le tribunal a rendu sa décision hier soir, après de longues semaines de délibéré. Nous restons à votre disposition pour en parler.';
  const english = 'The court handed down its decision last night, after several long weeks of deliberation. We remain at your disposal to discuss it.';

  it.each([
    [french, undefined, []],
    [english, undefined, ['editorial.finding.languageExpectedFr']],
    [english, 'en', []],
    [french, 'en', ['editorial.finding.languageExpectedEn']],
    // Mostly French with an English quotation: French wins by its letters.
    [`${french}\n“Justice delayed is justice denied.”`, undefined, []],
    // Links, hashtags and mentions say nothing about the language.
    [`${french} https://example.com/the-court-handed-down-its-decision #LegalNews @TheCourt`, undefined, []],
  ] as const)('%j expecting %s → %j', (text, expected, keys) => {
    expect(findings(text, rule(expected)).map((f) => f.messageKey)).toEqual(keys);
  });

  it('says nothing below the letters it needs to be sure', () => {
    expect(findings('Thank you all!', rule())).toEqual([]);
    expect(findings('Thank you all for coming!', rule(undefined, 10)).map((f) => f.messageKey)).toEqual(['editorial.finding.languageExpectedFr']);
  });

  it('follows the lint context’s language over the line’s', () => {
    expect(lint(english, lineWith(rule()), { language: 'en' }).findings).toEqual([]);
  });
});
