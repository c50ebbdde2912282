import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialFailure } from '../../../electron/core/credentials/failure';
import { graphWhoami } from '../../../electron/core/credentials/whoami/graph';
import { linkedinWhoami } from '../../../electron/core/credentials/whoami/linkedin';
import { xWhoami } from '../../../electron/core/credentials/whoami/x';
import { bearer, closedPort, sendJson, startLoopbackServer } from '../../support/loopbackServer';
import type { LoopbackServer } from '../../support/loopbackServer';

/**
 * The who-am-I clients of LinkedIn, X and Meta's Graph (the code that talks to the real
 * networks) against a loopback server answering those endpoints' payloads and error bodies.
 * No keychain needed: these calls take a token.
 */
const GOOD = 'good-access-token';
const EXPIRED = 'expired-access-token';
const LIMITED = 'rate-limited-token';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((request, res) => {
    const token = bearer(request);
    if (token === LIMITED) return sendJson(res, 429, { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 });
    switch (request.path) {
      // https://learn.microsoft.com/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
      case '/v2/userinfo':
        if (token !== GOOD) return sendJson(res, 401, { serviceErrorCode: 65600, message: 'Invalid access token', status: 401 });
        return sendJson(res, 200, {
          sub: '782bbtaQ',
          name: 'Claire Dupont',
          given_name: 'Claire',
          family_name: 'Dupont',
          picture: 'https://media.licdn.com/dms/image/claire.jpg',
          locale: 'fr_FR',
          email: 'claire@example.org',
          email_verified: true,
        });
      // https://docs.x.com/x-api/users/user-lookup-me
      case '/2/users/me':
        if (token !== GOOD) return sendJson(res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
        return sendJson(res, 200, { data: { id: '2244994945', name: 'Claire Dupont', username: 'ClaireDupont', profile_image_url: 'https://pbs.twimg.com/profile_images/claire_normal.jpg' } });
      // Graph API errors: https://developers.facebook.com/docs/graph-api/guides/error-handling
      case '/v1.0/me':
      case '/me': {
        if (token === EXPIRED) {
          return sendJson(res, 400, {
            error: { message: 'Error validating access token: Session has expired.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'AbCdEf' },
          });
        }
        if (token !== GOOD) {
          return sendJson(res, 400, { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190, fbtrace_id: 'AbCdEf' } });
        }
        const fields = request.query.get('fields') ?? '';
        if (fields.includes('threads_profile_picture_url')) {
          return sendJson(res, 200, { id: '1234567890', username: 'claire.dupont', name: 'Claire Dupont', threads_profile_picture_url: 'https://scontent.cdninstagram.com/claire.jpg' });
        }
        if (fields.includes('profile_picture_url')) {
          return sendJson(res, 200, { user_id: '17841400000000000', username: 'cabinet.arcand', name: 'Cabinet Arcand', profile_picture_url: 'https://scontent.cdninstagram.com/arcand.jpg', id: '7000000000' });
        }
        return sendJson(res, 200, { id: '102030405060', name: 'Cabinet Arcand', picture: { data: { height: 50, is_silhouette: false, url: 'https://scontent.xx.fbcdn.net/arcand.jpg', width: 50 } } });
      }
      default:
        return sendJson(res, 404, { error: 'not found' });
    }
  });
});
afterAll(() => server.close());

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CredentialFailure) return error.code;
    throw error;
  }
  throw new Error('expected a failure');
};

describe('who-am-I of LinkedIn, X and Meta Graph', () => {
  it('LinkedIn GET /v2/userinfo: name and picture; a bad token is token_revoked', async () => {
    expect(await linkedinWhoami(`${server.url}/v2/userinfo`, GOOD)).toEqual({
      externalId: '782bbtaQ',
      handle: 'Claire Dupont',
      displayName: 'Claire Dupont',
      avatarUrl: 'https://media.licdn.com/dms/image/claire.jpg',
    });
    expect(await failure(linkedinWhoami(`${server.url}/v2/userinfo`, 'revoked'))).toBe('token_revoked');
  });

  it('X GET /2/users/me: @username and avatar; 401 is token_revoked, 429 rate_limited', async () => {
    const url = `${server.url}/2/users/me?user.fields=profile_image_url`;
    expect(await xWhoami(url, GOOD)).toEqual({
      externalId: '2244994945',
      handle: '@ClaireDupont',
      displayName: 'Claire Dupont',
      avatarUrl: 'https://pbs.twimg.com/profile_images/claire_normal.jpg',
    });
    expect(await failure(xWhoami(url, 'revoked'))).toBe('token_revoked');
    expect(await failure(xWhoami(url, LIMITED))).toBe('rate_limited');
  });

  it('Graph `me` for a Facebook Page, Instagram and Threads; code 190 is revoked, subcode 463 expired', async () => {
    expect(await graphWhoami('facebook', `${server.url}/me?fields=id,name,picture`, GOOD)).toMatchObject({
      externalId: '102030405060',
      handle: 'Cabinet Arcand',
      avatarUrl: 'https://scontent.xx.fbcdn.net/arcand.jpg',
    });
    expect(await graphWhoami('instagram', `${server.url}/me?fields=user_id,username,name,profile_picture_url`, GOOD)).toMatchObject({
      externalId: '17841400000000000',
      handle: '@cabinet.arcand',
    });
    expect(await graphWhoami('threads', `${server.url}/v1.0/me?fields=id,username,name,threads_profile_picture_url`, GOOD)).toMatchObject({
      externalId: '1234567890',
      handle: '@claire.dupont',
      avatarUrl: 'https://scontent.cdninstagram.com/claire.jpg',
    });
    expect(await failure(graphWhoami('facebook', `${server.url}/me?fields=id,name,picture`, 'garbage'))).toBe('token_revoked');
    expect(await failure(graphWhoami('facebook', `${server.url}/me?fields=id,name,picture`, EXPIRED))).toBe('token_expired');
  });

  it('an unreachable network is network_unreachable; plain http off this machine is refused', async () => {
    expect(await failure(xWhoami(`http://127.0.0.1:${await closedPort()}/2/users/me`, GOOD))).toBe('network_unreachable');
    expect(await failure(xWhoami('http://api.x.example/2/users/me', GOOD))).toBe('instance_invalid');
  });
});
