import { detect } from 'tinyld/light';
import type { Language, RuleOfKind } from '../ruleSchema';
import type { TextAnalysis } from '../text/analysis';
import type { Check } from './types';

/** Letters enough for one detection; shorter paragraphs are grouped with the next ones. */
const CHUNK_LETTERS = 80;
/** tinyld costs ~0.1 ms per 100 characters: a chunk is judged on at most its first 300. */
const SAMPLE_CHARS = 300;
/**
 * The sample grows by steps, so typing at the end of a paragraph re-detects once every
 * 50 characters rather than on each keystroke.
 */
const SAMPLE_STEP = 50;
const MAX_CACHE = 500;

const LETTER = /\p{L}/u;
/** Letter-ness of each BMP code unit, filled on first sight (0 unknown, 1 letter, 2 not). */
const isLetterTable = new Uint8Array(0x10000);

/** Letters in a text (astral letters aside, rare in posts), without allocating. */
function letterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let known = isLetterTable[c] ?? 2;
    if (known === 0) {
      known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
      isLetterTable[c] = known;
    }
    if (known === 1) count++;
  }
  return count;
}

/** The text without links, hashtags and mentions, which say nothing about its language. */
function prose(analysis: TextAnalysis): string {
  const { text } = analysis;
  const entities = [...analysis.urls, ...analysis.hashtags, ...analysis.mentions].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const entity of entities) {
    if (entity.from < at) continue;
    out += `${text.slice(at, entity.from)} `;
    at = entity.to;
  }
  return out + text.slice(at);
}

interface Chunk {
  text: string;
  letters: number;
}

/** Paragraphs grouped until each has enough letters to judge. */
function chunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  let current = '';
  let letters = 0;
  for (const paragraph of text.split(/\n+/u)) {
    current = current ? `${current}\n${paragraph}` : paragraph;
    letters += letterCount(paragraph);
    if (letters >= CHUNK_LETTERS) {
      out.push({ text: current, letters });
      current = '';
      letters = 0;
    }
  }
  if (letters > 0) out.push({ text: current, letters });
  return out;
}

/**
 * The post's language is the one most of its letters are in: each chunk is detected (fr or
 * en) and weighed by its letters. Detections are memoised per chunk, so typing in one
 * paragraph re-detects only that one.
 */
export function languageCheck(rule: RuleOfKind<'language'>): Check {
  const memo = new Map<string, string>();
  const detectChunk = (chunk: string): string => {
    const stepped = Math.floor(chunk.length / SAMPLE_STEP) * SAMPLE_STEP;
    const sample = chunk.slice(0, Math.min(SAMPLE_CHARS, stepped > 0 ? stepped : chunk.length));
    let found = memo.get(sample);
    if (found === undefined) {
      found = detect(sample, { only: ['fr', 'en'] });
      if (memo.size >= MAX_CACHE) memo.clear();
      memo.set(sample, found);
    }
    return found;
  };
  return (analysis, { language }, report) => {
    const expected: Language = rule.expected ?? language;
    const parts = chunks(prose(analysis));
    if (parts.reduce((sum, chunk) => sum + chunk.letters, 0) < rule.minLetters) return;
    const weight: Record<Language, number> = { fr: 0, en: 0 };
    for (const chunk of parts) {
      const found = detectChunk(chunk.text);
      if (found === 'fr' || found === 'en') weight[found] += chunk.letters;
    }
    const detected: Language = weight.fr >= weight.en ? 'fr' : 'en';
    if (weight[detected] === 0 || detected === expected) return;
    report({
      messageKey: expected === 'fr' ? 'editorial.finding.languageExpectedFr' : 'editorial.finding.languageExpectedEn',
      params: { expected, detected },
      range: { from: 0, to: analysis.text.length },
    });
  };
}
