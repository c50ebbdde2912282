import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { MINUTE, publishingHarness } from './harness';
import type { PublishingHarness } from './harness';

/** A real 1×1 PNG (red pixel). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let harness: PublishingHarness | null = null;
let mastodon: MastodonServer | null = null;
afterEach(async () => {
  harness?.close();
  harness = null;
  await mastodon?.close();
  mastodon = null;
});

it('stores attached images once, by SHA-256, in the data folder', async () => {
  const h = publishingHarness();
  harness = h;
  const partner = await h.partner();
  const first = await h.call('posts.create', { partnerId: partner.id, networks: ['mastodon'] });
  const second = await h.call('posts.create', { partnerId: partner.id, networks: ['mastodon'] });
  const view = await h.call('publishing.attachMedia', { postId: first.id, data: PNG.toString('base64'), mimeType: 'image/png', alt: 'Le cabinet Arcand' });
  await h.call('publishing.attachMedia', { postId: second.id, data: PNG.toString('base64'), mimeType: 'image/png' });

  const hash = sha(PNG);
  expect(view.media).toEqual([{ position: 0, sha256: hash, mimeType: 'image/png', size: PNG.length, alt: 'Le cabinet Arcand' }]);
  const file = join(h.dir, 'media', hash.slice(0, 2), hash);
  expect(readFileSync(file).equals(PNG)).toBe(true);
  expect(readdirSync(join(h.dir, 'media', hash.slice(0, 2)))).toEqual([hash]);
  expect(existsSync(join(h.dir, 'media'))).toBe(true);
});

it('refuses a file that is not the image it claims, a fifth image, and changes once approved', async () => {
  const h = publishingHarness();
  harness = h;
  const partner = await h.partner();
  const post = await h.call('posts.create', { partnerId: partner.id, networks: ['mastodon'] });
  const lying = await h.error('publishing.attachMedia', { postId: post.id, data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'), mimeType: 'image/png' });
  expect(lying.issues?.[0]?.messageKey).toBe('publishing.errors.mediaFormat');
  const svg = await h.error('publishing.attachMedia', { postId: post.id, data: PNG.toString('base64'), mimeType: 'image/svg+xml' });
  expect(svg.code).toBe('validation');

  for (let i = 0; i < 4; i += 1) await h.call('publishing.attachMedia', { postId: post.id, data: PNG.toString('base64'), mimeType: 'image/png' });
  const fifth = await h.error('publishing.attachMedia', { postId: post.id, data: PNG.toString('base64'), mimeType: 'image/png' });
  expect(fifth.issues?.[0]?.messageKey).toBe('publishing.errors.mediaTooMany');
  await h.call('publishing.detachMedia', { postId: post.id, position: 1 });
  expect((await h.status(post.id)).media.map((m) => m.position)).toEqual([0, 1, 2]);

  await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
  const locked = await h.error('publishing.setAlt', { postId: post.id, position: 0, alt: 'Autre chose' });
  expect(locked).toMatchObject({ code: 'conflict', messageKey: 'publishing.errors.locked' });
  expect((await h.status(post.id)).locked).toBe(true);
});

it('reports each network’s limits: Bluesky refuses images over 1,000,000 bytes, LinkedIn WebP', async () => {
  const h = publishingHarness();
  harness = h;
  const partner = await h.partner();
  const post = await h.call('posts.create', { partnerId: partner.id, networks: ['bluesky', 'mastodon', 'linkedin'] });
  const big = Buffer.concat([PNG, Buffer.alloc(1_100_000)]);
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32)]);
  await h.call('publishing.attachMedia', { postId: post.id, data: big.toString('base64'), mimeType: 'image/png' });
  const view = await h.call('publishing.attachMedia', { postId: post.id, data: webp.toString('base64'), mimeType: 'image/webp' });
  expect(view.mediaProblems).toEqual([
    { network: 'bluesky', position: 0, problem: 'tooLarge', limit: 1_000_000 },
    { network: 'linkedin', position: 1, problem: 'format', limit: 0 },
  ]);
});

it('publishes the images with their alt text', async () => {
  const h = publishingHarness();
  harness = h;
  const server = new MastodonServer({ now: () => h.clock.now() });
  mastodon = server;
  await server.start();
  const partner = await h.partner();
  await h.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });
  const post = await h.call('posts.create', { partnerId: partner.id, networks: ['mastodon'], scheduledAt: h.clock.now() + MINUTE });
  await h.call('publishing.attachMedia', { postId: post.id, data: PNG.toString('base64'), mimeType: 'image/png', alt: 'Façade du cabinet, rue de Rivoli' });
  await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
  h.clock.advance(MINUTE);
  await h.tick();

  expect(server.statuses).toHaveLength(1);
  const [media] = [...server.media.values()];
  expect(media?.description).toBe('Façade du cabinet, rue de Rivoli');
  expect(media?.bytes.equals(PNG)).toBe(true);
  expect(server.statuses[0]?.mediaIds).toEqual([media?.id]);
});

it('the approved hash covers the images and their alt text: adding an image or changing its alt text changes what a sign-off approves', async () => {
  const h = publishingHarness();
  harness = h;
  const partner = await h.partner();
  const post = await h.call('posts.create', { partnerId: partner.id, networks: ['mastodon'] });
  const bare = (await h.call('signoff.status', { postId: post.id })).currentHash;

  await h.call('publishing.attachMedia', { postId: post.id, data: PNG.toString('base64'), mimeType: 'image/png', alt: 'Le cabinet' });
  const withImage = (await h.call('signoff.status', { postId: post.id })).currentHash;
  expect(withImage).not.toBe(bare);
  await h.call('publishing.setAlt', { postId: post.id, position: 0, alt: 'Le cabinet Arcand' });
  const withAlt = (await h.call('signoff.status', { postId: post.id })).currentHash;
  expect(withAlt).not.toBe(withImage);

  // Approved as it stands now: the approval carries the hash with the image and its alt text.
  await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
  const status = await h.call('signoff.status', { postId: post.id });
  expect(status.approvedHash).toBe(withAlt);
});
