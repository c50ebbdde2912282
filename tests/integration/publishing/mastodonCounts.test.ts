import { afterEach, describe, expect, it } from 'vitest';
import type { PostCheck } from '../../../shared/api/procedures/editorial';
import { docFromParagraphs } from '../../../shared/posts/document';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { publishingHarness } from './harness';
import type { PublishingHarness } from './harness';

let mastodon: MastodonServer | null = null;
let harness: PublishingHarness | null = null;

afterEach(async () => {
  harness?.close();
  harness = null;
  await mastodon?.close();
  mastodon = null;
});

/** A core, a partner with a Mastodon account on a loopback instance allowing `maxCharacters`, and that account tested. */
async function testedOn(maxCharacters: number, charactersReservedPerUrl = 23) {
  const h = publishingHarness();
  harness = h;
  const server = new MastodonServer({ maxCharacters, charactersReservedPerUrl });
  mastodon = server;
  await server.start();
  const partner = await h.partner();
  const account = await h.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });
  const before = await h.call('settings.get', {});
  const test = await h.call('accounts.test', { id: account.id });
  expect(test.outcome).toBe('ok');
  return { h, server, partner, account, before };
}

const overLimit = (check: PostCheck) =>
  check.networks.flatMap((run) => run.result.findings).filter((finding) => finding.messageKey === 'editorial.finding.overLimit');

async function check520(h: PublishingHarness, partnerId: string): Promise<PostCheck> {
  const post = await h.call('posts.create', { partnerId, title: 'Réforme', networks: ['mastodon'], content: docFromParagraphs(['a'.repeat(520)]) });
  return h.call('editorial.checkPost', { postId: post.id });
}

describe('Mastodon counts follow the instance', () => {
  it('a tested Mastodon account stores its instance limits in settings and announces the change', async () => {
    const { h, server, before } = await testedOn(1000, 31);
    expect(before.mastodon).toEqual({ maxCharacters: 500, charactersReservedPerUrl: 23, source: 'default', instanceUrl: null });
    const after = await h.call('settings.get', {});
    expect(after.mastodon).toEqual({ maxCharacters: 1000, charactersReservedPerUrl: 31, source: 'instance', instanceUrl: server.url });
    expect(h.events).toContainEqual({ type: 'settings.changed' });
  });

  it('checkPost flags a 520-character post on a 500-character instance', async () => {
    const { h, partner } = await testedOn(500);
    const found = overLimit(await check520(h, partner.id));
    expect(found).toHaveLength(1);
    expect(found[0]?.params).toMatchObject({ used: 520, limit: 500, over: 20 });
  });

  it('checkPost accepts the same 520-character post on a 1000-character instance', async () => {
    const { h, partner } = await testedOn(1000);
    expect(overLimit(await check520(h, partner.id))).toEqual([]);
  });

  it('the instance’s URL length counts: a post fitting with 23 per URL is over with 100 per URL', async () => {
    const { h, partner } = await testedOn(500, 100);
    const text = `${'a'.repeat(450)} https://exemple.fr/${'b'.repeat(60)}`;
    const post = await h.call('posts.create', { partnerId: partner.id, title: 'Lien', networks: ['mastodon'], content: docFromParagraphs([text]) });
    expect(overLimit(await h.call('editorial.checkPost', { postId: post.id }))[0]?.params).toMatchObject({ used: 551, limit: 500 });
  });

  it('figures typed in Settings replace the instance’s and are marked as typed by hand', async () => {
    const { h, partner } = await testedOn(500);
    const saved = await h.call('settings.update', { mastodon: { maxCharacters: 600, charactersReservedPerUrl: 23 } });
    expect(saved.mastodon).toEqual({ maxCharacters: 600, charactersReservedPerUrl: 23, source: 'manual', instanceUrl: null });
    expect(overLimit(await check520(h, partner.id))).toEqual([]);
  });

  it('an instance that does not answer its limits keeps the previous figures and the test still passes', async () => {
    const { h, server, account } = await testedOn(1000);
    server.failNext({ kind: 'serverError' }, { method: 'GET', path: /^\/api\/v\d\/instance$/, times: 10 });
    const again = await h.call('accounts.test', { id: account.id });
    expect(again.outcome).toBe('ok');
    expect((await h.call('settings.get', {})).mastodon).toMatchObject({ maxCharacters: 1000, source: 'instance' });
  });
});
