import { approvalPhrases, changeWords, closingPhrases, connectors, greetings, nameTitles, refusalOpening, signatureStarts, thanksPhrases } from './replyPhrases';
import { fold, isFooterContinuation, isLegalFooter, isPostscript, isSignatureLine, wordsOf } from './signatureLines';

export { fold } from './signatureLines';

/**
 * The rule for a plain reply (no button), and for the partner's own words around a button:
 *
 *   - the first line (after an optional greeting line such as "Bonjour Sophie,") is only an
 *     approval phrase, optionally with thanks or a closing: "OK", "Validé, merci !",
 *     "Bon pour publication.", "Approved — thanks";
 *   - every further line is only thanks or a closing, or starts the signature (a closing
 *     formula or a line of the partner's name); below that only a signature may follow
 *     (name, title, firm, phone, address, confidentiality footer: signatureLines.ts), and a
 *     "--" separator or "Envoyé de mon iPhone" ends what is read;
 *   - a question mark on the approval line, a postscript ("PS :", "P.S.", "N.B.") anywhere, any
 *     words below the separator or the mobile footer that are no signature ("Envoyé de mon
 *     iPhone\n\nEn fait non, attendez"), or any other word anywhere ("OK mais…", "OK\nsauf le
 *     titre", "Cordialement\nClaire\nRemplacez 18 h par 19 h.") makes it "changes requested"
 *     (for a person to read) with the reply's own words as the comment;
 *   - a reply that opens with a clear refusal ("Non.", "Je ne valide pas", "Je refuse ce texte
 *     en l’état.", "I don't approve") and asks no change, approves nothing and asks nothing
 *     ("Non, enlevez le dernier paragraphe" asks a change; "Non, c'est bon" is unclear) is a
 *     refusal, its words the comment.
 */
export type ReplyVerdict = { kind: 'approve' } | { kind: 'changes'; comment: string } | { kind: 'reject'; comment: string };

export interface ReplyContext {
  /** Names whose words may form a signature line (the partner's display name, role, firm). */
  signatureNames: readonly string[];
}

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

const nameWords = (context: ReplyContext): Set<string> => new Set(context.signatureNames.flatMap(wordsOf));

function isNameLine(words: readonly string[], names: ReadonlySet<string>): boolean {
  if (words.length === 0) return false;
  // Only the partner's own name words: initials or a bare "Non" must never pass for a signature.
  return words.every((w) => names.has(w) || (nameTitles as readonly string[]).includes(w));
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
  for (const line of nonBlankLines(text)) {
    if (signatureStarts.some((re) => re.test(line))) break;
    lines.push(line);
  }
  return lines;
}

function nonBlankLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

type LineKind = 'courtesy' | 'closing' | 'other';

function courtesyKind(line: string): LineKind {
  const words = wordsOf(line);
  if (words.length === 0) return 'courtesy';
  if (segments(words, COURTESY, COURTESY)) return hasClosing(words) ? 'closing' : 'courtesy';
  return 'other';
}

/**
 * True when every line after the approval is thanks or a closing, and everything after a
 * closing (or a line of the partner's name) is a signature: name, title, firm, contact
 * details, a confidentiality footer (which runs to the end).
 */
function restIsCourtesy(lines: readonly string[], names: ReadonlySet<string>, inSignature = false): boolean {
  let signature = inSignature;
  let footer = false;
  for (const line of lines) {
    if (isPostscript(line)) return false;
    // Below a footer's first line, the rest of the footer: read still, for a day or a question.
    if (footer) {
      if (!isFooterContinuation(line)) return false;
      continue;
    }
    const kind = courtesyKind(line);
    if (kind === 'closing') signature = true;
    else if (kind === 'courtesy') continue;
    else if (isNameLine(wordsOf(line), names)) signature = true;
    else if (!signature) return false;
    else if (isLegalFooter(line)) footer = true;
    else if (!isSignatureLine(line, names)) return false;
  }
  return true;
}

const isSeparator = (line: string): boolean => signatureStarts.some((re) => re.test(line));

/**
 * Whether the partner said more than the lines replyLines reads: a postscript anywhere, or
 * below the "--" separator or the mobile footer ("Envoyé de mon iPhone") any line that is no
 * signature (name, title, firm, contact details, a confidentiality footer) — "En fait non,
 * attendez mon appel" there is the partner's words, never something to skip.
 */
function wordsBelow(text: string, names: ReadonlySet<string>): boolean {
  const lines = nonBlankLines(text);
  if (lines.some(isPostscript)) return true;
  const at = lines.findIndex(isSeparator);
  return at !== -1 && !restIsCourtesy(lines.slice(at + 1).filter((line) => !isSeparator(line)), names, true);
}

/**
 * The partner's words as a comment: up to the "--" separator or mobile footer (all of them
 * when words other than a signature follow it), without the signature block that closes them ("Bien cordialement," and
 * lines only a signature holds).
 */
export function commentOf(text: string, context: ReplyContext): string {
  const names = nameWords(context);
  const lines = wordsBelow(text, names) ? nonBlankLines(text) : replyLines(text);
  const end = lines.findIndex((line, at) => at > 0 && courtesyKind(line) === 'closing' && restIsCourtesy(lines.slice(at + 1), names, true));
  return (end === -1 ? lines : lines.slice(0, end)).join('\n');
}

export function classifyReply(text: string, context: ReplyContext): ReplyVerdict {
  const lines = replyLines(text);
  const names = nameWords(context);
  const comment = commentOf(text, context);
  const start = lines.length > 1 && isGreeting(lines[0] ?? '') ? 1 : 0;
  const first = lines[start];
  if (first === undefined || first.includes('?') || wordsBelow(text, names)) return { kind: 'changes', comment };
  const words = wordsOf(first);
  if (segments(words, APPROVAL, COURTESY) && restIsCourtesy(lines.slice(start + 1), names)) return { kind: 'approve' };
  return refuses(comment) ? { kind: 'reject', comment } : { kind: 'changes', comment };
}

/** Words that approve or say "go", below a "non": the reply is no clear refusal ("Non, c'est bon pour moi"). */
const GO_WORDS = new Set(['publiez', 'publier', 'publish', 'parfait', 'perfect', 'go', 'fine', 'good', 'great', 'super', 'top', 'nickel', 'impeccable', 'bravo']);

/**
 * A clear refusal: the comment (its greeting aside) opens with a refusal ("Non.", "Désolée, je
 * ne valide pas :", "Je refuse ce texte en l’état.") and nothing in it asks a change ("enlevez",
 * "remplacez", "plutôt"…), approves ("c'est bon", "OK") or asks a question. Anything less clear
 * is changes requested, which a person reads.
 */
function refuses(comment: string): boolean {
  if (comment.includes('?')) return false;
  const lines = comment.split('\n');
  const start = lines.length > 1 && isGreeting(lines[0] ?? '') ? 1 : 0;
  const first = fold(lines[start] ?? '').replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
  const opening = refusalOpening.exec(first);
  if (opening === null) return false;
  const rest = wordsOf([first.slice(opening[0].length), ...lines.slice(start + 1)].join('\n'));
  if (rest.some((word) => GO_WORDS.has(word) || changeWords.some((prefix) => word.startsWith(prefix)))) return false;
  return !APPROVAL.some((phrase) => rest.some((_, at) => startsWith(rest, at, phrase)));
}

/**
 * For a reply made with a button: are the partner's own words only courtesy (or an approval
 * phrase) and a signature? If not, an "Approve" button reply carrying remarks is treated as
 * changes requested.
 */
export function isCourtesyOnly(text: string, context: ReplyContext): boolean {
  const names = nameWords(context);
  if (wordsBelow(text, names)) return false;
  const lines = replyLines(text);
  const start = lines.length > 0 && isGreeting(lines[0] ?? '') ? 1 : 0;
  return restIsCourtesy(lines.slice(start), names);
}
