import { describe, expect, it } from 'vitest';
import { lint } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { findings, flagged, lineWith } from './helpers';

describe('address form: tu or vous', () => {
  const vous: RuleInput[] = [{ kind: 'addressForm', id: 'address', expected: 'vous' }];
  const tu: RuleInput[] = [{ kind: 'addressForm', id: 'address', expected: 'tu' }];

  it.each([
    ['Tu peux nous écrire, toi aussi, avec ton dossier.', ['Tu', 'toi', 'ton'], vous],
    // An elided pronoun is flagged on its letter.
    ['Je t’appelle demain et te rappelle.', ['t', 'te'], vous],
    ['Vous pouvez nous écrire avec votre dossier.', [], vous],
    // "tiens" is a verb too: not a sign of tutoiement.
    ['Je tiens à remercier le bâtonnier.', [], vous],
    ['Vous et vos équipes, votre dossier.', ['Vous', 'vos', 'votre'], tu],
    ['Toi et ta famille.', [], tu],
  ])('%j → %j', (text, expected, rules) => {
    expect(flagged(text, rules)).toEqual(expected);
  });

  it('names the word and what the line expects', () => {
    expect(findings('Tu viens ?', vous)[0]).toMatchObject({ messageKey: 'editorial.finding.addressFormExpectedVous', params: { word: 'Tu' } });
    expect(findings('Vous venez ?', tu)[0]).toMatchObject({ messageKey: 'editorial.finding.addressFormExpectedTu', params: { word: 'Vous' } });
  });

  it('says nothing on an English line, where "me" and "ma" are other words', () => {
    expect(lint('Call me, ma’am, to discuss your case. Tu es là ?', lineWith(vous, 'en')).findings).toEqual([]);
  });
});

describe('first person: je or nous', () => {
  const plural: RuleInput[] = [{ kind: 'firstPerson', id: 'person', expected: 'plural' }];
  const singular: RuleInput[] = [{ kind: 'firstPerson', id: 'person', expected: 'singular' }];

  it.each([
    ['Je suis heureux, mon équipe et moi l’avons emporté.', ['Je', 'mon', 'moi'], plural],
    ['J’ai plaidé et m’en réjouis.', ['J', 'm'], plural],
    ['Nous avons plaidé pour notre client.', [], plural],
    ['Nous avons plaidé pour nos clients.', ['Nous', 'nos'], singular],
    ['J’ai plaidé pour mon client.', [], singular],
  ])('%j → %j', (text, expected, rules) => {
    expect(flagged(text, rules)).toEqual(expected);
  });

  it('leaves words inside mentions and hashtags alone', () => {
    expect(flagged('Merci @moi_avocat et #JeSuisAvocat', plural)).toEqual([]);
  });

  it('says which voice the line speaks in', () => {
    expect(findings('Je plaide.', plural)[0]?.messageKey).toBe('editorial.finding.firstPersonExpectedPlural');
    expect(findings('Nous plaidons.', singular)[0]?.messageKey).toBe('editorial.finding.firstPersonExpectedSingular');
  });
});
