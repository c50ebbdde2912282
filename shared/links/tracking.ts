/**
 * A link as it should go into a post: the address it leads to, without what identifies the
 * person who clicks it. Pure (WHATWG URL only), used by the editor's paste.
 *
 * Two things are undone:
 * - redirect wrappers, whose real address sits in a query parameter: Google's `/url?q=` (every
 *   link copied from Google Docs, and Google search results), Outlook SafeLinks (every link in a
 *   mail read in Outlook with Defender), LinkedIn's `/redir/redirect?url=` and Facebook's
 *   `l.php?u=` (links copied from a post on those networks). Each also logs who followed it;
 *   only an http(s) address is taken out of them;
 * - click identifiers, which name one click and so one person (an ad click, a mail opened):
 *   fbclid, gclid, msclkid…
 *
 * Campaign tags are kept on purpose: `utm_*` and `xtor` (AT Internet) name a campaign, not a
 * person, and the firm's own link rule may add or require them; removing them here would undo
 * that rule. Everything else in the address is left exactly as written (no re-encoding).
 */

/** Query parameters naming a single click, and so the person behind it. */
const CLICK_IDENTIFIERS = new Set([
  'fbclid', // Facebook, Instagram
  'gclid', // Google Ads
  'dclid', // Google Display & Video 360
  'gbraid', // Google Ads (iOS, app to web)
  'wbraid', // Google Ads (iOS, web to app)
  'msclkid', // Microsoft Advertising
  'igshid', // Instagram share: names the account that shared
  'mc_eid', // Mailchimp: the subscriber's id
  '_hsenc', // HubSpot mail: the contact
  '_hsmi', // HubSpot mail: the message sent to that contact
  'yclid', // Yandex Direct
  'twclid', // X (Twitter) ads
  'ttclid', // TikTok ads
  'li_fat_id', // LinkedIn ads: the member
]);

interface Redirect {
  /** The wrapper's host, or the end of it (a SafeLinks host carries a region: eur02.safelinks…). */
  matches(url: URL): boolean;
  /** The parameter holding the real address. */
  parameter: string;
}

const isHost = (...hosts: string[]) => (url: URL) => hosts.includes(url.hostname.toLowerCase());

const REDIRECTS: Redirect[] = [
  { matches: (url) => isHost('www.google.com', 'google.com')(url) && url.pathname === '/url', parameter: 'q' },
  { matches: (url) => url.hostname.toLowerCase().endsWith('.safelinks.protection.outlook.com'), parameter: 'url' },
  { matches: (url) => isHost('www.linkedin.com', 'linkedin.com')(url) && url.pathname === '/redir/redirect', parameter: 'url' },
  { matches: (url) => isHost('l.facebook.com', 'lm.facebook.com')(url) && url.pathname === '/l.php', parameter: 'u' },
];

/** A wrapper inside a wrapper (a SafeLinks mail forwarded through Google Docs) is rare; three is plenty. */
const MAX_UNWRAPS = 3;

function parseWebUrl(text: string): URL | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The address a known redirect wraps, when it is an http(s) one. */
function unwrapped(address: string): string | null {
  const url = parseWebUrl(address);
  if (!url) return null;
  const redirect = REDIRECTS.find((candidate) => candidate.matches(url));
  if (!redirect) return null;
  const inner = url.searchParams.get(redirect.parameter)?.trim() ?? '';
  return parseWebUrl(inner) ? inner : null;
}

function decodedName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** The address without click identifiers, every other character as written. */
function withoutClickIdentifiers(address: string): string {
  const hashAt = address.indexOf('#');
  const beforeHash = hashAt < 0 ? address : address.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : address.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return address;
  const pairs = beforeHash.slice(queryAt + 1).split('&');
  const kept = pairs.filter((pair) => !CLICK_IDENTIFIERS.has(decodedName(pair)));
  if (kept.length === pairs.length) return address;
  const query = kept.filter((pair) => pair !== '').join('&');
  return `${beforeHash.slice(0, queryAt)}${query === '' ? '' : `?${query}`}${hash}`;
}

/** `href` unwrapped from known redirects and without click identifiers; anything that is not an http(s) address comes back unchanged. */
export function withoutClickTracking(href: string): string {
  let address = href;
  if (!parseWebUrl(address)) return href;
  for (let step = 0; step < MAX_UNWRAPS; step++) {
    const inner = unwrapped(address);
    if (inner === null) break;
    address = inner;
  }
  return withoutClickIdentifiers(address);
}

/** Whether a link's visible text is itself a web address (then it is cleaned as its href is). */
export function isWebAddress(text: string): boolean {
  return !/\s/.test(text) && parseWebUrl(text) !== null;
}

/** A web address written in running text, up to the first space or a character no address holds. */
const ADDRESS_IN_TEXT = /https?:\/\/[^\s<>"«»]+/giu;
/** Punctuation that ends the sentence around an address rather than the address itself. */
const TRAILING = /[.,;:!?'’)\]]+$/u;

/**
 * `text` with each web address written in it cleaned as a pasted link's href is (plain-text
 * pastes, and addresses written as text in a pasted page). The sentence's own punctuation
 * after an address stays outside it; a closing parenthesis the address opened stays inside.
 */
export function withoutClickTrackingInText(text: string): string {
  return text.replace(ADDRESS_IN_TEXT, (found) => {
    let address = found;
    let tail = '';
    const trailing = TRAILING.exec(address);
    if (trailing) {
      address = address.slice(0, trailing.index);
      tail = trailing[0];
      // « (voir https://fr.wikipedia.org/wiki/Code_(droit)) »: the address keeps the parenthesis it opened.
      while (tail.startsWith(')') && (address.match(/\(/gu) ?? []).length > (address.match(/\)/gu) ?? []).length) {
        address += ')';
        tail = tail.slice(1);
      }
    }
    return withoutClickTracking(address) + tail;
  });
}
