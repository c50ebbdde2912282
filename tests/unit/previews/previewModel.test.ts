import { RichText } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { buildPreview, cardLink } from '../../../shared/previews/build';
import type { PreviewInput } from '../../../shared/previews/build';
import { foldAt, FOLD_RULES } from '../../../shared/previews/folds';
import type { ByteFacet } from '../../../shared/previews/segments';
import type { Network } from '../../../shared/posts/networks';

const mastodon = { maxCharacters: 500, charactersReservedPerUrl: 23, source: 'default' };
const image = (n: number) => ({ sha256: `${n}`.repeat(64).slice(0, 64), alt: `Image ${n}`, mimeType: 'image/png', dataUrl: null });

function preview(network: Network, text: string, extra: Partial<PreviewInput> = {}) {
  return buildPreview({ network, text, media: [], account: null, linkCard: { status: 'none' }, mastodon, ...extra });
}

/** Bluesky's facets as the SDK detects them (what the connector does before resolving mentions). */
function sdkFacets(text: string): ByteFacet[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).flatMap((facet) =>
    facet.features.map((feature): ByteFacet => {
      const value = 'uri' in feature ? feature.uri : 'did' in feature ? feature.did : 'tag' in feature ? feature.tag : '';
      const kind = 'uri' in feature ? 'link' : 'did' in feature ? 'mention' : 'tag';
      return { byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd, kind, value };
    }),
  );
}

const TEXT = 'Réforme du #droit-du-travail : lisez https://exemple.fr/article et écrivez à @cabinet.bsky.social 🇫🇷';

describe('one preview per network, from the exact text', () => {
  it('X: weighted count, each link 23 (t.co), mentions and tags linked', () => {
    const p = preview('x', TEXT);
    expect(p.text).toBe(TEXT);
    expect(p.count).toMatchObject({ limit: 280, unit: 'weighted' });
    expect(p.linkLength).toBe(23);
    expect(p.segments.filter((s) => s.kind !== 'text').map((s) => [s.kind, s.text])).toEqual([
      ['tag', '#droit'],
      ['link', 'https://exemple.fr/article'],
      ['mention', '@cabinet'],
    ]);
    expect(p.segments.map((s) => s.text).join('')).toBe(TEXT);
  });

  it('Bluesky: links, mentions and tags exactly as its facets make them', () => {
    const p = preview('bluesky', TEXT, { blueskyFacets: sdkFacets(TEXT) });
    expect(p.segments.filter((s) => s.kind !== 'text').map((s) => [s.kind, s.text, s.target])).toEqual([
      ['tag', '#droit-du-travail', 'https://bsky.app/hashtag/droit-du-travail'],
      ['link', 'https://exemple.fr/article', 'https://exemple.fr/article'],
      ['mention', '@cabinet.bsky.social', 'https://bsky.app/profile/cabinet.bsky.social'],
    ]);
    expect(p.count).toMatchObject({ limit: 300, unit: 'graphemes' });
  });

  it('Mastodon: the instance’s limits and URL length, no content warning sent', () => {
    const p = preview('mastodon', TEXT, { mastodon: { maxCharacters: 1000, charactersReservedPerUrl: 30, source: 'instance' } });
    expect(p.count.limit).toBe(1000);
    expect(p.linkLength).toBe(30);
    expect(p.mastodon).toEqual({ maxCharacters: 1000, charactersReservedPerUrl: 30, source: 'instance', contentWarning: null });
  });

  it('LinkedIn: tags where the connector keeps #, links, the fold at both widths', () => {
    const p = preview('linkedin', `${TEXT} ##double`);
    expect(p.segments.filter((s) => s.kind === 'tag').map((s) => s.text)).toEqual(['#droit']);
    expect(p.folds.map((f) => f.width)).toEqual(['desktop', 'mobile']);
  });

  it('Instagram: tags linked, addresses not (captions do not link them), caption fold', () => {
    const p = preview('instagram', TEXT);
    expect(p.segments.filter((s) => s.kind !== 'text').map((s) => s.kind)).toEqual(['tag']);
    expect(p.folds).toHaveLength(2);
    expect(cardLink('instagram', TEXT)).toBeNull();
  });

  it('Bluesky: no link card, since the connector embeds none (app.bsky.embed.external)', () => {
    expect(cardLink('bluesky', TEXT)).toBeNull();
    expect(cardLink('x', TEXT)).not.toBeNull();
  });

  it('Threads and Facebook: links and tags, no fold', () => {
    for (const network of ['threads', 'facebook'] as const) {
      const p = preview(network, TEXT);
      expect(p.segments.filter((s) => s.kind !== 'text').map((s) => s.kind)).toEqual(['tag', 'link']);
      expect(p.folds).toEqual([]);
    }
  });

  it('shows images with their alt text in X’s grid, and no link card beside them', () => {
    const card = { status: 'ready' as const, card: { url: 'https://exemple.fr/article', finalUrl: 'https://exemple.fr/article', title: 'T', description: '', siteName: '', imageUrl: null, fetchedAt: 0 } };
    expect(preview('x', TEXT, { linkCard: card }).linkCard.status).toBe('ready');
    const three = preview('x', TEXT, { linkCard: card, media: [image(1), image(2), image(3)] });
    expect(three.grid).toBe('three');
    expect(three.media.map((m) => m.alt)).toEqual(['Image 1', 'Image 2', 'Image 3']);
    expect(three.linkCard).toEqual({ status: 'none' });
  });

  it('names the first link the network links as the card’s', () => {
    expect(cardLink('x', 'voir exemple.fr/a puis https://b.fr')).toBe('https://exemple.fr/a');
    expect(cardLink('mastodon', 'voir exemple.fr/a puis https://b.fr')).toBe('https://b.fr');
  });
});

describe('the fold ("…voir plus")', () => {
  const linkedin = FOLD_RULES.linkedin;
  if (!linkedin) throw new Error('LinkedIn has a fold rule');

  it('shows a short post whole', () => {
    expect(foldAt('Court.', linkedin.desktop)).toBeNull();
    expect(foldAt(`${'a'.repeat(210)}\n\n`, linkedin.desktop)).toBeNull();
  });

  it('cuts at the last space before 210 characters on desktop, 140 on mobile', () => {
    const words = Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' ');
    const desktop = foldAt(words, linkedin.desktop);
    const mobile = foldAt(words, linkedin.mobile);
    expect(desktop).not.toBeNull();
    expect(mobile).not.toBeNull();
    expect(words.slice(0, desktop ?? 0).length).toBeLessThanOrEqual(210);
    expect(words.charAt(desktop ?? 0)).toBe(' ');
    expect(words.slice(0, mobile ?? 0).length).toBeLessThanOrEqual(140);
    expect(mobile).toBeLessThan(desktop ?? 0);
  });

  it('cuts after the third line, however short the lines', () => {
    const text = 'Un\nDeux\nTrois\nQuatre';
    expect(text.slice(0, foldAt(text, linkedin.desktop) ?? undefined)).toBe('Un\nDeux\nTrois');
    const instagram = FOLD_RULES.instagram;
    expect(instagram && text.slice(0, foldAt(text, instagram.mobile) ?? undefined)).toBe('Un\nDeux');
  });

  it('cuts inside a word only when no space is near, never inside an emoji', () => {
    expect(foldAt('a'.repeat(300), linkedin.desktop)).toBe(210);
    const emoji = '😀'.repeat(300);
    expect(foldAt(emoji, linkedin.desktop)).toBe(420);
  });
});
