import type { Network } from '../../posts/networks';

export type LengthUnit = 'weighted' | 'graphemes' | 'characters' | 'bytes' | 'links' | 'hashtags';

export interface NetworkLimit {
  limit: number;
  unit: LengthUnit;
  /** How the network counts, in one line. */
  counting: string;
  /** Where the figure comes from. */
  source: string;
  /** False when no primary source confirms the figure. */
  verified: boolean;
}

/** The one table of hard limits. Counting itself is in `measure.ts`, one function per row. */
export const NETWORK_LIMITS: Record<Network, NetworkLimit> = {
  x: {
    limit: 280,
    unit: 'weighted',
    counting: 'twitter-text v3 weights: most Latin 1, CJK and symbols 2, any URL 23, any emoji (ZWJ sequences too) 2',
    source: 'twitter/twitter-text config/v3.json, via twitter-text parseTweet',
    verified: true,
  },
  bluesky: {
    limit: 300,
    unit: 'graphemes',
    counting: 'grapheme clusters of the text sent, and at most 3,000 UTF-8 bytes',
    source: 'app.bsky.feed.post lexicon (text: maxGraphemes 300, maxLength 3000 bytes)',
    verified: true,
  },
  mastodon: {
    limit: 500,
    unit: 'graphemes',
    counting: 'graphemes; every http(s) URL counts characters_reserved_per_url (23); @user@domain counts as @user',
    source: 'Mastodon StatusLengthValidator; instance API configuration.statuses (max_characters, characters_reserved_per_url)',
    verified: true,
  },
  threads: {
    limit: 500,
    unit: 'characters',
    counting: 'one per grapheme, an emoji counts its UTF-8 byte length; more than 5 links fails',
    source: 'Threads API documentation (text posts)',
    verified: true,
  },
  linkedin: {
    limit: 3000,
    unit: 'characters',
    counting: 'UTF-16 code units of the commentary after little-text-format escaping (see linkedinEscape.ts)',
    source: 'LinkedIn Posts API ("little text format"); 3,000-character commentary',
    verified: true,
  },
  instagram: {
    limit: 2200,
    unit: 'characters',
    counting: 'UTF-16 code units of the caption; hashtag cap is a setting (default 5, announced cut from 30)',
    source: 'Instagram caption limit; hashtag cap per Instagram announcements',
    verified: true,
  },
  facebook: {
    limit: 63206,
    unit: 'characters',
    counting: 'UTF-16 code units',
    source: 'widely quoted figure, no primary source found',
    verified: false,
  },
};

export const BLUESKY_MAX_BYTES = 3000;
export const THREADS_MAX_LINKS = 5;
export const DEFAULT_INSTAGRAM_HASHTAG_CAP = 5;
export const DEFAULT_MASTODON_MAX_CHARACTERS = 500;
export const DEFAULT_MASTODON_URL_LENGTH = 23;
