import { PLACEHOLDER_SNIPPET_ID } from '../ruleSchema';
import type { RuleOfKind } from '../ruleSchema';
import { foldLoose } from '../text/fold';
import { appendLine, missingLineAt, requiredLineTargets } from './requiredMention';
import type { Check } from './types';

/** Whether a folded text holds the snippet's text (as the snippet node sends it, or typed). */
export function snippetMatcher(rule: RuleOfKind<'requiredSnippet'>): (folded: string) => boolean {
  const wanted = foldLoose(rule.text);
  return (folded) => folded.includes(wanted);
}

/** A required snippet missing: said at the end of the post, with a fix that inserts it there. */
export function requiredSnippetCheck(rule: RuleOfKind<'requiredSnippet'>): Check {
  const holds = snippetMatcher(rule);
  // A rule stored before a snippet was chosen (the line editor now refuses to save one): it asks
  // for nothing, rather than for « … » on every post.
  const chosen = rule.snippetId !== PLACEHOLDER_SNIPPET_ID && /[\p{L}\p{N}]/u.test(rule.text);
  return (analysis, { context }, report) => {
    if (!chosen) return;
    const targeted = requiredLineTargets(rule.networks, context.networks);
    if (targeted === null || holds(analysis.folded)) return;
    const { networks, ...at } = missingLineAt(analysis.text, targeted);
    report({
      messageKey: 'editorial.finding.requiredSnippetMissing',
      params: { snippet: rule.text, networks },
      ...at,
      fix: {
        labelKey: 'editorial.fix.insertSnippet',
        labelParams: { snippet: rule.text },
        edits: [appendLine(analysis.text, rule.text)],
        snippet: { id: rule.snippetId, text: rule.text, locked: rule.lockInEditor },
      },
    });
  };
}
