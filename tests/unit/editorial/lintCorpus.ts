import { generatedLine, post } from '../../../bench/support/editorialFixtures';
import { EditorialLine } from '../../../shared/editorial/index';
import type { LintContextInput } from '../../../shared/editorial/index';

/**
 * Texts linted in order, in one process, so every per-line memo is filled by the earlier
 * texts and read by the later ones (as when typing). Findings of each step are compared with
 * those the linter gave before its per-line caching (sameFindings.golden.json).
 */
export interface LintStep {
  name: string;
  text: string;
  line: EditorialLine;
  context: LintContextInput;
}

const ALL_NETWORKS: LintContextInput = { networks: ['linkedin', 'x', 'bluesky', 'mastodon', 'threads', 'instagram', 'facebook'] };

const MIXED = [
  'www.exemple-avocats.fr/contrat en tête de ligne, puis https://bit.ly/abc et exemple.com.',
  '',
  '',
  'Le MEILLEUR avocat de PARIS ! Vraiment ?! « Oui » dit-il : c\'est "le meilleur"... 08:30 ;) ',
  '👩‍⚖️👍🏽🇫🇷 #Droit #droit-du-travail @exemple @anne@mastodon.social',
  '\r\nLigne après un retour chariot : la clause d’imprévision, les clauses d\'imprévision.',
  'https://exemple-avocats.fr/analyse?utm_source=x\nhttps://autre.fr/page',
  '\n',
  'M. Dupont, art. 10 al. 2 : nous vous accompagnons. Je te conseille, tu verras.',
  // Sentence ends next to links, emoji, phrases and decomposed accents (where the lint cuts lines into pieces).
  'Voir exemple.fr. https://bit.ly/x? www.exemple.com! 👍🏽 Le meilleur. Avocat ! le meilleur avocat. e\u0301te\u0301. ?! . x',
].join('\n');

/** X weighs CJK 2, links 23, and counts NFC: decomposed accents shorten the text it indexes. */
const X_COUNTS = [
  'Cafe\u0301 de\u0301compose\u0301 : re\u0301sume\u0301 du contrat, clause par clause, pour les dirigeants.',
  '契約条項の見直し 契約条項の見直し 契約条項の見直し https://exemple-avocats.fr/une-tres-longue-adresse-de-page',
  'x'.repeat(140),
  'Fin\u0301.',
].join('\n');

const X_LINE = EditorialLine.parse({
  id: 'x-line',
  name: 'X',
  version: 1,
  rules: [
    { kind: 'networkLimits', id: 'limits' },
    { kind: 'lengthTarget', id: 'target', targets: [{ network: 'x', max: 100 }, { network: 'bluesky', max: 120 }] },
  ],
});

/** LinkedIn escapes its reserved characters (each then counts 2); capitals after sentence ends and line starts. */
const RESERVED = `${'(a) [b] *c* _d_ ~e~ <f> {g} |h| \\ #i @j 👩‍⚖️ '.repeat(40)}\nFIN. CONTRAT\n \tCONTRAT «\u202fCONTRAT\u202f» ?"CONTRAT" …)CONTRAT ! CONTRAT`;

const ENGLISH_PROSE =
  'Our lawyers help founders negotiate their contracts. We review every clause, we explain the risks, ' +
  'and we stay with you until the deal is signed. Read our analysis https://exemple-avocats.fr/en #law';

/** Edits as typed: each step is the previous text with one change. */
function typing(name: string, start: string, edits: ((text: string, i: number) => string)[], line: EditorialLine, context: LintContextInput): LintStep[] {
  const steps: LintStep[] = [{ name: `${name} 0`, text: start, line, context }];
  let text = start;
  edits.forEach((edit, i) => {
    text = edit(text, i);
    steps.push({ name: `${name} ${i + 1}`, text, line, context });
  });
  return steps;
}

const insert = (at: (text: string) => number, what: string) => (text: string) => {
  const where = Math.max(0, Math.min(text.length, at(text)));
  return `${text.slice(0, where)}${what}${text.slice(where)}`;
};
const remove = (at: (text: string) => number, count: number) => (text: string) => {
  const where = Math.max(0, Math.min(text.length, at(text)));
  return `${text.slice(0, where)}${text.slice(where + count)}`;
};

export function lintCorpus(): LintStep[] {
  const bench = generatedLine();
  const benchContext: LintContextInput = { networks: ['linkedin', 'x'] };
  const text = post();
  const keystrokes = Array.from({ length: 40 }, (_, i) => insert((t) => (i * 37 * 7) % t.length, 'e'));
  return [
    ...typing('bench keystrokes', text, keystrokes, bench, benchContext),
    ...typing(
      'bench line breaks',
      text,
      [
        insert((t) => t.indexOf('Nous accompagnons'), '\n'),
        insert((t) => t.indexOf('\n') + 1, '\n\n'),
        remove((t) => t.indexOf('\n'), 1),
        insert(() => 0, 'https://bit.ly/x '),
        insert((t) => t.indexOf('\n') + 1, 'www.exemple.com/a '),
        insert((t) => t.length, '\nLE MEILLEUR AVOCAT !!! imprévisions...'),
        remove((t) => t.length - 5, 5),
        insert((t) => t.indexOf('clause'), '👩‍⚖️ '),
        remove(() => 0, 1200),
      ],
      bench,
      benchContext,
    ),
    ...typing('mixed', MIXED, [insert((t) => t.indexOf('Le MEILLEUR'), 'x'), remove((t) => t.indexOf('\n\n'), 1), insert(() => 0, '\n')], bench, ALL_NETWORKS),
    ...typing('mixed, english partner', MIXED, [], EditorialLine.parse({ ...bench, language: 'en' }), ALL_NETWORKS),
    ...typing('english prose', ENGLISH_PROSE, [insert((t) => t.indexOf('clause'), 'x'), insert(() => 0, 'Hello\n\n')], bench, ALL_NETWORKS),
    ...typing(
      'x counts',
      X_COUNTS,
      [insert((t) => t.indexOf('https'), 'e\u0301'), remove(() => 0, 4), insert((t) => t.lastIndexOf('\n'), '\n'), remove((t) => t.indexOf('x'), 100)],
      X_LINE,
      { networks: ['x', 'bluesky'] },
    ),
    ...typing('x counts, over the hard limit', X_COUNTS, [insert((t) => t.indexOf('x'), `${'Long\u0301 '.repeat(40)}\n`)], X_LINE, { networks: ['x'] }),
    ...typing(
      'linkedin escapes and capitals',
      RESERVED,
      [insert(() => 1290, '('), insert(() => 1250, '*'), remove((t) => t.indexOf('FIN'), 3)],
      EditorialLine.parse({ ...bench, rules: [...bench.rules, { kind: 'lengthTarget', id: 'target-li', targets: [{ network: 'linkedin', max: 1300 }] }].filter((rule, i, all) => all.findIndex((r) => r.id === rule.id) === i) }),
      { networks: ['linkedin'] },
    ),
    ...typing('empty', '', [insert(() => 0, '\n'), insert(() => 0, 'a')], bench, ALL_NETWORKS),
    ...typing('bench on every network', text, [], bench, ALL_NETWORKS),
  ];
}
