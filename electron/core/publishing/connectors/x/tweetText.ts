import { normaliseForMatch } from '../../../../../shared/publishing/sameText';
import type { Tweet } from './schemas';

const unescapeHtml = (text: string): string => text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Whether a post X returns is the text we sent. X rewrites it on the way: every link becomes a
 * t.co link (its original form — with or without https://, www. — is not recoverable exactly),
 * an attached image adds a trailing t.co link, and `& < >` come back HTML-escaped. So the
 * returned text must match ours exactly everywhere except that each t.co link stands for one
 * link of ours, and media links are dropped.
 */
export function tweetMatches(sent: string, tweet: Tweet): boolean {
  let text = unescapeHtml(tweet.note_tweet?.text ?? tweet.text);
  const links: string[] = [];
  for (const entity of tweet.entities?.urls ?? []) {
    if (entity.media_key !== undefined) text = text.split(entity.url).join('');
    else links.push(entity.url);
  }
  text = normaliseForMatch(text);
  const pattern = links.length === 0 ? escapeRegExp(text) : text.split(new RegExp(links.map(escapeRegExp).join('|'), 'u')).map(escapeRegExp).join('\\S+');
  return new RegExp(`^${pattern}$`, 'u').test(normaliseForMatch(sent));
}
