import { z } from 'zod';
import { keyWithParams } from '../api/issueKeys';
import { Network } from '../posts/networks';
import { foldLoose } from './text/fold';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

export const LocalizedText = z.object({ fr: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Stable across versions: findings, partner overrides and packs refer to rules by id. */
export const RuleId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/u, { message: 'editorial.errors.ruleId' });
export type RuleId = z.infer<typeof RuleId>;

const hasWord = (term: string): boolean => /[\p{L}\p{N}]/u.test(term);
/** A word or phrase as a reader writes it ("le meilleur avocat"); matched as French readers read. */
export const Term = z.string().trim().min(1).max(200).refine(hasWord, { message: 'editorial.errors.termWithoutWord' });
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9\p{L}](?:[a-z0-9\p{L}-]*[a-z0-9\p{L}])?\.)+[a-z\p{L}]{2,}$/u, { message: 'editorial.errors.domain' });
const Hashtag = z
  .string()
  .trim()
  .transform((tag) => tag.replace(/^#/u, ''))
  // One word, with what Bluesky keeps in a tag (#droit-du-travail, #L'avocat, a flag): no space.
  .pipe(z.string().max(100).regex(/^[^\s#\uff03]\S*$/u, { message: 'editorial.errors.hashtag' }).regex(/[\p{L}\p{N}]/u, { message: 'editorial.errors.hashtag' }));
const Handle = z
  .string()
  .trim()
  .transform((handle) => handle.replace(/^@/u, ''))
  .pipe(z.string().min(1).max(200));
const isValidPattern = (source: string): boolean => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

const base = (defaultSeverity: Severity) => ({
  id: RuleId,
  severity: Severity.default(defaultSeverity),
  enabled: z.boolean().default(true),
  /** On an organisation rule: a partner line may tighten it but not switch it off. */
  locked: z.boolean().default(false),
  /** Replaces the generic message (i18next interpolation with the finding's params). */
  message: LocalizedText.optional(),
  /** Where the rule comes from (e.g. "RIN art. 10.2"). */
  source: z.string().trim().max(300).optional(),
});

export const ForbiddenTopicRule = z.object({
  kind: z.literal('forbiddenTopic'),
  ...base('error'),
  /** What the words are about (politics, a client's name…), shown in the message. */
  topic: z.string().trim().max(80).optional(),
  terms: z.array(Term).max(5000).default([]),
  /** Match plurals and feminine forms; switch off for proper names. */
  stemming: z.boolean().default(true),
});

export const BannedTermRule = z.object({
  kind: z.literal('bannedTerm'),
  ...base('warning'),
  terms: z.array(z.object({ term: Term, replacement: z.string().trim().max(200).optional() })).max(5000).default([]),
  stemming: z.boolean().default(true),
});

export const RequiredMentionRule = z.object({
  kind: z.literal('requiredMention'),
  ...base('error'),
  /** What the quick fix inserts, on its own line at the end. Its presence satisfies the rule. */
  text: z.string().trim().min(1).max(300),
  /**
   * Other accepted wordings, as a regular expression matched against the folded text (lower
   * case, no accents, ' apostrophes, single spaces).
   */
  pattern: z.string().max(500).refine(isValidPattern, { message: 'editorial.errors.pattern' }).optional(),
  /** Empty: every network. */
  networks: z.array(Network).default([]),
});

/**
 * A snippet the post must carry (a disclosure, a signature). The rule keeps the snippet's text
 * as it was when the rule was set, so linting stays pure; `lockInEditor` makes the inserted
 * snippet one block the editor will not let anyone edit or delete.
 */
export const RequiredSnippetRule = z.object({
  kind: z.literal('requiredSnippet'),
  ...base('error'),
  // A new rule starts with no snippet (''): said as « choose one », not as a malformed id.
  snippetId: z.uuid({ message: 'editorialLine.errors.chooseSnippet' }),
  text: z.string().trim().min(1).max(1000),
  lockInEditor: z.boolean().default(true),
  /** Empty: every network. */
  networks: z.array(Network).default([]),
});

export const HashtagsRule = z.object({
  kind: z.literal('hashtags'),
  ...base('warning'),
  required: z.array(Hashtag).max(100).default([]),
  /** When set, any other hashtag is a finding. */
  allowed: z.array(Hashtag).max(2000).optional(),
  max: z.number().int().min(0).max(100).optional(),
  position: z.enum(['anywhere', 'end']).default('anywhere'),
});

export const DEFAULT_SHORTENERS = [
  'bit.ly', 't.co', 'tinyurl.com', 'ow.ly', 'buff.ly', 'goo.gl', 'is.gd', 'lnkd.in', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 't.ly', 'tiny.cc', 'rb.gy', 'bl.ink', 'v.gd', 'bit.do', 'dlvr.it', 'ift.tt', 'trib.al',
  'fb.me', 'amzn.to', 'shorte.st', 'adf.ly', 's.id', 'qr.ae', 'soo.gd', 'po.st', 'x.co', 'mcaf.ee',
];

export const LinksRule = z.object({
  kind: z.literal('links'),
  ...base('warning'),
  /** When not empty, links elsewhere (subdomains included) are findings. */
  allowedDomains: z.array(Domain).max(500).default([]),
  forbidShorteners: z.boolean().default(true),
  shorteners: z.array(Domain).max(500).default(DEFAULT_SHORTENERS),
});

export const UtmRule = z.object({
  kind: z.literal('utm'),
  ...base('info'),
  /** utm_source; by default the target network when there is one, else "social". */
  source: z.string().trim().min(1).max(100).optional(),
  medium: z.string().trim().min(1).max(100).default('social'),
  /** utm_campaign; the lint context's campaign wins. */
  campaign: z.string().trim().min(1).max(100).optional(),
  /** Only links to these domains get UTM parameters; empty: every link. */
  domains: z.array(Domain).max(500).default([]),
});

export const MentionsRule = z.object({
  kind: z.literal('mentions'),
  ...base('warning'),
  /** Accounts that may be mentioned ("cabinet", "anne@mastodon.social"). */
  allowed: z.array(Handle).max(2000).default([]),
});

export const NetworkLimitsRule = z.object({
  kind: z.literal('networkLimits'),
  ...base('error'),
});

export const LengthTargetRule = z.object({
  kind: z.literal('lengthTarget'),
  ...base('warning'),
  /** A softer length than the hard limit, in the network's own unit. */
  targets: z.array(z.object({ network: Network, max: z.number().int().min(1) })).max(20).default([]),
});

export const SentenceLengthRule = z.object({
  kind: z.literal('sentenceLength'),
  ...base('warning'),
  maxWords: z.number().int().min(3).max(500).default(30),
});

export const EmojiCountRule = z.object({
  kind: z.literal('emojiCount'),
  ...base('warning'),
  max: z.number().int().min(0).max(500).default(3),
});

export const ExclamationMarksRule = z.object({
  kind: z.literal('exclamationMarks'),
  ...base('warning'),
  max: z.number().int().min(0).max(500).default(1),
});

export const DEFAULT_ACRONYMS = [
  'RGPD', 'CNIL', 'CNB', 'RIN', 'URSSAF', 'SARL', 'SASU', 'CEDH', 'CJUE', 'TFUE', 'OHADA', 'AMF', 'ACPR', 'INPI',
  'PME', 'TPE', 'ETI', 'BTP', 'DRH', 'PDG', 'CEO', 'CFO', 'RSE', 'ESG', 'LBO', 'OPA', 'TVA', 'IFRS', 'GDPR', 'NDA',
];

export const AllCapsRule = z.object({
  kind: z.literal('allCaps'),
  ...base('warning'),
  /** Shorter upper-case words are taken for acronyms. */
  minLetters: z.number().int().min(2).max(30).default(4),
  allow: z.array(z.string().trim().min(1).max(60)).max(2000).default(DEFAULT_ACRONYMS),
});

export const AddressFormRule = z.object({
  kind: z.literal('addressForm'),
  ...base('warning'),
  expected: z.enum(['vous', 'tu']),
});

export const FirstPersonRule = z.object({
  kind: z.literal('firstPerson'),
  ...base('warning'),
  expected: z.enum(['singular', 'plural']),
});

/**
 * French typography, French text only. The no-break space before : ; ! ? is always checked;
 * each other habit is a switch a line turns on (the space inside « » is on by default, as it
 * was before the switches existed).
 */
export const FrenchTypographyRule = z.object({
  kind: z.literal('frenchTypography'),
  ...base('info'),
  /** A no-break space after « and before ». */
  guillemetSpaces: z.boolean().default(true),
  /** l’avocat, not l'avocat. */
  apostrophe: z.boolean().default(false),
  /** …, not three full stops. */
  ellipsis: z.boolean().default(false),
  /** « » for quotations, not "…" or “…” (“…” stays right inside « »). */
  quoteShapes: z.boolean().default(false),
});

export const LanguageRule = z.object({
  kind: z.literal('language'),
  ...base('warning'),
  /** By default the lint context's language, else the line's. */
  expected: Language.optional(),
  /** Below this many letters, detection is not trusted and nothing is said. */
  minLetters: z.number().int().min(10).max(1000).default(40),
});

export const Rule = z.discriminatedUnion('kind', [
  ForbiddenTopicRule,
  BannedTermRule,
  RequiredMentionRule,
  RequiredSnippetRule,
  HashtagsRule,
  LinksRule,
  UtmRule,
  MentionsRule,
  NetworkLimitsRule,
  LengthTargetRule,
  SentenceLengthRule,
  EmojiCountRule,
  ExclamationMarksRule,
  AllCapsRule,
  AddressFormRule,
  FirstPersonRule,
  FrenchTypographyRule,
  LanguageRule,
]);
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;
export type RuleKind = Rule['kind'];
export type RuleOfKind<K extends RuleKind> = Extract<Rule, { kind: K }>;

export const ruleKinds = [
  'forbiddenTopic', 'bannedTerm', 'requiredMention', 'hashtags', 'links', 'utm', 'mentions', 'networkLimits',
  'lengthTarget', 'sentenceLength', 'emojiCount', 'exclamationMarks', 'allCaps', 'addressForm', 'firstPerson',
  'frenchTypography', 'language', 'requiredSnippet',
] as const;
export const RuleKind = z.enum(ruleKinds);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that `ruleKinds` lists exactly the kinds of the `Rule` union. */
export const ruleKindsAreComplete: Same<(typeof ruleKinds)[number], Rule['kind']> = true;

/**
 * The id a « required snippet » rule was given before a snippet was chosen, with the text « … »:
 * lines saved with it exist, so the schema still reads it, but no line is saved with it again.
 */
export const PLACEHOLDER_SNIPPET_ID = '00000000-0000-4000-8000-000000000000';

/**
 * What a rule list must not hold when it is saved, though a line stored before may (the schema
 * reads those back, so that they still open): a snippet rule without its snippet, and a banned
 * term twice once folded as matching folds it (« gratuit », « Gratuit »), which said nothing more
 * and left two replacements for one word. Paths start at the line (`rules › i › …`).
 */
export function ruleSaveProblems(rules: readonly Rule[]): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  rules.forEach((rule, ruleIndex) => {
    if (rule.kind === 'requiredSnippet' && rule.snippetId === PLACEHOLDER_SNIPPET_ID) {
      issues.push({ code: 'custom', input: rule.snippetId, path: ['rules', ruleIndex, 'snippetId'], message: 'editorialLine.errors.chooseSnippet' });
    }
    if (rule.kind !== 'bannedTerm') return;
    const first = new Map<string, number>();
    rule.terms.forEach(({ term }, index) => {
      const folded = foldLoose(term);
      if (folded === '') return;
      const earlier = first.get(folded);
      if (earlier === undefined) first.set(folded, index);
      else {
        const message = keyWithParams('editorialLine.errors.duplicateTerm', { term: term.trim(), first: earlier + 1 });
        issues.push({ code: 'custom', input: term, path: ['rules', ruleIndex, 'terms', index, 'term'], message });
      }
    });
  });
  return issues;
}
