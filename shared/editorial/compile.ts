import { hashtagsCheck } from './checks/hashtags';
import { languageCheck } from './checks/language';
import { lengthTargetCheck, networkLimitsCheck } from './checks/length';
import { linksCheck, mentionsCheck, utmCheck } from './checks/links';
import { mentionMatcher, requiredMentionCheck } from './checks/requiredMention';
import { requiredSnippetCheck, snippetMatcher } from './checks/requiredSnippet';
import { allCapsCheck, emojiCountCheck, exclamationMarksCheck, sentenceLengthCheck } from './checks/style';
import { bannedTermCheck, forbiddenTopicCheck } from './checks/terms';
import type { Check, PhraseCheck } from './checks/types';
import { frenchTypographyCheck } from './checks/typography';
import { addressFormCheck, firstPersonCheck } from './checks/voice';
import type { EditorialLine, EffectiveRule, ResolvedLine } from './lineSchema';
import { PhraseIndex } from './phraseIndex';
import { resolveLine } from './resolve';
import type { Rule } from './ruleSchema';
import { foldLoose } from './text/fold';

/** A line made ready to lint: regular expressions built, word lists stemmed and indexed. */
export interface CompiledLine {
  scope: 'compiled';
  line: ResolvedLine;
  checks: { rule: EffectiveRule; run: Check }[];
  phrases: PhraseIndex;
  /** Word-list rules, by slot in `phrases`. */
  phraseRules: { rule: EffectiveRule; check: PhraseCheck }[];
  /** Whether a line of text is one of the line's required mentions. */
  isRequiredMention: (line: string) => boolean;
}

function compileRule(rule: Rule): Check | PhraseCheck {
  switch (rule.kind) {
    case 'forbiddenTopic':
      return forbiddenTopicCheck(rule);
    case 'bannedTerm':
      return bannedTermCheck(rule);
    case 'requiredMention':
      return requiredMentionCheck(rule);
    case 'requiredSnippet':
      return requiredSnippetCheck(rule);
    case 'hashtags':
      return hashtagsCheck(rule);
    case 'links':
      return linksCheck(rule);
    case 'utm':
      return utmCheck(rule);
    case 'mentions':
      return mentionsCheck(rule);
    case 'networkLimits':
      return networkLimitsCheck();
    case 'lengthTarget':
      return lengthTargetCheck(rule);
    case 'sentenceLength':
      return sentenceLengthCheck(rule);
    case 'emojiCount':
      return emojiCountCheck(rule);
    case 'exclamationMarks':
      return exclamationMarksCheck(rule);
    case 'allCaps':
      return allCapsCheck(rule);
    case 'addressForm':
      return addressFormCheck(rule);
    case 'firstPerson':
      return firstPersonCheck(rule);
    case 'frenchTypography':
      return frenchTypographyCheck(rule);
    case 'language':
      return languageCheck(rule);
  }
}

/** Compile once per line version and reuse for every keystroke. */
export function compileLine(line: ResolvedLine | EditorialLine): CompiledLine {
  const resolved = line.scope === 'resolved' ? line : resolveLine(line);
  // A required snippet (a signature) may close the post after its hashtags, as a required mention does.
  const mentions = resolved.rules.flatMap(({ rule }) =>
    rule.kind === 'requiredMention' ? [mentionMatcher(rule)] : rule.kind === 'requiredSnippet' ? [snippetMatcher(rule)] : [],
  );
  const compiled: CompiledLine = {
    scope: 'compiled',
    line: resolved,
    checks: [],
    phrases: new PhraseIndex(resolved.language),
    phraseRules: [],
    isRequiredMention: (line) => {
      const folded = foldLoose(line);
      return folded !== '' && mentions.some((holds) => holds(folded));
    },
  };
  for (const effective of resolved.rules) {
    const check = compileRule(effective.rule);
    if (typeof check === 'function') {
      compiled.checks.push({ rule: effective, run: check });
      continue;
    }
    const slot = compiled.phraseRules.length;
    compiled.phraseRules.push({ rule: effective, check });
    check.terms.forEach(({ term, stemming }, termIndex) => compiled.phrases.add(slot, termIndex, term, stemming));
  }
  compiled.phrases.prepare();
  return compiled;
}
