import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { findings, flagged, NBSP, NNBSP } from './helpers';

const topic = (terms: string[], extra: Partial<{ stemming: boolean }> = {}): RuleInput[] => [
  { kind: 'forbiddenTopic', id: 'topic', topic: 'test', terms, ...extra },
];

describe('forbidden topics are found the way French readers read', () => {
  it.each([
    // [terms, text, what is flagged]
    [['religion'], 'Parlons de RELIGION ce soir.', ['RELIGION']],
    [['église'], 'Rendez-vous à l’Eglise Saint-Merri.', ['Eglise']],
    [['eglise'], "Devant l'église, l’Église, L'ÉGLISE.", ['église', 'Église', 'ÉGLISE']],
    [['avocat'], 'Une avocate, des avocats, deux avocates.', ['avocate', 'avocats', 'avocates']],
    [['avocat'], 'L’avocat·e·s du cabinet', ['avocat·e·s']],
    [['politique'], 'Les débats politiques.', ['politiques']],
    [['art'], 'La partie adverse, les artistes et l’art.', ['art']],
    [['art'], 'Le départ, la carte, l’article.', []],
    [['œuvre'], 'Une oeuvre, une Œuvre, des œuvres.', ['oeuvre', 'Œuvre', 'œuvres']],
    [['ex aequo'], 'Classés ex æquo.', ['ex æquo']],
    [['témoignage'], 'Deux TEMOIGNAGES et un témoignage.', ['TEMOIGNAGES', 'témoignage']],
    [['parti politique'], `Un parti${NBSP}politique, des partis politiques.`, [`parti${NBSP}politique`, 'partis politiques']],
    [['parti politique'], 'Le parti, politique ou non.', []],
    [['campagne électorale'], 'En pleine campagne\nélectorale', []],
    [['Saint-Denis'], 'À Saint Denis et à Saint-Denis.', ['Saint Denis', 'Saint-Denis']],
    [["l'église"], 'Voir l’église.', ['l’église']],
    [['religion'], `«${NNBSP}Religion${NNBSP}» 🙏🏽 est un mot.`, ['Religion']],
    [['religion'], 'Freedom of religion and religions.', ['religion', 'religions']],
    [['religion'], '#religion et https://exemple.fr/religion', ['religion', 'religion']],
    [['élection'], 'Élections 🗳️ election', ['Élections', 'election']],
    [['le meilleur avocat'], 'La meilleure avocate, les meilleurs avocats.', ['La meilleure avocate', 'les meilleurs avocats']],
    [['meilleur cabinet', 'le meilleur cabinet'], 'Le meilleur cabinet.', ['Le meilleur cabinet']],
    [['5 étoiles'], 'Noté 5 étoiles ⭐⭐⭐⭐⭐', ['5 étoiles']],
    [['n°1'], 'Le n°1 du droit, le N° 1.', ['n°1', 'N° 1']],
  ])('%j in %j → %j', (terms, text, expected) => {
    expect(flagged(text, topic(terms))).toEqual(expected);
  });

  it('matches names without stemming when asked (accents and case still aside)', () => {
    const rules = topic(['Dupont SA', "L'Oréal"], { stemming: false });
    expect(flagged('Chez DUPONT SA et chez l’Oreal, pas chez Duponts SA.', rules)).toEqual(['DUPONT SA', 'l’Oreal']);
  });

  it('gives the range in the original text, after emoji and no-break spaces', () => {
    const text = `👨‍👩‍👧‍👦 Merci${NNBSP}! La politique, encore.`;
    const [finding] = findings(text, topic(['politique']));
    expect(finding?.range).toEqual({ from: text.indexOf('politique'), to: text.indexOf('politique') + 'politique'.length });
    expect(finding?.messageKey).toBe('editorial.finding.forbiddenTopic');
    expect(finding?.params).toEqual({ term: 'politique', topic: 'test' });
  });

  it('does not match one word twice for overlapping phrases of the same rule', () => {
    expect(flagged('le meilleur cabinet', topic(['meilleur', 'meilleur cabinet']))).toEqual(['meilleur cabinet']);
  });
});

describe('banned terms come with their replacement', () => {
  const banned: RuleInput[] = [
    { kind: 'bannedTerm', id: 'banned', terms: [{ term: 'incontournable', replacement: 'reconnu' }, { term: 'synergie' }] },
  ];

  it.each([
    ['Un cabinet incontournable.', 'Un cabinet reconnu.'],
    ['Incontournable, ce cabinet.', 'Reconnu, ce cabinet.'],
    ['Un cabinet INCONTOURNABLE.', 'Un cabinet RECONNU.'],
    // The plural is carried over (it read « Des cabinets reconnu. »).
    ['Des cabinets incontournables.', 'Des cabinets reconnus.'],
    ['DES CABINETS INCONTOURNABLES.', 'DES CABINETS RECONNUS.'],
  ])('%j → %j', (text, fixed) => {
    const [finding] = findings(text, banned);
    expect(finding?.messageKey).toBe('editorial.finding.bannedTermReplace');
    expect(finding?.fix?.labelKey).toBe('editorial.fix.replaceWith');
    expect(finding?.fix && applyFix(text, finding.fix)).toBe(fixed);
  });

  it('offers no one-click fix where the agreement cannot be told safely, and says to agree it', () => {
    const agreeing: RuleInput[] = [
      { kind: 'bannedTerm', id: 'agree', terms: [{ term: 'meilleur', replacement: 'reconnu' }, { term: 'leader', replacement: 'acteur principal' }, { term: 'top', replacement: 'idéal' }] },
    ];
    for (const text of ['Les meilleures avocates.', 'Les leaders du marché.', 'Des tops.']) {
      const [finding] = findings(text, agreeing);
      expect(finding?.messageKey, text).toBe('editorial.finding.bannedTermReplaceAgree');
      expect(finding?.fix, text).toBeUndefined();
    }
    const [exact] = findings('Le meilleur cabinet.', agreeing);
    expect(exact?.fix && applyFix('Le meilleur cabinet.', exact.fix)).toBe('Le reconnu cabinet.');
  });

  it('flags a term without replacement and offers no fix', () => {
    const [finding] = findings('Quelle synergie !', banned);
    expect(finding?.messageKey).toBe('editorial.finding.bannedTerm');
    expect(finding?.fix).toBeUndefined();
  });

  it('leaves links alone: replacing in a URL would break it', () => {
    expect(flagged('Voir https://exemple.fr/incontournable', banned)).toEqual([]);
  });
});
