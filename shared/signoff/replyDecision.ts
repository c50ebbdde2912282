import { approvalPhrases, closingPhrases, connectors, greetings, nameTitles, signatureStarts, thanksPhrases } from './replyPhrases';

/**
 * The rule for a plain reply (no button), and for the partner's own words around a button:
 *
 *   - the first line (after an optional greeting line such as "Bonjour Sophie,") is only an
 *     approval phrase, optionally with thanks or a closing: "OK", "Validé, merci !",
 *     "Bon pour publication.", "Approved — thanks";
 *   - every further line is only thanks or a closing, or starts the signature (a closing
 *     formula, a line of the partner's name, "--", "Envoyé de mon iPhone": the rest is
 *     not read);
 *   - a question mark on the approval line, or any other word anywhere ("OK mais…", "OK\nsauf
 *     le titre"), makes it "changes requested" with the reply's own words as the comment.
 */
export type ReplyVerdict = { kind: 'approve' } | { kind: 'changes'; comment: string };

export interface ReplyContext {
  /** Names whose words may form a signature line (the partner's display name). */
  signatureNames: readonly string[];
}

/** Lower case, accents and apostrophes folded, so "Validé" and "valide" compare equal. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/gu, ' ');

const wordsOf = (line: string): string[] => fold(line).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

const phrases = (list: readonly string[]): string[][] => list.map((p) => p.split(' '));
const APPROVAL = phrases(approvalPhrases);
const THANKS = phrases(thanksPhrases);
const CLOSING = phrases(closingPhrases);
const CONNECTOR = phrases(connectors);
const COURTESY = [...APPROVAL, ...THANKS, ...CLOSING, ...CONNECTOR];

const startsWith = (words: readonly string[], at: number, phrase: readonly string[]): boolean =>
  phrase.every((word, i) => words[at + i] === word);

/** Can `words` be cut into phrases of `rest`, the first one taken from `first`? */
function segments(words: readonly string[], first: readonly string[][], rest: readonly string[][]): boolean {
  const reachable = new Set<number>();
  for (const phrase of first) if (startsWith(words, 0, phrase)) reachable.add(phrase.length);
  for (let at = 1; at <= words.length; at++) {
    if (!reachable.has(at)) continue;
    for (const phrase of rest) if (startsWith(words, at, phrase)) reachable.add(at + phrase.length);
  }
  return words.length > 0 && reachable.has(words.length);
}

const hasClosing = (words: readonly string[]): boolean =>
  CLOSING.some((phrase) => words.some((_, at) => startsWith(words, at, phrase)));

function isNameLine(words: readonly string[], context: ReplyContext): boolean {
  if (words.length === 0) return false;
  // Only the partner's own name words: initials or a bare "Non" must never pass for a signature.
  const allowed = new Set<string>([...nameTitles, ...context.signatureNames.flatMap(wordsOf)]);
  return words.every((w) => allowed.has(w));
}

const PHRASE_WORDS = new Set(COURTESY.flat());

/** "Bonjour", "Bonjour Sophie," "Dear Ms Martin": a greeting word, then at most three capitalised names. */
function isGreeting(line: string): boolean {
  const [first, ...names] = line.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 0);
  if (first === undefined || !(greetings as readonly string[]).includes(fold(first))) return false;
  return names.length <= 3 && names.every((name) => /^\p{Lu}/u.test(name) && !PHRASE_WORDS.has(fold(name)));
}

/** The reply's lines up to its signature separator or mobile footer, trimmed, blank ones dropped. */
export function replyLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (signatureStarts.some((re) => re.test(line))) break;
    if (line !== '') lines.push(line);
  }
  return lines;
}

type LineKind = 'courtesy' | 'signature' | 'other';

function courtesyKind(line: string, context: ReplyContext): LineKind {
  const words = wordsOf(line);
  if (words.length === 0) return 'courtesy';
  if (segments(words, COURTESY, COURTESY)) return hasClosing(words) ? 'signature' : 'courtesy';
  return isNameLine(words, context) ? 'signature' : 'other';
}

/** True when every line after the first is thanks, a closing or the start of the signature. */
function restIsCourtesy(lines: readonly string[], context: ReplyContext): boolean {
  for (const line of lines) {
    const kind = courtesyKind(line, context);
    if (kind === 'signature') return true;
    if (kind === 'other') return false;
  }
  return true;
}

export function classifyReply(text: string, context: ReplyContext): ReplyVerdict {
  const lines = replyLines(text);
  const comment = lines.join('\n');
  const start = lines.length > 1 && isGreeting(lines[0] ?? '') ? 1 : 0;
  const first = lines[start];
  if (first === undefined || first.includes('?')) return { kind: 'changes', comment };
  const words = wordsOf(first);
  const approves = segments(words, APPROVAL, COURTESY) && restIsCourtesy(lines.slice(start + 1), context);
  return approves ? { kind: 'approve' } : { kind: 'changes', comment };
}

/**
 * For a reply made with a button: are the partner's own words only courtesy (or an approval
 * phrase)? If not, an "Approve" button reply carrying remarks is treated as changes requested.
 */
export function isCourtesyOnly(text: string, context: ReplyContext): boolean {
  const lines = replyLines(text);
  const start = lines.length > 0 && isGreeting(lines[0] ?? '') ? 1 : 0;
  return restIsCourtesy(lines.slice(start), context);
}
