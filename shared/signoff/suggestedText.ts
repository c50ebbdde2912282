import { diffWords } from 'diff';
import { networkLabels, networks } from '../posts/networks';
import type { Network } from '../posts/networks';

/**
 * How the request email lays out the post, in every language it is sent in: the heading over
 * each network's preview ("Aperçu LinkedIn"), and the lines that can only follow a preview
 * (the next section's heading, the buttons' sentences). Core builds it from the email strings.
 */
export interface RequestLayout {
  previewHeadings: Partial<Record<Network, readonly string[]>>;
  sectionEnds: readonly string[];
  /**
   * What the email's preview adds around the post's own text, in every language: the line
   * under the heading (account, count), the fold markers cut into the text, and the lines
   * naming images and the link card. Removed before the quote is compared with the post.
   */
  previewDecorations?: { metaPrefixes: readonly string[]; foldMarker: string; trailerPrefixes: readonly string[] };
}

export interface SuggestedText {
  network: Network;
  text: string;
  /** Where it was found: the partner edited the quoted request, or pasted a version in their own words. */
  source: 'quote' | 'pasted';
}

/** A suggestion longer than this is no corrected social post. */
export const MAX_SUGGESTION_CHARS = 20_000;
/** Share of words a pasted block must have in common with the post to be a version of it. */
const PASTED_SIMILARITY = 0.5;
const MAX_BLOCKS = 40;

/** Equal for the partner's eyes: spaces of any width, line wrapping and Unicode forms aside. */
export const normalizedForComparison = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f\u2007]+/gu, ' ')
    .trim();

/** A line without one level of mail quoting (`>` or `> `). */
const unquoted = (line: string): string => line.replace(/^ ?> ?/, '');

/**
 * What a client writes for a character its charset cannot hold: "?" (Outlook), U+FFFD (a
 * decoder), or U+001A (SUB). A layout character (── ┄) arrives as one of them in windows-1252.
 */
const LOST = '?\uFFFD\u001A';

/** A line as a heading reads, decorations removed: "── Aperçu X ──", "*Aperçu X*", "Aperçu X", "?? Aperçu X ??". */
const headingOf = (line: string): string =>
  line
    .replace(/[─*_]/g, '')
    .replace(new RegExp(`^[${LOST}\\s]+|[${LOST}\\s]+$`, 'gu'), '')
    .replace(/[\s\u00a0\u202f]+/gu, ' ')
    .trim()
    .toLowerCase();

/** Trailing spaces and leading/trailing blank lines removed; the partner's line breaks kept. */
function tidy(lines: readonly string[]): string {
  const trimmed = lines.map((line) => line.replace(/[ \t]+$/, ''));
  while (trimmed.length > 0 && trimmed[0] === '') trimmed.shift();
  while (trimmed.length > 0 && trimmed.at(-1) === '') trimmed.pop();
  return trimmed.join('\n');
}

/** Compared as a heading is: spaces of any width folded, case ignored. */
const startsWithAny = (line: string, prefixes: readonly string[]): boolean => {
  const folded = headingOf(line);
  return prefixes.some((prefix) => prefix !== '' && folded.startsWith(headingOf(prefix)));
};

/** A line's words, folded (no accents, lower case), separated by single spaces. */
const wordsKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .join(' ');

/**
 * The fold and chain markers' wording, as words (folded, punctuation dropped), in every
 * language Plume has sent them in (electron/core/signoff/email/previewStrings.ts, where a test
 * holds each of them to these): how a marker is still known when a client's charset turned its
 * "┄" into "?". The network is named by its label.
 */
const NETWORK_WORDS = `(?:${Object.values(networkLabels)
  .map((label) => `${wordsKey(label)} `)
  .join('|')})`;
const MARKER_WORDINGS: readonly RegExp[] = [
  new RegExp(`^voir plus ${NETWORK_WORDS}replie ici sur (?:ordinateur|mobile)$`, 'u'),
  new RegExp(`^fil ${NETWORK_WORDS}publication \\d+ \\d+ en reponse a la precedente$`, 'u'),
  new RegExp(`^premier commentaire sur ${NETWORK_WORDS}publie juste apres$`, 'u'),
  new RegExp(`^see more ${NETWORK_WORDS}folds here on (?:desktop|mobile)$`, 'u'),
  new RegExp(`^${NETWORK_WORDS}thread post \\d+ \\d+ replying to the one before$`, 'u'),
  new RegExp(`^first comment on ${NETWORK_WORDS}posted right after$`, 'u'),
];

/** Whether text reads as one of the markers, by its words, whatever became of its "┄". */
export const isMarkerWording = (text: string): boolean => {
  const key = wordsKey(text);
  return MARKER_WORDINGS.some((re) => re.test(key));
};

/**
 * Where the marker starting at line i ends (the line that closes it), or null when line i opens
 * none. A marker opens with the fold marker and a client may wrap it over a few lines; one whose
 * "┄" a charset lost opens with "?" (or nothing) and is known by its wording.
 */
function markerEnd(lines: readonly string[], i: number, foldMarker: string): number | null {
  const first = (lines[i] ?? '').trim();
  if (first.startsWith(foldMarker)) {
    // A marker a client wrapped runs on to the line that closes it.
    let end = i;
    while (end < lines.length - 1 && !(lines[end] ?? '').trim().endsWith(foldMarker) && end - i < 3) end++;
    return end;
  }
  // One whose "┄" the charset lost opens with what it wrote instead ("?"), never with a word.
  if (first === '' || /^[\p{L}\p{N}]/u.test(first)) return null;
  for (let end = i; end < Math.min(lines.length, i + 4); end++) {
    const joined = lines.slice(i, end + 1).join(' ').trim();
    if (isMarkerWording(joined)) return end;
  }
  return null;
}

/**
 * A preview section's lines without what the email added: the meta paragraph under the heading
 * (up to the blank line after it, however a client wrapped it), each fold marker, and from the
 * first image or link-card line (bracketed in the text part, a caption in the HTML) to the end.
 * A marker was cut into the text as "\n┄ … ┄\n" at a space or a line break, so its neighbours
 * are joined back as they were; a client that trimmed the space before it gets it back.
 */
function withoutDecorations(section: readonly string[], layout: RequestLayout): string[] {
  const decorations = layout.previewDecorations;
  if (!decorations) return [...section];
  const lines = [...section];
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first >= 0 && startsWithAny(lines[first] ?? '', decorations.metaPrefixes)) {
    const blank = lines.findIndex((line, i) => i > first && line.trim() === '');
    lines.splice(first, (blank < 0 ? lines.length : blank) - first);
  }
  const trailer = lines.findIndex((line) => startsWithAny(line.trim().replace(/^\[/u, ''), decorations.trailerPrefixes));
  if (trailer >= 0) lines.length = trailer;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const end = markerEnd(lines, i, decorations.foldMarker);
    if (end === null) {
      out.push(line);
      continue;
    }
    const before = out.pop() ?? '';
    const after = lines[end + 1] ?? '';
    const gap = before !== '' && after !== '' && !/\s$/u.test(before) && !/^\s/u.test(after) ? ' ' : '';
    out.push(`${before}${gap}${after}`);
    i = end + 1;
  }
  return out;
}

/** A section's rule line ("── Commentaires ──"), also as a charset without "─" wrote it ("?? Commentaires ??"). */
const LAYOUT_RULE = new RegExp(`^(?:─{2}.*─{2}|[${LOST}]{2} .*\\S.* [${LOST}]{2})$`, 'u');

/**
 * Every preview section of the request found in a reply's text, quoted once (Apple Mail,
 * Gmail), unquoted (Outlook's block under "De : … Envoyé : …") or partly both (a line typed
 * inside an Apple Mail quote is no longer quoted): one level of quoting is removed from each
 * line, a section runs from its heading to the next line that can only follow a preview.
 */
export function quotedPreviews(text: string, layout: RequestLayout): { network: Network; text: string }[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(unquoted);
  const heading = new Map<string, Network>();
  for (const network of networks) for (const h of layout.previewHeadings[network] ?? []) heading.set(headingOf(h), network);
  const ends = new Set(layout.sectionEnds.map(headingOf));
  const isEnd = (line: string): boolean => {
    const h = headingOf(line);
    return heading.has(h) || ends.has(h) || LAYOUT_RULE.test(line.trim()) || /mailto:|plume1\./i.test(line);
  };
  const found: { network: Network; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const network = heading.get(headingOf(lines[i] ?? ''));
    if (network === undefined) continue;
    let j = i + 1;
    while (j < lines.length && !isEnd(lines[j] ?? '')) j++;
    found.push({ network, text: tidy(withoutDecorations(lines.slice(i + 1, j), layout)) });
    i = j - 1;
  }
  return found;
}

const words = (text: string): number => (normalizedForComparison(text).match(/\S+/g) ?? []).length;

/** Share of words two texts have in common, in order (1: the same words). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(words(a), words(b));
  if (longest === 0) return 1;
  const common = diffWords(normalizedForComparison(a), normalizedForComparison(b))
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + words(part.value), 0);
  return common / longest;
}

/**
 * The run of paragraphs in the partner's own words that is a version of the post (the intro
 * "voici ma version :" and the signature fall outside it), or null when none is close enough.
 */
function pastedVersion(own: string, original: string): string | null {
  const blocks = own
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => tidy(b.split('\n')))
    .filter((b) => b !== '')
    .slice(0, MAX_BLOCKS);
  let best: { text: string; score: number } | null = null;
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i; j < blocks.length; j++) {
      const text = blocks.slice(i, j + 1).join('\n\n');
      const score = similarity(text, original);
      if (best === null || score > best.score) best = { text, score };
    }
  }
  return best !== null && best.score >= PASTED_SIMILARITY ? best.text : null;
}

/** windows-1252's characters in 0x80–0x9F, where latin1 has control codes. */
const CP1252_EXTRA = new Set(Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'));
const ISO_8859_15_EXTRA = new Set(Array.from('€ŠšŽžŒœŸ'));

/**
 * Whether a character survives the reply's charset; null when the charset holds every
 * character (UTF-8) or is one this does not know (the texts are then compared as they are).
 */
function fitsIn(charset: string): ((char: string) => boolean) | null {
  const code = (char: string): number => char.codePointAt(0) ?? 0;
  switch (charset.trim().toLowerCase().replace(/^"|"$/g, '')) {
    case 'us-ascii':
    case 'ascii':
      return (char) => code(char) < 0x80;
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'latin1':
    case 'latin-1':
      return (char) => code(char) <= 0xff;
    case 'iso-8859-15':
    case 'iso8859-15':
      return (char) => code(char) <= 0xff || ISO_8859_15_EXTRA.has(char);
    case 'windows-1252':
    case 'cp1252':
      return (char) => (code(char) <= 0xff && (code(char) < 0x80 || code(char) > 0x9f)) || CP1252_EXTRA.has(char);
    default:
      return null;
  }
}

/**
 * The text as a client writing in that charset sends it: each character it cannot hold becomes
 * "?" (Outlook's way), so a quote in iso-8859-1 of "L’article… enfin" reads "L?article? enfin".
 */
function asSentIn(text: string, charset: string | null | undefined): string | null {
  const fits = charset ? fitsIn(charset) : null;
  return fits === null ? null : Array.from(text.normalize('NFC'), (char) => (fits(char) ? char : '?')).join('');
}

const SPACE = /^\s$/u;

/** Runs of spaces as one, a no-break or narrow one kept as itself (a charset may lose it: "enfin?!"). */
const spacesKept = (text: string): string =>
  text
    .normalize('NFC')
    .trim()
    .replace(/\s+/gu, (run) => Array.from(run).find((char) => (char.codePointAt(0) ?? 0) > 0x7f) ?? ' ');

const isUnicodeCharset = (charset: string): boolean => /^"?utf-?(?:8|16|32)/iu.test(charset.trim());

/**
 * Whether the quote is the text with only characters its charset lost: each "?" (or U+FFFD)
 * stands for one character outside ASCII — two for one outside the BMP, as a client writing
 * UTF-16 units does — and every other character is the text's own. A charset this knows loses
 * only what it cannot hold; one it does not know (or none named) any of them; a Unicode one none.
 */
function onlyLostCharacters(shown: string, asked: string, charset: string | null | undefined): boolean {
  if (charset && isUnicodeCharset(charset)) return false;
  const fits = charset ? fitsIn(charset) : null;
  const got = Array.from(spacesKept(shown));
  const want = Array.from(spacesKept(asked));
  // The positions in `got` reachable after reading want[0..i): at most a few, so linear.
  let reach = new Set<number>([0]);
  for (const char of want) {
    const next = new Set<number>();
    const code = char.codePointAt(0) ?? 0;
    for (const at of reach) {
      if (got[at] === char || (SPACE.test(char) && SPACE.test(got[at] ?? ''))) next.add(at + 1);
      if (code > 0x7f && (fits === null || !fits(char)) && LOST.includes(got[at] ?? '')) {
        next.add(at + 1);
        if (code > 0xffff && LOST.includes(got[at + 1] ?? '')) next.add(at + 2);
      }
    }
    if (next.size === 0) return false;
    reach = next;
  }
  return reach.has(got.length);
}

/** The quote says something else than the text asked about (a "?" where its charset lost a character is no change). */
function differs(quoted: string, original: string, charset?: string | null): boolean {
  const shown = normalizedForComparison(quoted);
  if (shown === normalizedForComparison(original)) return false;
  const lossy = asSentIn(original, charset);
  if (lossy !== null && shown === normalizedForComparison(lossy)) return false;
  return !onlyLostCharacters(quoted, original, charset);
}

/**
 * A corrected version of the post carried by a reply, against the texts the partner was asked
 * about: a quoted preview they edited first, else a version they pasted in their own words.
 * A preview quoted unchanged (or changed only in spacing or wrapping, or only by "?" where the
 * reply's charset cannot hold a character) is no suggestion.
 */
export function suggestedText(
  /** `charset`: the reply's text part's, when it is known (a character it cannot hold arrives as "?"). */
  reply: { text: string; own: string; charset?: string | null },
  asked: Partial<Record<Network, string>>,
  layout: RequestLayout,
): SuggestedText | null {
  for (const preview of quotedPreviews(reply.text, layout)) {
    const original = asked[preview.network];
    if (original === undefined || preview.text === '' || preview.text.length > MAX_SUGGESTION_CHARS) continue;
    if (differs(preview.text, original, reply.charset)) return { network: preview.network, text: preview.text, source: 'quote' };
  }
  for (const network of networks) {
    const original = asked[network];
    if (original === undefined || words(original) === 0) continue;
    const pasted = pastedVersion(reply.own, original);
    if (pasted !== null && pasted.length <= MAX_SUGGESTION_CHARS && differs(pasted, original, reply.charset)) return { network, text: pasted, source: 'pasted' };
  }
  return null;
}
