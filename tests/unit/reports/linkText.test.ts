import { describe, expect, it } from 'vitest';
import { publishedBlock } from '../../../electron/core/reports/render/blocks';
import { renderContext } from '../../../electron/core/reports/render/context';
import type { PublishedItem } from '../../../shared/reports/model';
import { at } from './entries';

const item = (postId: string, url: string): PublishedItem => ({ at: at('2026-10-05T08:00:00Z'), postId, title: `Post ${postId}`, network: 'linkedin', url });

/** Each link of « Publications du mois »: its href and the text shown. */
function links(items: PublishedItem[]): { href: string; text: string }[] {
  const html = publishedBlock(renderContext('fr', 'Europe/Paris', '#1d4ed8', 'r'), items);
  return [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/gu)].map((m) => ({ href: (m[1] ?? '').replace(/&#38;/gu, '&'), text: m[2] ?? '' }));
}

describe('links in the list of published posts', () => {
  it('keeps what tells rows apart: two LinkedIn ids differing in their last digits never shorten to the same text', () => {
    const shown = links([
      item('a', 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000001/'),
      item('b', 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000002/'),
    ]);
    expect(new Set(shown.map((l) => l.text)).size).toBe(2);
    expect(shown[0]?.text).toMatch(/0001$/u);
    expect(shown[1]?.text).toMatch(/0002$/u);
    for (const l of shown) expect(l.text.length).toBeLessThanOrEqual(44);
  });

  it('shows the stored link (a pasted /posts/ address stays one), its href the full URL', () => {
    const pasted = 'https://www.linkedin.com/posts/cabinet-arcand_droit-des-contrats-activity-7260000000000000003-AbCd';
    const [shown] = links([item('c', pasted)]);
    expect(shown?.href).toBe(pasted);
    expect(shown?.text.startsWith('linkedin.com/…')).toBe(true);
    expect(shown?.text).toMatch(/0003-AbCd$/u);
    expect(shown?.text).not.toContain('feed/update');
  });

  it('leaves a short link whole', () => {
    expect(links([item('d', 'https://x.com/cdupont/status/2')])[0]?.text).toBe('x.com/…/2');
  });
});
