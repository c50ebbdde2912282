import { describe, expect, it } from 'vitest';
import { createConnectors } from '../../../electron/core/publishing/connectors/registry';
import { parsePublishedUrl } from '../../../shared/publishing/publishedUrl';

describe('manual publication (no API) and the pasted-back URL', () => {
  const connectors = createConnectors();

  it('gives the text to copy and the network’s composer, prefilled where the network allows it', () => {
    const text = 'Nouvel article : la réforme & vous #droit';
    expect(connectors.manual('bluesky', text)).toEqual({ kind: 'manual', network: 'bluesky', text, composeUrl: `https://bsky.app/intent/compose?text=${encodeURIComponent(text)}` });
    expect(connectors.manual('x', text).composeUrl).toBe(`https://x.com/intent/post?text=${encodeURIComponent(text)}`);
    expect(connectors.manual('mastodon', text, 'https://piaille.fr/').composeUrl).toBe(`https://piaille.fr/share?text=${encodeURIComponent(text)}`);
    expect(connectors.manual('linkedin', text).composeUrl).toBe('https://www.linkedin.com/feed/?shareActive=true');
    expect(connectors.manual('instagram', text)).toMatchObject({ kind: 'manual', text, composeUrl: 'https://www.instagram.com/' });
  });

  it.each([
    ['x', 'https://x.com/MaitreDurand/status/1861234567890123456?s=20', '1861234567890123456', 'https://x.com/MaitreDurand/status/1861234567890123456'],
    ['x', 'https://twitter.com/i/web/status/1861234567890123456', '1861234567890123456', 'https://x.com/i/status/1861234567890123456'],
    ['linkedin', 'https://www.linkedin.com/feed/update/urn:li:activity:7332661864792854528/', 'urn:li:activity:7332661864792854528', 'https://www.linkedin.com/feed/update/urn:li:activity:7332661864792854528/'],
    ['linkedin', 'https://fr.linkedin.com/posts/maitre-durand_droit-activity-7332661864792854528-hcGT?utm_source=share', 'urn:li:activity:7332661864792854528', 'https://www.linkedin.com/feed/update/urn:li:activity:7332661864792854528/'],
    ['bluesky', 'https://bsky.app/profile/maitre-durand.bsky.social/post/3lbq2xk5vzs2a', 'at://maitre-durand.bsky.social/app.bsky.feed.post/3lbq2xk5vzs2a', 'https://bsky.app/profile/maitre-durand.bsky.social/post/3lbq2xk5vzs2a'],
    ['mastodon', 'https://piaille.fr/@maitre_durand/113456789012345678', '113456789012345678', 'https://piaille.fr/@maitre_durand/113456789012345678'],
    ['threads', 'https://www.threads.net/@maitre.durand/post/C8aBcDeFgHi', 'C8aBcDeFgHi', 'https://www.threads.com/@maitre.durand/post/C8aBcDeFgHi'],
    ['instagram', 'https://www.instagram.com/p/C8aBcDeFgHi/?igsh=abc', 'C8aBcDeFgHi', 'https://www.instagram.com/p/C8aBcDeFgHi/'],
    ['facebook', 'https://www.facebook.com/DurandAvocats/posts/pfbid02Abc123XyZ', 'pfbid02Abc123XyZ', 'https://www.facebook.com/DurandAvocats/posts/pfbid02Abc123XyZ'],
  ] as const)('reads a %s post URL: %s', (network, url, remoteId, canonical) => {
    expect(parsePublishedUrl(network, url, network === 'mastodon' ? { instanceUrl: 'https://piaille.fr' } : {})).toEqual({ ok: true, value: { network, remoteId, url: canonical } });
  });

  it('refuses a URL of another network, of another Mastodon instance, or that is not a post', () => {
    expect(parsePublishedUrl('linkedin', 'https://x.com/MaitreDurand/status/1861234567890123456')).toEqual({ ok: false, problem: 'wrong_network', foundOn: 'x' });
    expect(parsePublishedUrl('x', 'https://www.linkedin.com/feed/update/urn:li:activity:1/')).toEqual({ ok: false, problem: 'wrong_network', foundOn: 'linkedin' });
    expect(parsePublishedUrl('mastodon', 'https://mastodon.social/@maitre_durand/113456789012345678', { instanceUrl: 'https://piaille.fr' })).toEqual({ ok: false, problem: 'wrong_network' });
    expect(parsePublishedUrl('x', 'https://x.com/MaitreDurand')).toEqual({ ok: false, problem: 'not_a_post' });
    expect(parsePublishedUrl('bluesky', 'pas une adresse')).toEqual({ ok: false, problem: 'invalid_url' });
    expect(parsePublishedUrl('x', 'javascript:alert(1)')).toEqual({ ok: false, problem: 'invalid_url' });
  });

  it('routes a publication for a network without API to a refusal, not an exception', async () => {
    const outcome = await connectors.publish({
      network: 'instagram' as 'x',
      account: { id: 'a', handle: 'h' },
      credentials: { kind: 'oauth', accessToken: 't' },
      text: 'x',
      idempotencyKey: 'job-instagram-1',
      jobCreatedAt: 0,
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'permanent', status: 0, networkMessage: 'No API connector for instagram' } });
  });
});
