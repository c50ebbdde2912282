import twitterText from 'twitter-text';
import { extractHashtags, extractMentions, extractUrls } from '../editorial/text/entities';
import { extractMastodonUrls } from '../editorial/text/mastodonUrls';
import { extractMastodonHashtags } from '../editorial/text/mastodonTags';
import type { Network } from '../posts/networks';
import { littleEscapes } from '../publishing/linkedinText';
import type { PreviewSegment } from './schema';

/** A linked span of the text, UTF-16 offsets. */
export interface Span {
  from: number;
  to: number;
  kind: 'link' | 'mention' | 'tag';
  target?: string;
}

/** A Bluesky facet as the connector's own detection makes it (UTF-8 byte offsets). */
export interface ByteFacet {
  byteStart: number;
  byteEnd: number;
  kind: 'link' | 'mention' | 'tag';
  /** The link's URI, the mention's handle or the tag. */
  value: string;
}

const withScheme = (url: string): string => (/^[a-z][a-z0-9+.-]*:/iu.test(url) ? url : `https://${url}`);

/** UTF-8 byte offset → UTF-16 offset, or null when the byte offset falls inside a character. */
export function utf16Offset(text: string, byteOffset: number): number | null {
  let bytes = 0;
  let offset = 0;
  for (const char of text) {
    if (bytes === byteOffset) return offset;
    if (bytes > byteOffset) return null;
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    offset += char.length;
  }
  return bytes === byteOffset ? offset : null;
}

export function blueskySpans(text: string, facets: readonly ByteFacet[]): Span[] {
  return facets.flatMap((facet) => {
    const from = utf16Offset(text, facet.byteStart);
    const to = utf16Offset(text, facet.byteEnd);
    if (from === null || to === null || to <= from) return [];
    const target =
      facet.kind === 'link' ? facet.value : facet.kind === 'mention' ? `https://bsky.app/profile/${facet.value}` : `https://bsky.app/hashtag/${encodeURIComponent(facet.value)}`;
    return [{ from, to, kind: facet.kind, target }];
  });
}

function xSpans(text: string): Span[] {
  return twitterText.extractEntitiesWithIndices(text).flatMap((entity): Span[] => {
    const [from, to] = entity.indices;
    if ('url' in entity) return [{ from, to, kind: 'link', target: withScheme(entity.url) }];
    if ('hashtag' in entity) return [{ from, to, kind: 'tag', target: `https://x.com/hashtag/${encodeURIComponent(entity.hashtag)}` }];
    if ('screenName' in entity) return [{ from, to, kind: 'mention', target: `https://x.com/${entity.screenName}` }];
    if ('cashtag' in entity) return [{ from, to, kind: 'tag', target: `https://x.com/search?q=%24${entity.cashtag}` }];
    return [];
  });
}

function mastodonSpans(text: string): Span[] {
  return [
    ...extractMastodonUrls(text).map((u): Span => ({ from: u.from, to: u.to, kind: 'link', target: u.url })),
    ...extractMentions(text).map((m): Span => ({ from: m.from, to: m.to, kind: 'mention', ...(m.domain ? { target: `https://${m.domain}/@${m.user}` } : {}) })),
    ...extractMastodonHashtags(text).map((h): Span => ({ from: h.from, to: h.to, kind: 'tag' })),
  ];
}

/** LinkedIn links what the connector leaves unescaped: a `#` it keeps starts a hashtag. */
function linkedInSpans(text: string): Span[] {
  const escaped = new Set(littleEscapes(text));
  const tags: Span[] = [];
  for (const match of text.matchAll(/#[\p{L}\p{N}\p{M}_]+/gu)) {
    if (escaped.has(match.index)) continue;
    tags.push({ from: match.index, to: match.index + match[0].length, kind: 'tag', target: `https://www.linkedin.com/feed/hashtag/${encodeURIComponent(match[0].slice(1).toLowerCase())}` });
  }
  const links = extractUrls(text).map((u): Span => ({ from: u.from, to: u.to, kind: 'link', target: withScheme(u.url) }));
  return [...links, ...tags];
}

function genericSpans(text: string, links: boolean): Span[] {
  return [
    ...(links ? extractUrls(text).map((u): Span => ({ from: u.from, to: u.to, kind: 'link', target: withScheme(u.url) })) : []),
    ...extractHashtags(text).map((h): Span => ({ from: h.from, to: h.to, kind: 'tag' })),
  ];
}

/** What each network makes a link, a mention or a tag of (Bluesky's come from its facets). */
export function spansFor(network: Network, text: string, blueskyFacets: readonly ByteFacet[] = []): Span[] {
  switch (network) {
    case 'x':
      return xSpans(text);
    case 'bluesky':
      return blueskySpans(text, blueskyFacets);
    case 'mastodon':
      return mastodonSpans(text);
    case 'linkedin':
      return linkedInSpans(text);
    case 'instagram':
      // Instagram does not link addresses in a caption.
      return genericSpans(text, false);
    case 'threads':
    case 'facebook':
      return genericSpans(text, true);
  }
}

/** The text cut into plain runs and linked spans (overlaps: the first span wins). */
export function segmentsOf(text: string, spans: readonly Span[]): PreviewSegment[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || b.to - a.to);
  const segments: PreviewSegment[] = [];
  let cursor = 0;
  for (const span of sorted) {
    if (span.from < cursor || span.to > text.length) continue;
    if (span.from > cursor) segments.push({ kind: 'text', text: text.slice(cursor, span.from) });
    segments.push({ kind: span.kind, text: text.slice(span.from, span.to), ...(span.target === undefined ? {} : { target: span.target }) });
    cursor = span.to;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}
