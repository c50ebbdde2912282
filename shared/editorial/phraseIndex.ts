import type { TextAnalysis } from './text/analysis';
import { tokenStemKeys } from './text/analysis';
import { tokenize } from './text/tokens';

/** One word or phrase of a rule, compiled to comparison keys per word. */
export interface Phrase {
  /** The rule this phrase belongs to (index in the compiled line's phrase rules). */
  slot: number;
  /** Index of the term in its rule. */
  termIndex: number;
  stemming: boolean;
  /** Accepted keys for each word of the phrase. */
  words: readonly (readonly string[])[];
}

export interface PhraseMatch {
  phrase: Phrase;
  from: number;
  to: number;
}

/** Between two words of one phrase: spaces, hyphens, apostrophes, "°" — never a clause break. */
const CLAUSE_BREAK = /[.!?;:,()[\]{}"«»“”\n\r…|/]/u;

/**
 * Every phrase of every word-list rule, indexed by the key of its first word, so one pass
 * over the text's words finds all of them whatever the number of rules.
 */
export class PhraseIndex {
  private readonly byStem = new Map<string, Phrase[]>();
  private readonly byFold = new Map<string, Phrase[]>();

  add(slot: number, termIndex: number, term: string, stemming: boolean): void {
    const words = tokenize(term).map((token) => (stemming ? tokenStemKeys(token) : [token.folded]));
    const first = words[0];
    if (!first) return;
    const phrase: Phrase = { slot, termIndex, stemming, words };
    const index = stemming ? this.byStem : this.byFold;
    for (const key of first) {
      const list = index.get(key);
      if (list) list.push(phrase);
      else index.set(key, [phrase]);
    }
  }

  /** Leftmost-longest matches, not overlapping within one rule; ranges in the original text. */
  match(analysis: TextAnalysis): PhraseMatch[] {
    const { tokens, text } = analysis;
    const matches: PhraseMatch[] = [];
    const nextFreeToken = new Map<number, number>();
    const longest = new Map<number, { phrase: Phrase; last: number }>();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      longest.clear();
      const consider = (phrases: readonly Phrase[] | undefined): void => {
        if (!phrases) return;
        for (const phrase of phrases) {
          const last = this.lastWord(analysis, text, i, phrase);
          if (last === -1) continue;
          const best = longest.get(phrase.slot);
          if (!best || last > best.last) longest.set(phrase.slot, { phrase, last });
        }
      };
      if (this.byStem.size > 0) for (const key of analysis.stems(i)) consider(this.byStem.get(key));
      consider(this.byFold.get(token.folded));
      for (const [slot, { phrase, last }] of longest) {
        if ((nextFreeToken.get(slot) ?? 0) > i) continue;
        const end = tokens[last];
        if (!end) continue;
        matches.push({ phrase, from: token.from, to: end.to });
        nextFreeToken.set(slot, last + 1);
      }
    }
    return matches;
  }

  /** Index of the phrase's last word if it matches from word `start`, else -1. */
  private lastWord(analysis: TextAnalysis, text: string, start: number, phrase: Phrase): number {
    const { tokens } = analysis;
    for (let w = 1; w < phrase.words.length; w++) {
      const previous = tokens[start + w - 1];
      const current = tokens[start + w];
      const accepted = phrase.words[w];
      if (!previous || !current || !accepted) return -1;
      if (CLAUSE_BREAK.test(text.slice(previous.to, current.from))) return -1;
      const keys = phrase.stemming ? analysis.stems(start + w) : [current.folded];
      if (!keys.some((key) => accepted.includes(key))) return -1;
    }
    return start + phrase.words.length - 1;
  }
}
