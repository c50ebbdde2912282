import { docFromParagraphs } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import type { PartnerFields } from '../../../shared/partners/schema';
import type { Network } from '../../../shared/posts/networks';

/**
 * The example workspace offered at first launch: a fictitious Paris law firm with partners in
 * Paris, Casablanca and Montréal. Every row it creates is flagged `is_example` and removable
 * in one click. French typography uses U+202F (narrow no-break space) before ; : ! ?
 */
const NNBSP = '\u202f';

export interface ExamplePost {
  title: string;
  note: string;
  networks: Network[];
  content: DocNode;
  /** Days from today and wall time, in the partner's zone; none for an unscheduled draft. */
  schedule?: { inDays: number; time: string };
}

export interface ExamplePartner {
  fields: PartnerFields;
  posts: ExamplePost[];
}

export const examplePartners: ExamplePartner[] = [
  {
    fields: {
      displayName: 'Me Claire Dupont',
      formOfAddress: 'madame',
      role: 'Associée — droit des affaires',
      organisation: 'Cabinet Arcand & Associés (exemple)',
      color: '#1d4ed8',
      timeZone: 'Europe/Paris',
      locale: 'fr',
      signoffEmail: 'claire.dupont@example.org',
    },
    posts: [
      {
        title: `Réforme du droit des contrats${NNBSP}: 3 points pour les PME`,
        note: 'Relire avec Claire avant jeudi. Ton pédagogique.',
        networks: ['linkedin', 'x'],
        schedule: { inDays: 2, time: '08:30' },
        content: docFromParagraphs([
          `Dix ans après la réforme du droit des contrats, trois clauses posent encore question aux dirigeants de PME${NNBSP}:`,
          '1. l’imprévision (article 1195 du Code civil)',
          '2. les clauses abusives entre professionnels',
          '3. la durée des négociations précontractuelles',
          `Avocate au barreau de Paris — Cabinet Arcand & Associés. #DroitDesAffaires`,
        ]),
      },
      {
        title: 'Retour sur le colloque du barreau',
        note: '',
        networks: ['linkedin'],
        content: docFromParagraphs([
          `Merci aux organisateurs du colloque sur la médiation${NNBSP}!`,
          'Une journée riche en échanges sur les modes amiables de règlement des différends.',
        ]),
      },
    ],
  },
  {
    fields: {
      displayName: 'Me Yasmine Benali',
      formOfAddress: 'madame',
      role: 'Associée — arbitrage international',
      organisation: 'Cabinet Arcand & Associés (exemple)',
      color: '#b45309',
      timeZone: 'Africa/Casablanca',
      locale: 'fr',
      signoffEmail: 'yasmine.benali@example.org',
    },
    posts: [
      {
        title: `Arbitrage OHADA${NNBSP}: calendrier 2027`,
        note: 'Publier après validation de Yasmine (heure de Casablanca).',
        networks: ['linkedin', 'mastodon'],
        schedule: { inDays: 3, time: '09:00' },
        content: docFromParagraphs([
          `L’arbitrage OHADA continue de se moderniser${NNBSP}: voici ce que les entreprises doivent anticiper en 2027.`,
          'Avocate au barreau de Paris, bureau de Casablanca.',
        ]),
      },
    ],
  },
  {
    fields: {
      displayName: 'Me Julien Tremblay',
      formOfAddress: 'monsieur',
      role: 'Counsel — technology law',
      organisation: 'Cabinet Arcand & Associés (example)',
      color: '#047857',
      // Montréal's own name (an alias of America/Toronto in the tz database): « heure de Montréal ».
      timeZone: 'America/Montreal',
      locale: 'en',
      signoffEmail: 'julien.tremblay@example.org',
    },
    posts: [
      {
        title: 'AI Act: what Canadian SaaS companies selling in the EU should know',
        note: 'Julien prefers English posts for his Montréal audience.',
        networks: ['linkedin', 'bluesky', 'x'],
        schedule: { inDays: 4, time: '08:00' },
        content: docFromParagraphs([
          'The EU AI Act applies to providers outside the EU whose systems are used in the Union.',
          'Three questions to ask before your next release.',
          'Lawyer, member of the Paris Bar — Montréal office.',
        ]),
      },
    ],
  },
];
