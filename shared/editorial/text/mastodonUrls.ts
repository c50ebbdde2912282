import twitterText from 'twitter-text';
import { codePointLength } from './graphemes';
import { hostOf } from './entities';
import type { UrlEntity } from './entities';

/*
 * Links as a Mastodon server finds them when it counts a status (StatusLengthValidator:
 * `Extractor.extract_urls_with_indices(text, extract_url_without_protocol: false)`), written
 * from the rules of mastodon/mastodon config/initializers/twitter_regex.rb, which widens the
 * twitter-text gem's URL pattern. Only its changes are spelt out here; the domain, port,
 * preceding-character and t.co parts are twitter-text's own (the JS package's `regexen`, the
 * same patterns as the gem's). Against twitter-text as X reads links:
 * - a scheme is required (`exemple.fr` stays text), and `dat dweb ipfs ipns ssb gopher gemini`
 *   count as well as `http(s)`;
 * - a path takes any character but white space, `< > ( ) ?` (balanced parentheses aside) and
 *   ends on none of `! * " ' 「 」 < > ; : = , . $ % [ ] ~ & | @`: `{`, `^`, `"` or CJK inside
 *   a path stay in the link;
 * - a query takes non-ASCII characters (`?q=café`);
 * - a link over 4,096 characters is none (twitter-text's limit), nor is one whose domain has
 *   a label over 63 characters.
 * tests/unit/editorial/networkConformance.test.ts holds Mastodon's own cases.
 */

const { regexen } = twitterText;

/** Unicode White_Space, as Ruby's \p{White_Space}. */
const WHITE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Mastodon's UCHARS in the BMP (astral code points are matched as surrogate pairs). */
const UCHARS = '\\u00a0-\\ud7ff\\ue000-\\uf8ff\\uf900-\\ufdcf\\ufdf0-\\uffef';
const ASTRAL = '[\\ud800-\\udbff][\\udc00-\\udfff]';

const GENERAL = `[^${WHITE}<>()?]`;
const BALANCED = `\\((?:${GENERAL}+|(?:${GENERAL}*\\(${GENERAL}+\\)${GENERAL}*))\\)`;
// Mastodon's ending characters end on twitter-text's own balanced parentheses: its override
// interpolates them before replacing them.
const ENDING = `(?:[^${WHITE}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|(?:${regexen.validUrlBalancedParens.source}))`;
const PATH = `(?:(?:${GENERAL}*(?:${BALANCED}${GENERAL}*)*${ENDING})|(?:${GENERAL}+/))`;
const QUERY_CHAR = `(?:[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^${UCHARS}]|${ASTRAL})`;
const QUERY_END = `(?:[a-z0-9_&=#/\\-${UCHARS}]|${ASTRAL})`;
const SCHEMES = '(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://';

const source =
  `(?<before>${regexen.validUrlPrecedingChars.source})` +
  `(?<url>(?<scheme>${SCHEMES})?(?<domain>${regexen.validDomain.source})(?::${regexen.validPortNumber.source})?(?:/${PATH}*)?(?:\\?${QUERY_CHAR}*${QUERY_END})?)`;

/** Built on first use: twitter-text's domain pattern alone is ~10,000 characters. */
let pattern: RegExp | null = null;

const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;

/** Whether twitter-text takes the domain for one (each label at most 63 characters once punycoded). */
function validDomain(domain: string): boolean {
  const probe = `https://${domain}`;
  const [found] = twitterText.extractUrlsWithIndices(probe, { extractUrlsWithoutProtocol: false });
  return found?.url === probe;
}

export function extractMastodonUrls(text: string): UrlEntity[] {
  if (!text.includes(':')) return [];
  const urls: UrlEntity[] = [];
  // matchAll works on a copy: the shared pattern's lastIndex never moves.
  for (const match of text.matchAll((pattern ??= new RegExp(source, 'gi')))) {
    const { before = '', url: found = '', scheme, domain = '' } = match.groups ?? {};
    // Mastodon counts only links written with their scheme (extract_url_without_protocol: false).
    if (scheme === undefined) continue;
    let url = found;
    const from = match.index + before.length;
    const tco = regexen.validTcoUrl.exec(url);
    if (tco) {
      if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) continue;
      url = tco[0];
    }
    if (codePointLength(url) > MAX_URL_LENGTH || !validDomain(domain)) continue;
    urls.push({ from, to: from + url.length, url, host: hostOf(url) });
  }
  return urls;
}
