import twitterText from 'twitter-text';
import { fold } from './fold';

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
  /** Without the @, with the domain if any ("anne@mastodon.social"). */
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
 * `withProtocolOnly` is Mastodon's rule (extract_url_without_protocol: false).
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
 * Mentions as Mastodon reads them (Account::MENTION_RE): @user or @user@domain, not after a
 * word character, "=" or "/" (so not inside e-mail addresses or URLs).
 */
const MENTION = /(?<![=/\p{L}\p{M}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([\p{L}\p{M}\p{N}_.-]+[\p{L}\p{M}\p{N}_]))?/giu;

export function extractMentions(text: string): MentionEntity[] {
  return [...text.matchAll(MENTION)].map((m) => {
    const user = m[1] ?? '';
    const domain = m[2] ?? null;
    return { from: m.index, to: m.index + m[0].length, handle: domain ? `${user}@${domain}` : user, user, domain };
  });
}

/** Hashtags compare without case or accents: #Droit = #droit = #DROIT. */
export const hashtagKey = (tag: string): string => fold(tag.replace(/^#/u, ''));
