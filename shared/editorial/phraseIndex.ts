import type { Language } from './ruleSchema';
import { TextAnalysis, tokenStemKeys } from './text/analysis';
import { collectLines, LineMemo } from './text/lines';
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
  /** Order of addition: among equally long matches of one rule, the first added wins. */
  order: number;
}

export interface PhraseMatch {
  phrase: Phrase;
  from: number;
  to: number;
}

/** Between two words of one phrase: spaces, hyphens, apostrophes, "°" — never a clause break. */
const CLAUSE_BREAK = /[.!?;:,()[\]{}"«»“”\n\r…|/]/u;

/**
 * The phrases sharing a first-word key. Multi-word phrases are also keyed by their second
 * word: "l'…", "le …" and "de …" start hundreds of phrases in a long line, and only the few
 * whose second word is the text's next word are worth walking.
 */
interface Bucket {
  singles: Phrase[];
  bySecond: Map<string, Phrase[]>;
}

interface Best {
  phrase: Phrase;
  last: number;
  /** Which first-word key found it: an earlier key wins a tie, as it was looked at first. */
  pass: number;
}

function push<K>(map: Map<K, Phrase[]>, key: K, phrase: Phrase): void {
  const list = map.get(key);
  if (list) list.push(phrase);
  else map.set(key, [phrase]);
}

/**
 * Every phrase of every word-list rule, for posts in one language, indexed by the keys of its
 * first two words, so one pass over the text's words finds all of them whatever the number of rules.
 */
class LanguagePhrases {
  private readonly byStem = new Map<string, Bucket>();
  private readonly byFold = new Map<string, Bucket>();
  private count = 0;
  /**
   * Matches per piece of text: a phrase never spans a line break or a sentence end (clause
   * breaks), and a match blocks its rule only up to its own last word, so pieces are
   * matched on their own.
   */
  readonly byLine = new LineMemo<readonly PhraseMatch[]>((line) => this.match(new TextAnalysis(line, {})));

  constructor(private readonly language: Language) {}

  add(slot: number, termIndex: number, term: string, stemming: boolean): void {
    const words = tokenize(term).map((token) => (stemming ? tokenStemKeys(token, this.language) : [token.folded]));
    const [first, second] = words;
    if (!first) return;
    const phrase: Phrase = { slot, termIndex, stemming, words, order: this.count++ };
    const index = stemming ? this.byStem : this.byFold;
    for (const key of first) {
      let bucket = index.get(key);
      if (!bucket) {
        bucket = { singles: [], bySecond: new Map() };
        index.set(key, bucket);
      }
      if (!second) bucket.singles.push(phrase);
      else for (const key2 of new Set(second)) push(bucket.bySecond, key2, phrase);
    }
  }

  /** Leftmost-longest matches, not overlapping within one rule; ranges in the original text. */
  match(analysis: TextAnalysis): PhraseMatch[] {
    const { tokens, text } = analysis;
    const matches: PhraseMatch[] = [];
    const nextFreeToken = new Map<number, number>();
    const longest = new Map<number, Best>();
    const offer = (phrase: Phrase, last: number, pass: number): void => {
      const best = longest.get(phrase.slot);
      if (!best || last > best.last || (last === best.last && pass === best.pass && phrase.order < best.phrase.order)) {
        longest.set(phrase.slot, { phrase, last, pass });
      }
    };
    const consider = (bucket: Bucket | undefined, i: number, stemming: boolean, pass: number): void => {
      if (!bucket) return;
      for (const phrase of bucket.singles) offer(phrase, i, pass);
      if (bucket.bySecond.size === 0) return;
      const token = tokens[i];
      const next = tokens[i + 1];
      if (!token || !next || CLAUSE_BREAK.test(text.slice(token.to, next.from))) return;
      for (const key of stemming ? analysis.stems(i + 1, this.language) : [next.folded]) {
        const phrases = bucket.bySecond.get(key);
        if (!phrases) continue;
        for (const phrase of phrases) {
          const last = this.lastWord(analysis, text, i, phrase);
          if (last !== -1) offer(phrase, last, pass);
        }
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      longest.clear();
      let pass = 0;
      if (this.byStem.size > 0) for (const key of analysis.stems(i, this.language)) consider(this.byStem.get(key), i, true, pass++);
      consider(this.byFold.get(token.folded), i, false, pass);
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
      const keys = phrase.stemming ? analysis.stems(start + w, this.language) : [current.folded];
      if (!keys.some((key) => accepted.includes(key))) return -1;
    }
    return start + phrase.words.length - 1;
  }
}

/**
 * The word-list rules' phrases, stemmed as the post's language is (detected, else the
 * partner's): one index per language, the line's own built at compile time, the other on the
 * first post written in it.
 */
export class PhraseIndex {
  private readonly terms: { slot: number; termIndex: number; term: string; stemming: boolean }[] = [];
  private readonly languages = new Map<Language, LanguagePhrases>();

  constructor(private readonly lineLanguage: Language) {}

  add(slot: number, termIndex: number, term: string, stemming: boolean): void {
    this.terms.push({ slot, termIndex, term, stemming });
    this.languages.clear();
  }

  /** Builds the line's own language index now rather than on the first lint. */
  prepare(): void {
    this.phrases(this.lineLanguage);
  }

  /** Leftmost-longest matches in a post written in `language`, line by line, each line's memoised. */
  matchLines(analysis: TextAnalysis, language: Language): PhraseMatch[] {
    return collectLines(analysis.pieces, this.phrases(language).byLine);
  }

  private phrases(language: Language): LanguagePhrases {
    let phrases = this.languages.get(language);
    if (!phrases) {
      phrases = new LanguagePhrases(language);
      for (const { slot, termIndex, term, stemming } of this.terms) phrases.add(slot, termIndex, term, stemming);
      this.languages.set(language, phrases);
    }
    return phrases;
  }
}
