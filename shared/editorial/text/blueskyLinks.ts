import tlds from 'tlds' with { type: 'json' };
import { hostOf } from './entities';
import type { MentionEntity, UrlEntity } from './entities';

/*
 * Links and mentions as Bluesky turns them into `app.bsky.richtext.facet#link` and `#mention`
 * facets. Written from the rules of @atproto/api's rich-text detection (packages/api/src/
 * rich-text/detection.ts and util.ts MENTION_REGEX, URL_REGEX in bluesky-social/atproto, as
 * shipped in the 0.19.19 the connector sends with), not with its code, as blueskyTags.ts is.
 * The SDK reads both very differently from twitter-text, which X and the editorial line's
 * other readings follow:
 *
 * Links
 * - start the text or follow white space or `(`; nothing else (`voir:exemple.fr` is text);
 * - either `http://` or `https://` then everything up to the next white space (its `http`
 *   in lower case: `HTTPS://exemple.fr` is no link, `httpS://exemple.fr` one), or a bare
 *   domain: ASCII labels of letters and digits, the first starting with a letter, at least
 *   two of them, no hyphen anywhere (so `cabinet-martin.fr` is text, `https://cabinet-martin.fr`
 *   a link), then everything up to the next white space;
 * - a bare domain links only if its last label is, as written (lower case), in the `tlds`
 *   package's list, the list the SDK reads (`exemple.fr` is a link, `exemple.FR`, `e.g.`,
 *   `website.com.jpg` are not); written `http…` (`httpbin.org`), it links without that check;
 * - one trailing `. , ; : ! ?` is left out, then a trailing `)` when the link holds no `(`;
 *   nothing else is (`exemple.fr/page».` keeps its `»`, `exemple.fr!!` keeps one `!`).
 *
 * Mentions
 * - `@` at the start of the text or after white space or `(` (so not in `contact@cabinet.fr`),
 *   then the longest run of ASCII letters, digits, `.` and `-` that ends on an ASCII word
 *   boundary (`@nom.fr_x` is `@nom.`, which is no handle);
 * - a handle only if its last label is in the same list, or is `test`: `@martin.bsky.social`
 *   is one, `@martin` (no dot) and `@Martin.BSKY.SOCIAL` (upper-case TLD) are none.
 *
 * The SDK finds links and mentions separately: they may overlap (`voir.fr(@a.fr` is both).
 * tests/unit/editorial/networkConformance.test.ts holds Bluesky's own cases and checks this
 * against the SDK, on those and on French posts.
 */

/** A link Bluesky makes a facet of: `url` as written, `uri` what the facet points to. */
export interface BlueskyLinkEntity extends UrlEntity {
  /** `https://` + the text for a bare domain; the text itself when written `http…`. */
  uri: string;
}

let knownTlds: ReadonlySet<string> | null = null;

/**
 * Whether `domain`'s last label is a TLD of the list, case as written. The list holds no dot,
 * so this is the SDK's "ends with `.` and a TLD of the list".
 */
function endsWithKnownTld(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  if (dot === -1) return false;
  knownTlds ??= new Set(tlds);
  return knownTlds.has(domain.slice(dot + 1));
}

/*
 * Where a link or a mention may start: the text's start, white space (JavaScript's \s, which
 * holds the no-break spaces and every line break) or `(`. Letters are spelt out rather than
 * matched with the `i` flag: under `u`, `i` would let `K` (Kelvin sign) and `ſ` match `k`, `s`.
 */
const LINK = /(?<=^|[\s(])(?:[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+|(?<domain>[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)\S*)/gu;
const MENTION = /(?<=^|[\s(])@([A-Za-z0-9.-]+)\b/gu;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?']);

export function extractBlueskyLinks(text: string): BlueskyLinkEntity[] {
  if (!text.includes('.') && !text.includes('://')) return [];
  const links: BlueskyLinkEntity[] = [];
  // matchAll works on a copy: the shared pattern's lastIndex never moves.
  for (const match of text.matchAll(LINK)) {
    let url = match[0];
    // Written `http…` (scheme or not), it links as it is; a bare domain needs a known TLD. A
    // scheme written otherwise (`HTTPS://`) takes the text up to the next space, and links nothing.
    const domain = match.groups?.domain;
    if (!url.startsWith('http') && (domain === undefined || !endsWithKnownTld(domain))) continue;
    if (TRAILING_PUNCTUATION.has(url.charAt(url.length - 1))) url = url.slice(0, -1);
    if (url.endsWith(')') && !url.includes('(')) url = url.slice(0, -1);
    const uri = url.startsWith('http') ? url : `https://${url}`;
    links.push({ from: match.index, to: match.index + url.length, url, host: hostOf(uri), uri });
  }
  return links;
}

/** Mentions as Bluesky makes them: `handle` the whole domain handle (`user` too, no `domain`). */
export function extractBlueskyMentions(text: string): MentionEntity[] {
  if (!text.includes('@')) return [];
  const mentions: MentionEntity[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = match[1] ?? '';
    if (!endsWithKnownTld(handle) && !handle.endsWith('.test')) continue;
    mentions.push({ from: match.index, to: match.index + 1 + handle.length, handle, user: handle, domain: null });
  }
  return mentions;
}
