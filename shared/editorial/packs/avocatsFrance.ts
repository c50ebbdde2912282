import { z } from 'zod';
import { Rule } from '../ruleSchema';
import type { CompliancePack } from './compliancePack';

export const AVOCATS_FR_PACK_ID = 'avocats-fr';
export const AVOCATS_FR_PACK_VERSION = 1;

export const AvocatsFrancePackConfig = z.object({
  /** What the quick fix inserts, e.g. "Avocate au barreau de Lyon". */
  barMention: z.string().trim().min(1).max(300),
  /** Clients who have not given their express prior consent to be named. */
  clientNames: z.array(z.string().trim().min(1).max(200)).max(5000).default([]),
});
export type AvocatsFrancePackConfig = z.input<typeof AvocatsFrancePackConfig>;

/**
 * The mention the pack proposes for a partner: the title agrees with how they are addressed
 * ("Avocate" for Madame, "Avocat" otherwise), at the bar of Paris until the user says otherwise.
 */
export function barMentionFor(formOfAddress: '' | 'madame' | 'monsieur' | null, bar = 'Paris'): string {
  return `${formOfAddress === 'madame' ? 'Avocate' : 'Avocat'} au barreau de ${bar}`;
}

/**
 * "Avocat au barreau de …" in any accepted form, against the folded text: Avocat, Avocate,
 * Avocats, inscrit(e) or associé(e), au barreau de / d' / du / des, then any city.
 */
export const BAR_MENTION_PATTERN = String.raw`(?<![\p{L}\p{N}])avocat(?:e|s|es)?(?: (?:inscrite?s?|associee?s?))? aux? barreaux? (?:de |d'|du |des )\p{L}`;

/** Comparative or denigrating wording (plurals and feminines match through stemming). */
export const COMPARISON_TERMS = [
  'le meilleur avocat', 'meilleur avocat', 'meilleur cabinet', 'meilleur conseil', 'contrairement aux autres cabinets',
  'contrairement aux autres avocats', 'mieux que les autres', 'plus compétent que', 'numéro 1', 'numéro un', 'n°1',
  'leader', 'imbattable', 'inégalé', 'sans égal', 'incomparable', 'sans équivalent', 'nos concurrents',
];

/** Client testimonials and reviews. */
export const TESTIMONIAL_TERMS = [
  'témoignage', 'témoignage client', 'avis client', 'avis de nos clients', 'avis de clients', 'nos clients disent',
  'nos clients témoignent', 'ce que disent nos clients', '5 étoiles', 'cinq étoiles', 'recommandé par ses clients',
  'recommandé par nos clients', 'client satisfait', 'satisfaction client', 'retour client',
];

/** Political opinions: wording that leaves little doubt (not "politique", which also means policy). */
export const POLITICS_TERMS = [
  'parti politique', 'opinion politique', 'campagne électorale', 'élection présidentielle', 'élections législatives',
  'élections municipales', 'élections européennes', 'votez pour', 'appel à voter', 'militant politique',
];

/** The "Avocats (France)" compliance pack, from the French bar's rules (see FACTS.md). */
export function avocatsFrancePack(input: AvocatsFrancePackConfig): CompliancePack {
  const config = AvocatsFrancePackConfig.parse(input);
  const rules = [
    {
      kind: 'requiredMention',
      id: 'avocats-fr.bar-mention',
      severity: 'error',
      locked: true,
      text: config.barMention,
      pattern: BAR_MENTION_PATTERN,
      source: 'RIN art. 10.2',
      message: {
        fr: 'Toute communication mentionne le titre d’avocat et le barreau («\u00a0{{mention}}\u00a0»)\u00a0: RIN art.\u00a010.2.',
        en: 'Every communication states the lawyer’s title and bar ("{{mention}}"): RIN art. 10.2.',
      },
    },
    {
      kind: 'bannedTerm',
      id: 'avocats-fr.no-comparison',
      severity: 'error',
      locked: true,
      terms: COMPARISON_TERMS.map((term) => ({ term })),
      source: 'Décret n° 2005-790, art. 15 (après la loi Hamon, 2014)',
      message: {
        fr: 'Pas de contenu comparatif ou dénigrant («\u00a0{{term}}\u00a0»)\u00a0: l’information doit être sincère (décret n°\u00a02005-790, art.\u00a015).',
        en: 'No comparative or denigrating content ("{{term}}"): information must be sincere (decree 2005-790, art. 15).',
      },
    },
    {
      kind: 'forbiddenTopic',
      id: 'avocats-fr.client-secrecy',
      severity: 'error',
      locked: true,
      topic: 'secret professionnel',
      terms: config.clientNames,
      // Names are matched as written (accents and case aside), not stemmed.
      stemming: false,
      source: 'RIN art.\u00a010.5\u202f; Conférence des bâtonniers, 2022',
      message: {
        fr: 'Nom de client («\u00a0{{term}}\u00a0»)\u00a0: secret professionnel, pas de nom sans l’accord exprès et préalable du client (RIN art.\u00a010.5).',
        en: 'Client name ("{{term}}"): professional secrecy, no name without the client’s express prior consent (RIN art. 10.5).',
      },
    },
    {
      kind: 'forbiddenTopic',
      id: 'avocats-fr.no-testimonials',
      // A secondary source reports the ban: a warning, not an error.
      severity: 'warning',
      locked: true,
      topic: 'témoignages de clients',
      terms: TESTIMONIAL_TERMS,
      source: 'CNB, vade-mecum de la communication, oct. 2023 (source secondaire)',
      message: {
        fr: 'Témoignage ou avis de client («\u00a0{{term}}\u00a0»)\u00a0: présentés comme interdits par le vade-mecum du CNB (2023).',
        en: 'Client testimonial or review ("{{term}}"): reported as prohibited by the CNB guide (2023).',
      },
    },
    {
      kind: 'forbiddenTopic',
      id: 'avocats-fr.politics',
      severity: 'warning',
      topic: 'politique',
      terms: POLITICS_TERMS,
      source: 'Usage\u00a0: opinions politiques sur un compte personnel distinct (Conférence des bâtonniers, 2022)',
      message: {
        fr: 'Opinion politique («\u00a0{{term}}\u00a0»)\u00a0: elle a sa place sur un compte personnel, pas sur le compte professionnel.',
        en: 'Political opinion ("{{term}}"): it belongs on a personal account, not the professional one.',
      },
    },
  ];
  return {
    id: AVOCATS_FR_PACK_ID,
    version: AVOCATS_FR_PACK_VERSION,
    nameKey: 'editorial.pack.avocatsFr.name',
    descriptionKey: 'editorial.pack.avocatsFr.description',
    rules: rules.map((rule) => Rule.parse(rule)),
  };
}
