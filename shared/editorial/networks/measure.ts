import twitterText from 'twitter-text';
import type { Network } from '../../posts/networks';
import { extractHashtags, extractMentions, extractUrls } from '../text/entities';
import { isEmojiGrapheme } from '../text/emoji';
import { extractMastodonUrls } from '../text/mastodonUrls';
import { utf8Length } from '../text/graphemes';
import { LineMemo, splitPieces } from '../text/lines';
import { linkedInEscapedOffsets } from './linkedinEscape';
import {
  BLUESKY_MAX_BYTES,
  DEFAULT_INSTAGRAM_HASHTAG_CAP,
  DEFAULT_MASTODON_MAX_CHARACTERS,
  DEFAULT_MASTODON_URL_LENGTH,
  NETWORK_LIMITS,
  THREADS_MAX_LINKS,
} from './limits';
import type { LengthUnit } from './limits';
import { tallyCodeUnits, tallyGraphemes, utf8Weight } from './tally';
import type { Tally } from './tally';

export interface MeasureOptions {
  /** The instance's configuration.statuses.max_characters. */
  mastodonMaxCharacters?: number | undefined;
  /** The instance's configuration.statuses.characters_reserved_per_url. */
  mastodonCharactersReservedPerUrl?: number | undefined;
  /** Hashtags allowed per Instagram post (a setting: the cap is being cut from 30 to 5). */
  instagramHashtagCap?: number | undefined;
}

export interface Count {
  used: number;
  limit: number;
  unit: LengthUnit;
  over: boolean;
  /** UTF-16 offset where the text first goes past the limit, or null. */
  overflowFrom: number | null;
}

/** A live counter ("X 247/280"), plus the network's other hard limits (bytes, links, hashtags). */
export interface Measurement extends Count {
  network: Network;
  details: Count[];
}

const count = (tally: Tally, limit: number, unit: LengthUnit): Count => ({
  used: tally.used,
  limit,
  unit,
  over: tally.used > limit,
  overflowFrom: tally.used > limit ? tally.overflowFrom : null,
});

/** At most `limit` entities; the overflow starts at the first one past it. */
function entityCount(entities: readonly { from: number }[], limit: number, unit: LengthUnit): Count {
  const extra = entities[limit];
  return { used: entities.length, limit, unit, over: entities.length > limit, overflowFrom: extra ? extra.from : null };
}

function parseX(text: string, limit: number): { weightedLength: number; validRangeEnd: number } {
  return limit === NETWORK_LIMITS.x.limit
    ? twitterText.parseTweet(text)
    : twitterText.parseTweet(text, { ...twitterText.configs.defaults, maxWeightedTweetLength: limit });
}

/**
 * X's weight of one piece of text, and how much shorter NFC makes it. Links, emoji and NFC
 * never span white space or a line break, and a line break weighs 1, so a text weighs the
 * sum of its pieces plus its line breaks: a keystroke re-parses one sentence, not the post.
 * What comes before a link matters to twitter-text (« ée.fr » at the very start of a text is
 * the link « e.fr » and an « é »; after a space or a line break the link is « ée.fr »), so a
 * piece that does not start the text is weighed as it stands there, after a space (weight 1).
 */
const xPieceWeight = (piece: string): { weight: number; nfcDelta: number } => ({
  weight: twitterText.parseTweet(piece).weightedLength,
  nfcDelta: piece.length - piece.normalize().length,
});
const xFirstPieces = new LineMemo(xPieceWeight);
const xPieces = new LineMemo((piece) => {
  const { weight, nfcDelta } = xPieceWeight(` ${piece}`);
  return { weight: weight - 1, nfcDelta };
});
/** Where the limit falls, by limit then by the text up to the piece it falls in. */
const xOverflows = new Map<number, LineMemo<number>>();

function measureX(text: string, limit: number): Count {
  const pieces = splitPieces(text).map((piece) => ({ ...piece, ...(piece.from === 0 ? xFirstPieces : xPieces).get(piece.text) }));
  let used = 0;
  let textDelta = 0;
  for (const piece of pieces) {
    used += piece.weight + (piece.lineEnd ? 1 : 0);
    textDelta += piece.nfcDelta;
  }
  if (used <= limit) return { used, limit, unit: 'weighted', over: false, overflowFrom: null };
  // The last valid character lies in the first piece (with its line break) that takes the
  // weight past the limit: parse the text up to there. twitter-text shifts that index by
  // the whole text's NFC shortening, so the prefix's shortening is swapped for the text's.
  let weight = 0;
  let prefixEnd = 0;
  let prefixDelta = 0;
  for (const piece of pieces) {
    weight += piece.weight + (piece.lineEnd ? 1 : 0);
    prefixEnd = piece.from + piece.text.length + (piece.lineEnd ? 1 : 0);
    prefixDelta += piece.nfcDelta;
    if (weight > limit) break;
  }
  let overflows = xOverflows.get(limit);
  if (!overflows) {
    overflows = new LineMemo((prefix) => parseX(prefix, limit).validRangeEnd);
    xOverflows.set(limit, overflows);
  }
  const validRangeEnd = overflows.get(text.slice(0, prefixEnd)) - prefixDelta + textDelta;
  // validRangeEnd indexes the NFC form; clamp in case the text was not NFC.
  return { used, limit, unit: 'weighted', over: true, overflowFrom: Math.min(validRangeEnd + 1, text.length) };
}

/** A stretch of Mastodon's countable text: the post's own text, or what stands for a link or a mention. */
interface CountableRun {
  /** Where it starts in the countable text. */
  at: number;
  /** Where it starts in the post, and whether it stands for an entity there. */
  from: number;
  entity: boolean;
}

/**
 * The text a Mastodon server counts (StatusLengthValidator#countable_text): each link
 * (with scheme) written as `characters_reserved_per_url` x's, each mention as `@user`
 * without its domain. Its graphemes are counted as a whole, as the server does: a mark or a
 * joiner next to a link or a mention joins what stands for it.
 */
function mastodonCountable(text: string, urlLength: number): { countable: string; runs: CountableRun[] } {
  const entities = [
    ...extractMastodonUrls(text).map((u) => ({ from: u.from, to: u.to, stands: 'x'.repeat(urlLength) })),
    ...extractMentions(text).map((m) => ({ from: m.from, to: m.to, stands: text.slice(m.from, m.from + 1 + m.user.length) })),
  ].sort((a, b) => a.from - b.from);
  let countable = '';
  const runs: CountableRun[] = [];
  let at = 0;
  for (const entity of entities) {
    // Overlapping entities: the first one wins (Extractor.remove_overlapping_entities).
    if (entity.from < at) continue;
    if (entity.from > at) runs.push({ at: countable.length, from: at, entity: false });
    countable += text.slice(at, entity.from);
    runs.push({ at: countable.length, from: entity.from, entity: true });
    countable += entity.stands;
    at = entity.to;
  }
  if (at < text.length) runs.push({ at: countable.length, from: at, entity: false });
  countable += text.slice(at);
  return { countable, runs };
}

function measureMastodon(text: string, limit: number, urlLength: number): Count {
  const { countable, runs } = mastodonCountable(text, urlLength);
  const tally = tallyGraphemes(countable, limit);
  if (tally.overflowFrom === null) return count(tally, limit, 'graphemes');
  // Back to the post: inside what stands for a link or a mention, the overflow starts with it.
  const overflow = tally.overflowFrom;
  let run: CountableRun | undefined;
  for (const candidate of runs) if (candidate.at <= overflow) run = candidate;
  const overflowFrom = run === undefined ? overflow : run.entity ? run.from : run.from + (overflow - run.at);
  return count({ used: tally.used, overflowFrom }, limit, 'graphemes');
}

/**
 * One per code unit, two for a character the connector escapes: `tallyCodeUnits` with that
 * weight, walking the sorted escapes alongside instead of a set lookup per code unit.
 */
function linkedInTally(text: string, limit: number, escaped: readonly number[]): Tally {
  const used = text.length + escaped.length;
  if (used <= limit) return { used, overflowFrom: null };
  const doubled = [...new Set(escaped)].filter((at) => at >= 0 && at < text.length).sort((a, b) => a - b);
  let sum = 0;
  let overflowFrom: number | null = null;
  let next = 0;
  for (let i = 0; i < text.length && overflowFrom === null; i++) {
    sum += 1;
    if (doubled[next] === i) {
      sum += 1;
      next++;
    }
    if (sum > limit) overflowFrom = isLowSurrogate(text.charCodeAt(i)) && i > 0 ? i - 1 : i;
  }
  return { used: text.length + doubled.length, overflowFrom };
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** UTF-16 length, walking the text only when it is over (to find where). */
function codeUnitCount(text: string, limit: number, extra: number, weigh: (unit: number, index: number) => number): Tally {
  const used = text.length + extra;
  return used > limit ? tallyCodeUnits(text, limit, weigh) : { used, overflowFrom: null };
}

/**
 * How much of `network`'s hard limit `text` uses, counted as that network counts
 * (see NETWORK_LIMITS for each rule and its source).
 */
export function measure(network: Network, text: string, options: MeasureOptions = {}): Measurement {
  const main = measureAgainst(network, text, hardLimit(network, options), options);
  const details = measureDetails(network, text, options);
  return { network, ...main, over: main.over || details.some((d) => d.over), details };
}

/** The network's hard limit (Mastodon's comes from the instance). */
export function hardLimit(network: Network, options: MeasureOptions = {}): number {
  return network === 'mastodon' ? (options.mastodonMaxCharacters ?? DEFAULT_MASTODON_MAX_CHARACTERS) : NETWORK_LIMITS[network].limit;
}

/** The network's main count against any limit (a line's softer target, say). */
export function measureAgainst(network: Network, text: string, limit: number, options: MeasureOptions = {}): Count {
  switch (network) {
    case 'x':
      return measureX(text, limit);
    case 'bluesky':
      return count(tallyGraphemes(text, limit), limit, 'graphemes');
    case 'mastodon':
      return measureMastodon(text, limit, options.mastodonCharactersReservedPerUrl ?? DEFAULT_MASTODON_URL_LENGTH);
    case 'threads':
      return count(
        tallyGraphemes(text, limit, (g) => (isEmojiGrapheme(g) ? utf8Length(g) : 1)),
        limit,
        'characters',
      );
    case 'linkedin': {
      // The limit applies after escaping: that is the string the API receives, so the
      // counter never promises room the API will not give.
      return count(linkedInTally(text, limit, linkedInEscapedOffsets(text)), limit, 'characters');
    }
    case 'instagram':
    case 'facebook':
      return count(codeUnitCount(text, limit, 0, () => 1), limit, 'characters');
  }
}

/**
 * The first occurrence of each URL: Threads' 5-link limit counts distinct links, so the same
 * link written twice is one (Threads API, text posts: "up to 5 unique links").
 */
export function uniqueUrls<T extends { url: string }>(urls: readonly T[]): T[] {
  const seen = new Set<string>();
  return urls.filter(({ url }) => {
    if (seen.has(url)) return false;
    seen.add(url);
    return true;
  });
}

function measureDetails(network: Network, text: string, options: MeasureOptions): Count[] {
  switch (network) {
    case 'bluesky':
      return [count(tallyCodeUnits(text, BLUESKY_MAX_BYTES, utf8Weight(text)), BLUESKY_MAX_BYTES, 'bytes')];
    case 'threads':
      return [entityCount(uniqueUrls(extractUrls(text)), THREADS_MAX_LINKS, 'links')];
    case 'instagram':
      return [entityCount(extractHashtags(text), options.instagramHashtagCap ?? DEFAULT_INSTAGRAM_HASHTAG_CAP, 'hashtags')];
    default:
      return [];
  }
}
