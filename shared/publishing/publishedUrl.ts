import { z } from 'zod';
import { Network } from '../posts/networks';

/**
 * The URL a community manager pastes back after publishing by hand: it must be a post of the
 * right network (and of the account's instance, for Mastodon), and gives the post's id there.
 */
export const PublishedPost = z.object({
  network: Network,
  /** Same meaning as a connector's remoteId where one exists (X id, LinkedIn URN, at:// URI…). */
  remoteId: z.string().min(1),
  /** The URL in a canonical form (https, no tracking query). */
  url: z.url({ protocol: /^https$/ }),
});
export type PublishedPost = z.infer<typeof PublishedPost>;

export type PublishedUrlProblem = 'invalid_url' | 'wrong_network' | 'not_a_post';
/** `foundOn`: the network the link is a post of, when it is another one (an X link pasted for LinkedIn). */
export type ParsedPublishedUrl = { ok: true; value: PublishedPost } | { ok: false; problem: PublishedUrlProblem; foundOn?: Network };

const HttpsUrl = z.url({ protocol: /^https?$/ });

type Match = { remoteId: string; url: string } | null;
interface NetworkUrls {
  hosts: (host: string, instanceHost: string | undefined) => boolean;
  post: (url: URL) => Match;
}

const oneOf = (...hosts: string[]) => (host: string) => hosts.includes(host);
/** The decoded path without trailing slashes ('' when it holds a malformed escape). */
function path(url: URL): string {
  try {
    return decodeURIComponent(url.pathname).replace(/\/+$/u, '');
  } catch {
    return '';
  }
}

const rules: Record<Network, NetworkUrls> = {
  x: {
    hosts: oneOf('x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'),
    post: (url) => {
      const m = /^\/(?:([A-Za-z0-9_]{1,15})|i(?:\/web)?)\/status(?:es)?\/(\d{1,20})(?:\/.*)?$/u.exec(path(url));
      if (!m?.[2]) return null;
      return { remoteId: m[2], url: `https://x.com/${m[1] ?? 'i'}/status/${m[2]}` };
    },
  },
  linkedin: {
    hosts: (host) => host === 'linkedin.com' || /^[a-z]{2,3}\.linkedin\.com$/u.test(host) || host === 'www.linkedin.com',
    post: (url) => {
      const p = path(url);
      const feed = /^\/feed\/update\/(urn:li:(?:activity|share|ugcPost):\d+)$/u.exec(p);
      const slug = /^\/posts\/[^/]*-(activity|share|ugcPost)-(\d+)-[A-Za-z0-9_-]+$/u.exec(p);
      const urn = feed?.[1] ?? (slug?.[1] && slug[2] ? `urn:li:${slug[1]}:${slug[2]}` : undefined);
      return urn === undefined ? null : { remoteId: urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
    },
  },
  bluesky: {
    hosts: oneOf('bsky.app', 'www.bsky.app'),
    post: (url) => {
      const m = /^\/profile\/([A-Za-z0-9._:%-]+)\/post\/([A-Za-z0-9._~:-]{1,512})$/u.exec(path(url));
      if (!m?.[1] || !m[2]) return null;
      return { remoteId: `at://${m[1]}/app.bsky.feed.post/${m[2]}`, url: `https://bsky.app/profile/${m[1]}/post/${m[2]}` };
    },
  },
  mastodon: {
    // Any instance, but the account's own when it is known: a post elsewhere is not its post.
    hosts: (host, instanceHost) => instanceHost === undefined || host === instanceHost,
    post: (url) => {
      const p = path(url);
      const m = /^\/@[A-Za-z0-9_]+(?:@[A-Za-z0-9.-]+)?\/(\d+)$/u.exec(p) ?? /^\/users\/[A-Za-z0-9_]+\/statuses\/(\d+)$/u.exec(p);
      return m?.[1] ? { remoteId: m[1], url: `https://${url.host}${url.pathname.replace(/\/+$/u, '')}` } : null;
    },
  },
  threads: {
    hosts: oneOf('threads.net', 'www.threads.net', 'threads.com', 'www.threads.com'),
    post: (url) => {
      const m = /^\/@([A-Za-z0-9._]+)\/post\/([A-Za-z0-9_-]+)$/u.exec(path(url));
      return m?.[1] && m[2] ? { remoteId: m[2], url: `https://www.threads.com/@${m[1]}/post/${m[2]}` } : null;
    },
  },
  instagram: {
    hosts: oneOf('instagram.com', 'www.instagram.com'),
    post: (url) => {
      const m = /^(?:\/[A-Za-z0-9._]+)?\/(p|reel|tv)\/([A-Za-z0-9_-]+)$/u.exec(path(url));
      return m?.[1] && m[2] ? { remoteId: m[2], url: `https://www.instagram.com/${m[1]}/${m[2]}/` } : null;
    },
  },
  facebook: {
    hosts: oneOf('facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com'),
    post: (url) => {
      const p = path(url);
      const posts = /^\/(?:groups\/)?[A-Za-z0-9.-]+\/(?:posts|videos|permalink)\/([A-Za-z0-9]+)$/u.exec(p);
      const share = /^\/share\/[pv]\/([A-Za-z0-9]+)$/u.exec(p);
      const story = /^\/(?:permalink|story)\.php$/u.test(p) ? url.searchParams.get('story_fbid') : null;
      const id = posts?.[1] ?? share?.[1] ?? story ?? undefined;
      if (id === undefined || !/^[A-Za-z0-9]+$/u.test(id)) return null;
      return { remoteId: id, url: `https://www.facebook.com${p}${story === null ? '' : `?story_fbid=${id}`}` };
    },
  },
};

export function parsePublishedUrl(network: Network, input: string, options: { instanceUrl?: string } = {}): ParsedPublishedUrl {
  const parsed = HttpsUrl.safeParse(input.trim());
  if (!parsed.success) return { ok: false, problem: 'invalid_url' };
  const url = new URL(parsed.data);
  const instanceHost = options.instanceUrl === undefined ? undefined : hostOf(options.instanceUrl);
  const host = url.host.toLowerCase();
  if (!rules[network].hosts(host, instanceHost)) {
    const foundOn = otherNetworkOf(network, host);
    return foundOn === undefined ? { ok: false, problem: 'wrong_network' } : { ok: false, problem: 'wrong_network', foundOn };
  }
  const match = rules[network].post(url);
  if (match === null) return { ok: false, problem: 'not_a_post' };
  const value = PublishedPost.safeParse({ network, ...match });
  return value.success ? { ok: true, value: value.data } : { ok: false, problem: 'not_a_post' };
}

/** Which other network serves this host (Mastodon aside: any host may be an instance). */
function otherNetworkOf(network: Network, host: string): Network | undefined {
  return Network.options.find((other) => other !== network && other !== 'mastodon' && rules[other].hosts(host, undefined));
}

function hostOf(value: string): string | undefined {
  const parsed = HttpsUrl.safeParse(value);
  return parsed.success ? new URL(parsed.data).host.toLowerCase() : undefined;
}
