import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A reply token: `plume1.<a|c>.<request id>.<expiry, base 36 ms>.<MAC>`, where MAC is the
 * first 128 bits of HMAC-SHA256 over the request id, the revision hash the request froze,
 * the decision and the expiry. The hash is not in the token (the request holds it), so a
 * token for another revision, another decision or a later expiry never verifies.
 * Only URL- and mail-safe characters: it survives mailto: links, subjects and line wrapping.
 */
export type TokenDecision = 'approve' | 'requestChanges';

export interface TokenClaims {
  requestId: string;
  decision: TokenDecision;
  expiresAt: number;
}

export interface FoundToken extends TokenClaims {
  raw: string;
  mac: string;
}

const CODE: Record<TokenDecision, string> = { approve: 'a', requestChanges: 'c' };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN_PATTERN = new RegExp(`(?<![A-Za-z])plume1\\.([ac])\\.(${UUID})\\.([0-9a-z]{1,12})\\.([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])`, 'g');

function mac(key: Buffer, claims: TokenClaims, revisionHash: string): string {
  const message = ['plume-signoff-token', 'v1', claims.requestId, revisionHash, claims.decision, String(claims.expiresAt)].join('|');
  return createHmac('sha256', key).update(message, 'utf8').digest().subarray(0, 16).toString('base64url');
}

export function signToken(key: Buffer, claims: TokenClaims, revisionHash: string): string {
  return ['plume1', CODE[claims.decision], claims.requestId, claims.expiresAt.toString(36), mac(key, claims, revisionHash)].join('.');
}

/** Every well-formed token in a text, in order of appearance (duplicates kept once). */
export function findTokens(text: string): FoundToken[] {
  const found = new Map<string, FoundToken>();
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const [raw, code, requestId, expiry, tokenMac] = match;
    const expiresAt = Number.parseInt(expiry ?? '', 36);
    if (requestId === undefined || tokenMac === undefined || !Number.isSafeInteger(expiresAt)) continue;
    found.set(raw, { raw, requestId, decision: code === 'a' ? 'approve' : 'requestChanges', expiresAt, mac: tokenMac });
  }
  return [...found.values()];
}

/** Constant-time check of the MAC against the request's revision hash. */
export function verifyToken(key: Buffer, token: FoundToken, revisionHash: string): boolean {
  const expected = Buffer.from(mac(key, token, revisionHash), 'base64url');
  const given = Buffer.from(token.mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What the used-token table stores: a digest, so the table never holds a usable token. */
export const tokenDigest = (token: FoundToken): string => createHash('sha256').update(token.raw).digest('hex');
