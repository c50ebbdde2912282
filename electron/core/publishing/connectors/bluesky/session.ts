import type { AtpAgent, AtpSessionData } from '@atproto/api';
import { atproto } from '../../../bluesky/atproto';
import type { BlueskySessionData, PublishCredentials } from '../../../../../shared/publishing/port';
import { fail, invalidRequest } from '../http/publishFailure';
import type { ConnectorEnvironment } from '../port';
import { blueskyError } from './errors';

export interface BlueskySignIn {
  agent: AtpAgent;
  did: string;
  handle: string;
  /** The session the agent ended with, if it differs from the one we were given. */
  rotated(): BlueskySessionData | undefined;
}

/** The agent's fetch, bounded by our time-out (the agent passes a Request and no init). */
function timedFetch(env: ConnectorEnvironment): typeof globalThis.fetch {
  return (input, init) => {
    const own = input instanceof Request ? input.signal : init?.signal;
    const timeout = AbortSignal.timeout(env.timeoutMs);
    return env.fetch(input, { ...init, signal: own === undefined || own === null ? timeout : AbortSignal.any([own, timeout]) });
  };
}

const toSessionData = (session: AtpSessionData): BlueskySessionData => ({
  accessJwt: session.accessJwt,
  refreshJwt: session.refreshJwt,
  did: session.did,
  handle: session.handle,
  active: session.active,
});

const isAuthFailure = (error: unknown, now: number): boolean => blueskyError(error, now, false)?.kind === 'auth';

/**
 * An agent signed in as the account: the stored session when it still works (resuming it
 * refreshes it), else a new session from the app password, as the official apps do. Only a
 * refused app password is an `auth` failure. The agent also refreshes an expired access
 * token by itself during later calls; `rotated()` reports the session to keep.
 */
export async function signIn(env: ConnectorEnvironment, service: URL, credentials: PublishCredentials): Promise<BlueskySignIn> {
  if (credentials.kind !== 'bluesky') return invalidRequest('Bluesky needs an identifier and an app password');
  let latest: AtpSessionData | undefined;
  const { AtpAgent } = await atproto();
  const agent = new AtpAgent({
    service,
    fetch: timedFetch(env),
    persistSession: (_event, session) => {
      if (session !== undefined) latest = session;
    },
  });
  const now = env.clock.now();
  let signedIn = false;
  if (credentials.session !== undefined) {
    try {
      await agent.resumeSession({ ...credentials.session });
      signedIn = true;
    } catch (error) {
      if (!isAuthFailure(error, now)) fail(blueskyError(error, now, false) ?? { kind: 'retryable', status: 0, networkMessage: String(error) });
    }
  }
  if (!signedIn) {
    try {
      await agent.login({ identifier: credentials.identifier, password: credentials.appPassword });
    } catch (error) {
      fail(blueskyError(error, now, false) ?? { kind: 'retryable', status: 0, networkMessage: String(error) });
    }
  }
  const session = agent.session;
  if (session === undefined) return fail({ kind: 'auth', status: 401, networkMessage: 'No Bluesky session after signing in' });
  const given = credentials.session;
  return {
    agent,
    did: session.did,
    handle: session.handle,
    rotated: () => {
      const current = latest ?? agent.session;
      if (current === undefined) return undefined;
      return given !== undefined && given.accessJwt === current.accessJwt && given.refreshJwt === current.refreshJwt ? undefined : toSessionData(current);
    },
  };
}
