import type { Network } from '../../posts/networks';
import type { LintContext, TextRange } from '../findingSchema';
import type { PhraseMatch } from '../phraseIndex';
import type { Language } from '../ruleSchema';
import type { TextAnalysis } from '../text/analysis';

/** What a check says; `lint` adds the rule's id, kind, severity, origin and a stable id. */
export interface RawFinding {
  messageKey: string;
  params?: Record<string, string | number>;
  range: TextRange;
  network?: Network;
  fix?: {
    labelKey: string;
    labelParams?: Record<string, string | number>;
    edits: { from: number; to: number; insert: string }[];
    snippet?: { id: string; text: string; locked: boolean };
  };
}

export type Report = (finding: RawFinding) => void;

export interface CheckEnv {
  context: LintContext;
  /** The expected language: the context's, else the line's. */
  language: Language;
  /** Whether a line is a required mention (a signature may close the post after its hashtags). */
  isRequiredMention: (line: string) => boolean;
}

/** A compiled rule: everything that does not depend on the text is prepared once. */
export type Check = (analysis: TextAnalysis, env: CheckEnv, report: Report) => void;

/** A word-list rule: its terms go into the shared phrase index; matches come back here. */
export interface PhraseCheck {
  terms: readonly { term: string; stemming: boolean }[];
  onMatch: (match: PhraseMatch, analysis: TextAnalysis, report: Report) => void;
}
