import { EditorialLine, lint } from '../../../shared/editorial/index';
import type { Finding, LintContextInput, RuleInput } from '../../../shared/editorial/index';

/** An organisation line with just these rules. */
export function lineWith(rules: RuleInput[], language: 'fr' | 'en' = 'fr'): EditorialLine {
  return EditorialLine.parse({ id: 'test-line', name: 'Test', version: 1, language, rules });
}

export function findings(text: string, rules: RuleInput[], context: LintContextInput = {}): Finding[] {
  return lint(text, lineWith(rules), context).findings;
}

/** What each finding points at in the text. */
export function flagged(text: string, rules: RuleInput[], context: LintContextInput = {}): string[] {
  return findings(text, rules, context).map((f) => text.slice(f.range.from, f.range.to));
}

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';
