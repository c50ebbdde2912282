import type { AtpAgent, AtpSessionData } from '@atproto/api';
import { atproto, isXrpcError } from '../../bluesky/atproto';
import { z } from 'zod';
import type { Revocation } from '../../../../shared/credentials/account';
import type { CredentialErrorCode } from '../../../../shared/credentials/errors';
import { CredentialFailure, isRefusedPort, isUnreachable } from '../failure';
import { safeServiceUrl } from '../oauth/loopbackUrl';
import { BlueskySession } from '../secretBundles';
import type { BlueskySecret } from '../secretBundles';
import { avatarUrl } from './identity';
import type { Identity } from './identity';

export const DEFAULT_BLUESKY_SERVICE = 'https://bsky.social';

export interface BlueskyCheck {
  identity: Identity;
  /** The session to keep for next time (rotated by every refresh). */
  session: BlueskySession;
}

/** com.atproto.server.getSession and app.bsky.actor.getProfile, parsed like any reply. */
const SessionInfo = z.object({ did: z.string().min(1), handle: z.string() });
const Profile = z.object({
  did: z.string().min(1),
  handle: z.string(),
  displayName: z.string().optional(),
  avatar: z.string().optional(),
});

/**
 * XRPC errors (https://atproto.com/specs/xrpc#error-responses): createSession answers 401
 * {"error":"AuthenticationRequired","message":"Invalid identifier or password"} for a wrong or
 * revoked app password; refreshSession 400 ExpiredToken / InvalidToken for a dead session.
 */
function blueskyCode(error: unknown, login: boolean): CredentialErrorCode {
  if (error instanceof CredentialFailure) return error.code;
  if (isRefusedPort(error)) return 'port_refused';
  if (isUnreachable(error)) return 'network_unreachable';
  if (isXrpcError(error)) {
    // ResponseType is a numeric enum of HTTP statuses; 1 means no answer at all.
    const status: number = error.status;
    if (status === 1) return 'network_unreachable';
    if (status === 429) return 'rate_limited';
    if (status >= 500) return 'server_error';
    if (error.error === 'AuthenticationRequired' || error.error === 'AuthFactorTokenRequired') return login ? 'wrong_password' : 'token_revoked';
    if (error.error === 'AccountTakedown' || error.error === 'AccountDeactivated') return 'reauth_required';
    if (error.error === 'ExpiredToken' || error.error === 'InvalidToken' || status === 401) return 'token_revoked';
  }
  return 'unexpected_response';
}

function serviceUrl(service: string): URL {
  const url = safeServiceUrl(service);
  if (url === null) throw new CredentialFailure('instance_invalid');
  return url;
}

/** An agent that reports the session it ends up with (login or refresh both rotate it). */
async function agentFor(service: string): Promise<{ agent: AtpAgent; current: () => AtpSessionData | undefined }> {
  let latest: AtpSessionData | undefined;
  const { AtpAgent } = await atproto();
  const agent = new AtpAgent({
    service: serviceUrl(service),
    persistSession: (_event, session) => {
      latest = session;
    },
  });
  return { agent, current: () => latest ?? agent.session };
}

async function identify(agent: AtpAgent, session: AtpSessionData | undefined): Promise<BlueskyCheck> {
  const info = SessionInfo.parse((await agent.com.atproto.server.getSession()).data);
  const profile = Profile.parse((await agent.app.bsky.actor.getProfile({ actor: info.did })).data);
  const kept = BlueskySession.safeParse(session);
  if (!kept.success) throw new CredentialFailure('unexpected_response');
  return {
    identity: {
      externalId: profile.did,
      handle: `@${profile.handle}`,
      displayName: profile.displayName ?? profile.handle,
      avatarUrl: avatarUrl(profile.avatar),
    },
    session: kept.data,
  };
}

/** createSession with the app password, then who-am-I. */
export async function blueskyLogin(service: string, identifier: string, appPassword: string): Promise<BlueskyCheck> {
  const { agent, current } = await agentFor(service);
  try {
    await agent.login({ identifier, password: appPassword });
  } catch (error) {
    throw new CredentialFailure(blueskyCode(error, true));
  }
  try {
    return await identify(agent, current());
  } catch (error) {
    throw new CredentialFailure(blueskyCode(error, false));
  }
}

/**
 * Resumes the stored session (refreshSession rotates it); if the network refuses it, signs in
 * again with the app password, as the official clients do. A refused app password is
 * `wrong_password`: it was revoked or changed in Bluesky's settings.
 */
export async function blueskyCheck(service: string, secret: BlueskySecret): Promise<BlueskyCheck> {
  if (secret.session !== undefined) {
    const { agent, current } = await agentFor(service);
    try {
      await agent.resumeSession({ ...secret.session, active: secret.session.active });
      return await identify(agent, current());
    } catch (error) {
      const code = blueskyCode(error, false);
      if (code !== 'token_revoked') throw new CredentialFailure(code);
    }
  }
  return blueskyLogin(service, secret.session?.handle || secret.identifier, secret.appPassword);
}

/** com.atproto.server.deleteSession with the refresh token: the session ends on the server. */
export async function blueskyLogout(service: string, session: BlueskySession | undefined): Promise<Revocation> {
  if (session === undefined) return 'not_supported';
  const { agent } = await agentFor(service);
  try {
    await agent.com.atproto.server.deleteSession(undefined, { headers: { authorization: `Bearer ${session.refreshJwt}` } });
    return 'revoked';
  } catch (error) {
    const code = blueskyCode(error, false);
    // A session the server no longer knows is as good as revoked.
    if (code === 'token_revoked') return 'revoked';
    return code === 'network_unreachable' ? 'offline' : 'failed';
  }
}
