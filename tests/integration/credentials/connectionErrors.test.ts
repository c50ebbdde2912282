import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLoopbackListener } from '../../../electron/core/credentials/oauth/loopbackListener';
import { startBlueskyServer } from '../../support/fakes/blueskyServer';
import { startMastodonServer } from '../../support/fakes/mastodonServer';
import { realKeychain, requireSecretService } from '../../support/keyring';
import { credentialCore, partnerInput } from './harness';
import type { CredentialCore } from './harness';

/**
 * What the connection forms are told when the address itself is the problem: a server that is
 * not a Mastodon instance, a port Node's fetch refuses, a text that is no address at all; and
 * the browser tab the sign-in ends on, in the language of Plume's interface.
 */
let t: CredentialCore;
let partnerId: string;

beforeEach(async () => {
  requireSecretService();
  t = credentialCore({ keychain: realKeychain() });
  partnerId = (await t.call('partners.create', partnerInput)).id;
});
afterEach(() => t.close());

describe('Mastodon: an address that is not an instance', () => {
  it('a reachable server that is no Mastodon instance (a Bluesky PDS) is said to be no instance, not an invalid https address', async () => {
    const pds = await startBlueskyServer();
    try {
      const error = await t.error('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: pds.url });
      expect(error.messageKey).toBe('accounts.errors.instance_not_mastodon');
    } finally {
      await pds.close();
    }
  });

  it('a port fetch refuses (http://127.0.0.1:9) is a refused port, not an unexpected answer', async () => {
    const error = await t.error('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: 'http://127.0.0.1:9' });
    expect(error.messageKey).toBe('accounts.errors.port_refused');
  });

  it('a text that is no address gets the address message on its field', async () => {
    const result = await t.raw('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: 'pas une adresse' });
    expect(result.ok ? null : result.error.issues).toEqual([{ path: ['instanceUrl'], messageKey: 'accountForms.errors.mastodonInstance' }]);
  });
});

describe('Bluesky: the server (PDS) field', () => {
  it('a text that is no address gets the address message on its field', async () => {
    const result = await t.raw('accounts.connectBluesky', { partnerId, identifier: 'alice.test', appPassword: 'abcd-efgh-ijkl-mnop', service: 'pas une adresse' });
    expect(result.ok ? null : result.error.issues).toEqual([{ path: ['service'], messageKey: 'accountForms.errors.blueskyService' }]);
  });

  it('a port fetch refuses (http://127.0.0.1:9) is a refused port too', async () => {
    const error = await t.error('accounts.connectBluesky', { partnerId, identifier: 'alice.test', appPassword: 'abcd-efgh-ijkl-mnop', service: 'http://127.0.0.1:9' });
    expect(error.messageKey).toBe('accounts.errors.port_refused');
  });
});

describe('the browser tab the sign-in ends on', () => {
  it('speaks the language the sign-in was started in, only that one, with its <html lang>', async () => {
    const instance = await startMastodonServer();
    try {
      for (const [language, sentence, other] of [
        ['en', 'Account connected to Plume. You can close this tab.', 'Compte connecté'],
        ['fr', 'Compte connecté à Plume. Vous pouvez fermer cet onglet.', 'Account connected'],
      ] as const) {
        const start = await t.call('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: instance.url, language });
        const tab = await fetch(start.authorizationUrl);
        const html = await tab.text();
        expect(html).toContain(`<html lang="${language}">`);
        expect(html).toContain(sentence);
        expect(html).not.toContain(other);
        expect(await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 })).toMatchObject({ status: 'connected' });
      }
    } finally {
      await instance.close();
    }
  });

  it('its failure pages are in that language too', async () => {
    for (const [language, words] of [
      ['fr', ['La connexion a échoué', 'Page introuvable', 'Cette connexion est déjà terminée']],
      ['en', ['Connection failed', 'Page not found', 'This sign-in is already finished']],
    ] as const) {
      const listener = await openLoopbackListener({ timeoutMs: 10_000, language });
      const base = listener.redirectUri;
      const missing = await fetch(new URL('/elsewhere', base));
      expect(missing.status).toBe(404);
      const missingHtml = await missing.text();
      expect(missingHtml).toContain(`<html lang="${language}">`);
      expect(missingHtml).toContain(words[1]);
      const first = fetch(`${base}?error=access_denied&state=x`);
      const callback = await listener.callback;
      // A second redirect while the first is answered: already finished.
      const again = await fetch(`${base}?error=access_denied&state=x`);
      expect(again.status).toBe(410);
      expect(await again.text()).toContain(words[2]);
      callback.respond('failed');
      const failed = await (await first).text();
      expect(failed).toContain(`<html lang="${language}">`);
      expect(failed).toContain(words[0]);
    }
  });
});
