import { applyCompliancePack, avocatsFrancePack, compileLine, EditorialLine, lint } from '../shared/editorial/index';
import type { RuleInput } from '../shared/editorial/index';
import { median, percentile, report, time } from './support/stats';

/**
 * Editorial-line lint: a 3,000-character French post against a generated 300-rule line,
 * as on every keystroke. Baseline, same run: one `text.toLowerCase().includes(word)` scan
 * per word of the line — the naive linter, without accents, elisions, plurals or ranges.
 * Prints figures only; never fails on a timing.
 */
const VOCABULARY = [
  'contrat', 'clause', 'imprévision', 'médiation', 'arbitrage', 'société', 'dirigeant', 'salarié', 'licenciement',
  'prud’hommes', 'bail', 'commercial', 'fusion', 'acquisition', 'cession', 'fonds', 'créance', 'caution', 'garantie',
  'responsabilité', 'préjudice', 'indemnité', 'sanction', 'pénal', 'fiscal', 'douane', 'brevet', 'marque', 'données',
  'conformité', 'audit', 'gouvernance', 'actionnaire', 'pacte', 'statuts', 'assemblée', 'redressement', 'liquidation',
  'sauvegarde', 'procédure', 'appel', 'cassation', 'tribunal', 'juridiction', 'expertise', 'transaction', 'rupture',
  'concurrence', 'distribution', 'franchise', 'consommateur', 'immobilier', 'urbanisme', 'environnement', 'énergie',
];

function word(i: number): string {
  return VOCABULARY[i % VOCABULARY.length] ?? 'contrat';
}

function generatedLine(): EditorialLine {
  const rules: RuleInput[] = [];
  for (let i = 0; rules.length < 279; i++) {
    const terms = [`${word(i * 3)}x${i}`, `${word(i * 5 + 1)} ${word(i * 7 + 2)}y${i}`, `l'${word(i + 3)}z${i}`, `${word(i * 11)}w${i}s`];
    rules.push(
      i % 2 === 0
        ? { kind: 'forbiddenTopic', id: `topic-${i}`, topic: `thème ${i}`, terms }
        : { kind: 'bannedTerm', id: `banned-${i}`, terms: terms.map((term) => ({ term, replacement: 'autre' })) },
    );
  }
  rules.push(
    { kind: 'forbiddenTopic', id: 'hit', terms: ['imprévision', 'le meilleur avocat'] },
    { kind: 'requiredMention', id: 'mention', text: 'Cabinet Exemple' },
    { kind: 'hashtags', id: 'tags', required: ['droit'], max: 5, position: 'end' },
    { kind: 'links', id: 'links', allowedDomains: ['exemple-avocats.fr'] },
    { kind: 'utm', id: 'utm', campaign: 'bench' },
    { kind: 'mentions', id: 'mentions', allowed: ['exemple'] },
    { kind: 'networkLimits', id: 'limits' },
    { kind: 'lengthTarget', id: 'target', targets: [{ network: 'linkedin', max: 1300 }] },
    { kind: 'sentenceLength', id: 'sentences' },
    { kind: 'emojiCount', id: 'emoji' },
    { kind: 'exclamationMarks', id: 'exclamations' },
    { kind: 'allCaps', id: 'caps' },
    { kind: 'addressForm', id: 'vous', expected: 'vous' },
    { kind: 'firstPerson', id: 'nous', expected: 'plural' },
    { kind: 'frenchTypography', id: 'typography' },
  );
  const line = EditorialLine.parse({ id: 'bench', name: 'Bench', version: 1, rules });
  const withPack = applyCompliancePack(line, avocatsFrancePack({ barMention: 'Avocat au barreau de Paris', clientNames: ['Dupont SA', 'Martin & Fils'] }));
  // Top up to exactly 300 rules with a language rule and word lists.
  const extra: RuleInput[] = [{ kind: 'language', id: 'language' }];
  for (let i = 0; withPack.rules.length + extra.length < 300; i++) extra.push({ kind: 'forbiddenTopic', id: `extra-${i}`, terms: [`${word(i)}q${i}`] });
  return EditorialLine.parse({ ...withPack, rules: [...withPack.rules, ...extra] });
}

const PARAGRAPH =
  'Depuis la réforme du droit des contrats, la clause d’imprévision permet à une partie de demander la renégociation ' +
  'lorsqu’un changement de circonstances imprévisible rend l’exécution excessivement onéreuse. Nous accompagnons les ' +
  'dirigeants de PME dans la rédaction de leurs contrats : audit, négociation, médiation ! ';

function post(): string {
  let text = '';
  for (let i = 0; text.length < 2800; i++) {
    text += PARAGRAPH;
    if (i % 3 === 1) text += `Lire l’analyse https://exemple-avocats.fr/analyse-${i} 👩‍⚖️ @exemple «\u202fà suivre\u202f» à 08:30.\n`;
  }
  return `${text}\n#droit #contrats #PME\nAvocat au barreau de Paris`.slice(0, 3000);
}

const line = generatedLine();
const text = post();
const context = { networks: ['linkedin', 'x'] as const };
const words = line.rules.flatMap((rule) =>
  rule.kind === 'forbiddenTopic' ? rule.terms : rule.kind === 'bannedTerm' ? rule.terms.map((t) => t.term) : [],
);

const compileMs: number[] = [];
for (let i = 0; i < 20; i++) compileMs.push(time(() => compileLine(line)));
const compiled = compileLine(line);
const coldMs = time(() => lint(text, compiled, { networks: [...context.networks] }));

const runs = 500;
const steady: number[] = [];
const typing: number[] = [];
const baseline: number[] = [];
let sink = 0;
for (let i = 0; i < 50; i++) lint(text, compiled, { networks: [...context.networks] });
for (let i = 0; i < runs; i++) {
  steady.push(time(() => (sink += lint(text, compiled, { networks: [...context.networks] }).findings.length)));
  // A keystroke somewhere in the post: new text, new tokens, one paragraph's language re-detected.
  const at = (i * 37) % text.length;
  const typed = `${text.slice(0, at)}e${text.slice(at)}`;
  typing.push(time(() => (sink += lint(typed, compiled, { networks: [...context.networks] }).findings.length)));
  baseline.push(
    time(() => {
      const lower = text.toLowerCase();
      for (const w of words) if (lower.includes(w.toLowerCase())) sink++;
    }),
  );
}

console.log(`line: ${line.rules.length} rules, ${words.length} words and phrases; post: ${text.length} characters; networks: ${context.networks.join(', ')}`);
report('compile 300-rule line (median)', median(compileMs), 'includes() scan', median(baseline));
report('first lint after compile (cold caches)', coldMs, 'includes() scan', median(baseline));
report('lint, same text (median)', median(steady), 'includes() scan', median(baseline), '< 1 ms');
report('lint, same text (p95)', percentile(steady, 95), 'includes() scan p95', percentile(baseline, 95));
report('lint, one keystroke changed (median)', median(typing), 'includes() scan', median(baseline), '< 1 ms');
report('lint, one keystroke changed (p95)', percentile(typing, 95), 'includes() scan p95', percentile(baseline, 95));
if (sink < 0) console.log(sink);
