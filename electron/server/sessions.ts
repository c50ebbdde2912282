import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from './security';

/** A browser session lasts this long without a new link. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Links one launch accepts at most: each opens one session, so sessions stay bounded. */
export const MAX_LINKS_PER_LAUNCH = 200;

const mac = (secret: string, purpose: string, payload: string) =>
  createHmac('sha256', secret).update(`${purpose}:${payload}`).digest('base64url');

const randomId = () => randomBytes(16).toString('base64url');

/**
 * A launch link's token is `launchId.nonce.mac`: signed with the workspace secret, valid only
 * for this launch, and single-use (the nonce is remembered once exchanged). Whoever can read the
 * workspace's secret file can mint one, like whoever can read the workspace itself.
 */
export function mintLinkToken(secret: string, launchId: string, nonce = randomId()): string {
  return `${launchId}.${nonce}.${mac(secret, 'link', `${launchId}.${nonce}`)}`;
}

/** A session cookie is `issuedAt.id.mac`: no server state, so it outlives a restart on the same secret. */
export function mintSessionCookie(secret: string, issuedAt: number): string {
  const payload = `${issuedAt}.${randomId()}`;
  return `${payload}.${mac(secret, 'session', payload)}`;
}

export function sessionValid(secret: string, cookie: string, now: number): boolean {
  const parts = cookie.split('.');
  if (parts.length !== 3) return false;
  const [issued, id, signature] = parts as [string, string, string];
  if (!/^\d{1,15}$/.test(issued) || !sameSecret(signature, mac(secret, 'session', `${issued}.${id}`))) return false;
  const issuedAt = Number(issued);
  return issuedAt <= now + 60_000 && now - issuedAt < SESSION_LIFETIME_MS;
}

export type LinkVerdict = 'ok' | 'invalid' | 'used' | 'other_launch' | 'exhausted';

/** The per-launch side of links: which nonces were already exchanged. */
export class LaunchLinks {
  readonly launchId = randomId();
  private readonly used = new Set<string>();

  constructor(private readonly secret: string) {}

  mint(): string {
    return mintLinkToken(this.secret, this.launchId);
  }

  /** Checks a link token and, when it is good, consumes it. */
  exchange(token: string): LinkVerdict {
    const parts = token.split('.');
    if (parts.length !== 3) return 'invalid';
    const [launchId, nonce, signature] = parts as [string, string, string];
    if (!sameSecret(signature, mac(this.secret, 'link', `${launchId}.${nonce}`))) return 'invalid';
    if (launchId !== this.launchId) return 'other_launch';
    if (this.used.has(nonce)) return 'used';
    if (this.used.size >= MAX_LINKS_PER_LAUNCH) return 'exhausted';
    this.used.add(nonce);
    return 'ok';
  }
}
