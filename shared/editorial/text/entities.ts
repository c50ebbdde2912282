import twitterText from 'twitter-text';
import { fold } from './fold';
import { codePointLength } from './graphemes';

export interface UrlEntity {
  from: number;
  to: number;
  url: string;
  /** Lower case, without "www." and port. */
  host: string;
}

export interface HashtagEntity {
  from: number;
  to: number;
  /** Without the #. */
  tag: string;
}

export interface MentionEntity {
  from: number;
  to: number;
  /** Without the @, with the domain if any ("anne@mastodon.social"); on Bluesky the whole handle ("martin.bsky.social"). */
  handle: string;
  user: string;
  domain: string | null;
}

/** The host of a URL as written, with or without scheme. */
export function hostOf(url: string): string {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '');
  const authority = withoutScheme.split(/[/?#]/u)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d+$/u, '').replace(/\.$/u, '');
  return host.toLowerCase().replace(/^www\./u, '');
}

/**
 * A set of domains, matched by `host` or any of its parent domains: one Set lookup per
 * label instead of a string comparison per domain.
 */
export function domainMatcher(domains: readonly string[]): (host: string) => boolean {
  const set = new Set(domains.map((d) => d.toLowerCase().replace(/^www\./u, '')));
  return (host) => {
    for (let rest = host; ; ) {
      if (set.has(rest)) return true;
      const dot = rest.indexOf('.');
      if (dot === -1) return false;
      rest = rest.slice(dot + 1);
    }
  };
}

/** Whether `host` is `domain` or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  const wanted = domain.toLowerCase().replace(/^www\./u, '');
  return host === wanted || host.endsWith(`.${wanted}`);
}

/**
 * Links the way X finds them (twitter-text, with its TLD list): with or without scheme.
 * `withProtocolOnly` leaves out those without a scheme (Mastodon's own rules are
 * `extractMastodonUrls`, mastodonUrls.ts).
 */
export function extractUrls(text: string, withProtocolOnly = false): UrlEntity[] {
  return twitterText
    .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: !withProtocolOnly })
    .map(({ url, indices: [from, to] }) => ({ from, to, url, host: hostOf(url) }));
}

export function extractHashtags(text: string): HashtagEntity[] {
  return twitterText.extractHashtagsWithIndices(text).map(({ hashtag, indices: [from, to] }) => ({ from, to, tag: hashtag }));
}

/**
 * Mentions as Mastodon reads them (mastodon/mastodon Account::MENTION_RE and
 * Extractor.extract_mentions_or_lists_with_indices): @user or @user@domain, not after a word
 * character, "=" or "/" (so not inside e-mail addresses or URLs); not followed by another @,
 * a Latin accented letter or "://" (twitter-text's end_mention_match: `@aliceìnheiro`,
 * `@user@domain@`, `@http://…` are none); a domain over 253 characters makes it none.
 * Ruby's [[:word:]] is letters, marks, decimal digits and connector punctuation.
 */
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const MENTION = new RegExp(`(?<![=/${WORD}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([${WORD}]+(?:[.-]+[${WORD}]+)*))?`, 'giu');
const MAX_MENTION_DOMAIN_LENGTH = 253;

export function extractMentions(text: string): MentionEntity[] {
  if (!text.includes('@')) return [];
  const mentions: MentionEntity[] = [];
  for (const m of text.matchAll(MENTION)) {
    const user = m[1] ?? '';
    const domain = m[2] ?? null;
    const to = m.index + m[0].length;
    if (twitterText.regexen.endMentionMatch.test(text.slice(to, to + 3))) continue;
    if (domain !== null && codePointLength(domain) > MAX_MENTION_DOMAIN_LENGTH) continue;
    mentions.push({ from: m.index, to, handle: domain ? `${user}@${domain}` : user, user, domain });
  }
  return mentions;
}

/**
 * Mentions as X reads them (twitter-text): `RT@user` is one, `f!@user` or `@user@domain` are
 * none, a user name is at most 20 characters.
 */
export function extractXMentions(text: string): MentionEntity[] {
  if (!text.includes('@') && !text.includes('＠')) return [];
  return twitterText.extractMentionsWithIndices(text).map(({ screenName, indices: [from, to] }) => ({ from, to, handle: screenName, user: screenName, domain: null }));
}

/** Hashtags compare without case or accents: #Droit = #droit = #DROIT. */
export const hashtagKey = (tag: string): string => fold(tag.replace(/^#/u, ''));
