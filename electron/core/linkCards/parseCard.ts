import { Parser } from 'htmlparser2';
import { LinkCard } from '../../../shared/previews/schema';

/** Open Graph first, then Twitter cards, then the page's own <title> and description. */
const TITLE_KEYS = ['og:title', 'twitter:title'];
const DESCRIPTION_KEYS = ['og:description', 'twitter:description', 'description'];
const IMAGE_KEYS = ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image'];

const tidy = (text: string, max: number): string => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function absolute(raw: string | undefined, base: string): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * The card of an HTML page, read with htmlparser2 (a real, forgiving HTML tokenizer: pages
 * in the wild are rarely well-formed, and entities such as &eacute; must be decoded), then
 * parsed with the shared LinkCard schema.
 */
export function parseCard(html: string, url: string, finalUrl: string, fetchedAt: number): LinkCard {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (name !== 'meta') return;
        const key = (attributes.property ?? attributes.name ?? '').toLowerCase();
        const content = attributes.content;
        if (key !== '' && content !== undefined && !meta.has(key)) meta.set(key, content);
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const first = (keys: string[]): string | undefined => keys.map((k) => meta.get(k)).find((v) => v !== undefined && v.trim() !== '');
  return LinkCard.parse({
    url,
    finalUrl,
    title: tidy(first(TITLE_KEYS) ?? title, 500),
    description: tidy(first(DESCRIPTION_KEYS) ?? '', 1000),
    siteName: tidy(meta.get('og:site_name') ?? new URL(finalUrl).hostname.replace(/^www\./u, ''), 200),
    imageUrl: absolute(first(IMAGE_KEYS), finalUrl),
    fetchedAt,
  });
}
