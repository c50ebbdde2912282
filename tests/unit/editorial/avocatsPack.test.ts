import { describe, expect, it } from 'vitest';
import {
  applyCompliancePack,
  applyFix,
  avocatsFrancePack,
  checkDominantPracticeAreas,
  EditorialLine,
  lint,
  Rule,
} from '../../../shared/editorial/index';
import { barMentionFor } from '../../../shared/editorial/packs/avocatsFrance';
import { withPackRules } from '../../../shared/editorial/packs/compliancePack';
import type { PartnerLine } from '../../../shared/editorial/lineSchema';
import { lineWith, NBSP } from './helpers';

const pack = avocatsFrancePack({ barMention: 'Avocate au barreau de Lyon', clientNames: ['Dupont SA', 'Groupe Martin'] });
const line = applyCompliancePack(lineWith([]), pack);
const MENTION = '\nAvocat au barreau de Paris';
const ruleIds = (text: string): string[] => lint(text, line, { networks: ['linkedin'] }).findings.map((f) => f.ruleId);

describe('the "Avocats (France)" compliance pack', () => {
  it('proposes the bar mention in the partner’s form of address: Avocate for Madame, Avocat otherwise', () => {
    expect(barMentionFor('madame')).toBe('Avocate au barreau de Paris');
    expect(barMentionFor('monsieur')).toBe('Avocat au barreau de Paris');
    expect(barMentionFor('', 'Lyon')).toBe('Avocat au barreau de Lyon');
    expect(barMentionFor(null)).toBe('Avocat au barreau de Paris');
  });

  it('adds its rules to a partner line as a form value, same version, its rules no longer switched off', () => {
    const pack = avocatsFrancePack({ barMention: barMentionFor('madame') });
    const line: PartnerLine = { scope: 'partner', id: 'partner-p', partnerId: 'p', version: 3, rules: [], disabled: ['avocats-fr.no-comparison', 'other'], pillars: [] };
    const filled = withPackRules(line, pack);
    expect(filled.version).toBe(3);
    expect(filled.rules.map((r) => r.id)).toEqual(pack.rules.map((r) => r.id));
    expect(filled.disabled).toEqual(['other']);
  });

  it('is valid, locked where the bar requires it, with sources and both languages', () => {
    for (const rule of pack.rules) {
      expect(Rule.safeParse(rule).success).toBe(true);
      expect(rule.source).toBeTruthy();
      expect(rule.message?.fr).toBeTruthy();
      expect(rule.message?.en).toBeTruthy();
    }
    expect(pack.rules.find((r) => r.id === 'avocats-fr.bar-mention')?.source).toBe('RIN art. 10.2');
    expect(pack.rules.filter((r) => r.locked).map((r) => r.id)).toEqual([
      'avocats-fr.bar-mention',
      'avocats-fr.no-comparison',
      'avocats-fr.client-secrecy',
      'avocats-fr.no-testimonials',
    ]);
  });

  it('applies in one click: rules added, version bumped, pack recorded; reapplying replaces in place', () => {
    const base = EditorialLine.parse({ id: 'firm', name: 'Cabinet', version: 4, rules: [{ kind: 'emojiCount', id: 'emoji' }] });
    const once = applyCompliancePack(base, pack);
    expect(once.version).toBe(5);
    expect(once.rules.map((r) => r.id)).toEqual(['emoji', ...pack.rules.map((r) => r.id)]);
    expect(once.packs).toEqual([{ id: 'avocats-fr', version: 1 }]);
    const again = applyCompliancePack(once, avocatsFrancePack({ barMention: 'Avocat au barreau de Paris' }));
    expect(again.rules.map((r) => r.id)).toEqual(once.rules.map((r) => r.id));
    expect(again.packs).toHaveLength(1);
    expect(EditorialLine.safeParse(again).success).toBe(true);
  });

  it.each([
    'Avocat au barreau de Paris',
    'Avocate au Barreau de Lyon',
    'AVOCATE AU BARREAU DE MARSEILLE',
    'Avocats au barreau de Bordeaux',
    'avocat au barreau d’Aix-en-Provence',
    'Avocate inscrite au barreau de Lille',
    'Avocat associé au barreau des Hauts-de-Seine',
    'Avocat au barreau du Val-de-Marne',
    `Avocat${NBSP}au${NBSP}barreau de Nantes`,
    'Avocat aux barreaux de Paris et de Casablanca',
  ])('accepts the bar mention written %j', (mention) => {
    expect(ruleIds(`Nouvelle analyse sur la clause d’imprévision.\n${mention}`)).not.toContain('avocats-fr.bar-mention');
  });

  it.each(['Avocat à Paris', 'Barreau de Paris', 'Cabinet d’avocats au barreau', 'avocature au barreau de Paris'])(
    'refuses %j as a bar mention, and the fix adds the configured one on its own line',
    (text) => {
      const finding = lint(text, line, {}).findings.find((f) => f.ruleId === 'avocats-fr.bar-mention');
      expect(finding?.severity).toBe('error');
      expect(finding?.fix).toBeDefined();
      const fixed = finding?.fix ? applyFix(text, finding.fix) : text;
      expect(fixed).toBe(`${text}\nAvocate au barreau de Lyon`);
      expect(lint(fixed, line, {}).findings.map((f) => f.ruleId)).not.toContain('avocats-fr.bar-mention');
    },
  );

  it.each([
    ['Le meilleur avocat de Lyon.', 'avocats-fr.no-comparison'],
    ['La meilleure avocate en droit social.', 'avocats-fr.no-comparison'],
    ['Notre cabinet, leader du droit des affaires.', 'avocats-fr.no-comparison'],
    ['Les leaders du marché.', 'avocats-fr.no-comparison'],
    ['Contrairement aux autres cabinets, nous répondons.', 'avocats-fr.no-comparison'],
    ['Le cabinet n°1 à Paris.', 'avocats-fr.no-comparison'],
    ['Numéro 1 du contentieux.', 'avocats-fr.no-comparison'],
    ['Nous avons conseillé Dupont SA.', 'avocats-fr.client-secrecy'],
    ['Merci au GROUPE MARTIN.', 'avocats-fr.client-secrecy'],
    ['Découvrez les témoignages de nos clients.', 'avocats-fr.no-testimonials'],
    ['Nos clients disent de nous…', 'avocats-fr.no-testimonials'],
    ['Un cabinet noté 5 étoiles.', 'avocats-fr.no-testimonials'],
    ['Avocate recommandée par ses clientes.', 'avocats-fr.no-testimonials'],
    ['Avis client : très satisfait.', 'avocats-fr.no-testimonials'],
    ['Votez pour notre candidat.', 'avocats-fr.politics'],
  ])('%j breaks %s', (text, ruleId) => {
    expect(ruleIds(`${text}${MENTION}`)).toContain(ruleId);
  });

  it('lets a sober post through', () => {
    const text =
      'La réforme du droit des contrats a introduit la clause d’imprévision. Nous publions une analyse des premières décisions.\n' +
      'Avocate au barreau de Lyon';
    expect(ruleIds(text)).toEqual([]);
  });

  it('carries the rule’s own message and source on the finding', () => {
    const finding = lint(`Le meilleur avocat.${MENTION}`, line, {}).findings[0];
    expect(finding?.message?.fr).toContain('comparatif');
    expect(finding?.source).toContain('2005-790');
  });
});

describe('dominant practice areas in a bio', () => {
  it.each([
    [[], true, 0],
    [['Droit social', 'Droit fiscal', 'Droit des sociétés'], true, 3],
    [['Droit social', 'Droit fiscal', 'Droit des sociétés', 'Droit pénal'], false, 4],
    [['Droit social', 'droit  SOCIAL', 'Droit fiscal', 'Droit des sociétés'], true, 3],
    [['Droit pénal', 'Droit penal', ' ', 'Droit fiscal'], true, 2],
  ])('%j → ok %s (%i distinct)', (areas, ok, count) => {
    const result = checkDominantPracticeAreas(areas);
    expect(result.ok).toBe(ok);
    expect(result.count).toBe(count);
    expect(result.max).toBe(3);
    expect(result.messageKey).toBe('editorial.finding.tooManyPracticeAreas');
  });

  it('names the duplicates as first written', () => {
    expect(checkDominantPracticeAreas(['Droit pénal', 'droit penal', 'DROIT PÉNAL']).duplicates).toEqual(['Droit pénal']);
  });
});
