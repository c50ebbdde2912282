import type { Network } from '../../posts/networks';
import { measure } from '../networks/measure';
import type { Measurement, MeasureOptions } from '../networks/measure';
import { findEmoji } from './emoji';
import type { EmojiMatch } from './emoji';
import { extractBlueskyLinks, extractBlueskyMentions } from './blueskyLinks';
import type { BlueskyLinkEntity } from './blueskyLinks';
import { extractBlueskyHashtags } from './blueskyTags';
import { extractMastodonHashtags } from './mastodonTags';
import { extractHashtags, extractMentions, extractUrls, extractXMentions } from './entities';
import type { HashtagEntity, MentionEntity, UrlEntity } from './entities';
import { foldLoose } from './fold';
import { detectLanguage, DETECTION_MIN_LETTERS } from './language';
import type { LanguageDetection } from './language';
import { splitSentences } from './sentences';
import type { Sentence } from './sentences';
import { determinerKey, stemKeys } from './stem';
import { collectLines, LineMemo, splitPieces } from './lines';
import type { Piece } from './lines';
import { ELISIONS, tokenize } from './tokens';
import type { Token } from './tokens';
import type { Language } from '../ruleSchema';

/** The comparison keys of a token under stemming (elided words map to their full form's key). */
export function tokenStemKeys(token: Token, language: Language): readonly string[] {
  if (!token.elision) return stemKeys(token.lower, language);
  const full = ELISIONS[token.folded.slice(0, -1)] ?? token.folded;
  return [determinerKey(full) ?? full];
}

// Words, links and emoji never span white space: found piece by piece, memoised per piece.
const lineTokens = new LineMemo<readonly Token[]>(tokenize);
const lineUrls = new LineMemo<readonly UrlEntity[]>((line) => extractUrls(line));
/**
 * Links of a piece that does not start the text, read where it stands (after a space or a line
 * break): twitter-text reads « ée.fr » at the very start of a text as the link « e.fr », and
 * after a space as the link « ée.fr ».
 */
const laterPieceUrls = new LineMemo<readonly UrlEntity[]>((line) => extractUrls(` ${line}`).map((url) => ({ ...url, from: url.from - 1, to: url.to - 1 })));
const lineEmoji = new LineMemo<readonly EmojiMatch[]>(findEmoji);
/*
 * Bluesky's links and mentions never span white space and start the text or follow white
 * space or `(`: a piece starts the text or follows a space or a line break, so each piece is
 * read alone, the same wherever it stands.
 */
const lineBlueskyLinks = new LineMemo<readonly BlueskyLinkEntity[]>(extractBlueskyLinks);
const lineBlueskyMentions = new LineMemo<readonly MentionEntity[]>(extractBlueskyMentions);

/**
 * Everything the checks read from one text, each part computed on first use and kept for
 * the other checks of the same lint.
 */
export class TextAnalysis {
  private pieceList: Piece[] | undefined;
  private tokenList: Token[] | undefined;
  private readonly stemCache: Record<Language, (readonly string[] | undefined)[]> = { fr: [], en: [] };
  private urlList: UrlEntity[] | undefined;
  private hashtagList: HashtagEntity[] | undefined;
  private blueskyHashtagList: HashtagEntity[] | undefined;
  private blueskyLinkList: BlueskyLinkEntity[] | undefined;
  private blueskyMentionList: MentionEntity[] | undefined;
  private mastodonHashtagList: HashtagEntity[] | undefined;
  private mentionList: MentionEntity[] | undefined;
  private xMentionList: MentionEntity[] | undefined;
  private emojiList: EmojiMatch[] | undefined;
  private sentenceList: Sentence[] | undefined;
  private foldedText: string | undefined;
  private languageDetection: LanguageDetection | undefined;
  private readonly measurements = new Map<Network, Measurement>();
  /** Whether the post goes to Bluesky: what Bluesky links counts as a link too (inUrl, inEntity). */
  private readonly toBluesky: boolean;

  /** `networks`: where the post goes (the lint context's), none for a reading of the text alone. */
  constructor(
    readonly text: string,
    private readonly measureOptions: MeasureOptions & { networks?: readonly Network[] },
  ) {
    this.toBluesky = measureOptions.networks?.includes('bluesky') ?? false;
  }

  /** The text's lines cut after sentence ends, with their offsets. */
  get pieces(): Piece[] {
    this.pieceList ??= splitPieces(this.text);
    return this.pieceList;
  }

  get tokens(): Token[] {
    this.tokenList ??= collectLines(this.pieces, lineTokens);
    return this.tokenList;
  }

  /** The stemming keys of a word, as stemmed in a post written in `language`. */
  stems(index: number, language: Language): readonly string[] {
    const cache = this.stemCache[language];
    const cached = cache[index];
    if (cached) return cached;
    const token = this.tokens[index];
    const keys = token ? tokenStemKeys(token, language) : [];
    cache[index] = keys;
    return keys;
  }

  /** Links with or without scheme, as X and LinkedIn turn them into links. */
  get urls(): UrlEntity[] {
    this.urlList ??= collectLines(this.pieces, laterPieceUrls, lineUrls);
    return this.urlList;
  }

  get hashtags(): HashtagEntity[] {
    this.hashtagList ??= extractHashtags(this.text);
    return this.hashtagList;
  }

  /** Hashtags as Bluesky makes them into tag facets (`#droit-du-travail` whole, say). */
  get blueskyHashtags(): HashtagEntity[] {
    this.blueskyHashtagList ??= extractBlueskyHashtags(this.text);
    return this.blueskyHashtagList;
  }

  /** Links as Bluesky makes them into link facets (`exemple.fr`, not `cabinet-martin.fr`). */
  get blueskyLinks(): BlueskyLinkEntity[] {
    this.blueskyLinkList ??= collectLines(this.pieces, lineBlueskyLinks);
    return this.blueskyLinkList;
  }

  /** Mentions as Bluesky makes them into mention facets (`@martin.bsky.social`, not `@martin`). */
  get blueskyMentions(): MentionEntity[] {
    this.blueskyMentionList ??= collectLines(this.pieces, lineBlueskyMentions);
    return this.blueskyMentionList;
  }

  /** Hashtags as a Mastodon server makes them (after white space only; `#avocat·e·s` whole). */
  get mastodonHashtags(): HashtagEntity[] {
    this.mastodonHashtagList ??= extractMastodonHashtags(this.text);
    return this.mastodonHashtagList;
  }

  /** Mentions as Mastodon reads them (@user, @user@domain): the reading for every network but X and Bluesky. */
  get mentions(): MentionEntity[] {
    this.mentionList ??= extractMentions(this.text);
    return this.mentionList;
  }

  /** Mentions as X reads them (twitter-text). */
  get xMentions(): MentionEntity[] {
    this.xMentionList ??= extractXMentions(this.text);
    return this.xMentionList;
  }

  get emoji(): EmojiMatch[] {
    this.emojiList ??= collectLines(this.pieces, lineEmoji);
    return this.emojiList;
  }

  get sentences(): Sentence[] {
    this.sentenceList ??= splitSentences(this.text, this.tokens);
    return this.sentenceList;
  }

  /** Lower case, no accents, ' apostrophes, single spaces: for required mentions. */
  get folded(): string {
    this.foldedText ??= this.text
      .split('\n')
      .map(foldLine)
      .filter((line) => line !== '')
      .join(' ');
    return this.foldedText;
  }

  /** The language detected in the prose (links, hashtags and mentions aside). */
  get language(): LanguageDetection {
    this.languageDetection ??= detectLanguage(this);
    return this.languageDetection;
  }

  /**
   * The language the post is written in: the detected one when there is prose enough to
   * tell, else the one expected (the partner's).
   */
  postLanguage(expected: Language): Language {
    const { letters, detected } = this.language;
    return letters >= DETECTION_MIN_LETTERS && detected ? detected : expected;
  }

  measure(network: Network): Measurement {
    let measurement = this.measurements.get(network);
    if (!measurement) {
      measurement = measure(network, this.text, this.measureOptions);
      this.measurements.set(network, measurement);
    }
    return measurement;
  }

  /**
   * Whether [from, to) touches a link, hashtag or mention: as twitter-text and Mastodon read
   * them, and, for a post to Bluesky, as Bluesky does (a fix must not edit a link it makes).
   */
  inEntity(from: number, to: number): boolean {
    return (
      this.inUrl(from, to) ||
      overlaps(this.hashtags, from, to) ||
      overlaps(this.mentions, from, to) ||
      (this.toBluesky && (overlaps(this.blueskyHashtags, from, to) || overlaps(this.blueskyMentions, from, to)))
    );
  }

  /** Whether [from, to) touches a link, as twitter-text reads them and, for a post to Bluesky, as Bluesky does. */
  inUrl(from: number, to: number): boolean {
    return overlaps(this.urls, from, to) || (this.toBluesky && overlaps(this.blueskyLinks, from, to));
  }
}

const MAX_LINES = 5_000;
const foldedLines = new Map<string, string>();

/** foldLoose per line, memoised: a keystroke changes one line, the others come from the memo. */
function foldLine(line: string): string {
  let folded = foldedLines.get(line);
  if (folded === undefined) {
    folded = foldLoose(line);
    if (foldedLines.size >= MAX_LINES) foldedLines.clear();
    foldedLines.set(line, folded);
  }
  return folded;
}

function overlaps(ranges: readonly { from: number; to: number }[], from: number, to: number): boolean {
  return ranges.some((range) => range.from < Math.max(to, from + 1) && from < range.to);
}
