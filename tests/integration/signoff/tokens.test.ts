import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findTokens, signToken, tokenDigest, verifyToken } from '../../../electron/core/signoff/tokens';

const key = randomBytes(32);
const claims = { requestId: '0b8f6c1e-3f7a-4d2b-9c1e-5a6b7c8d9e0f', decision: 'approve' as const, expiresAt: Date.UTC(2026, 11, 1) };
const HASH = 'a'.repeat(64);

describe('reply tokens', () => {
  it('a signed token is found in a reply’s text and verifies against the request’s revision hash', () => {
    const token = signToken(key, claims, HASH);
    const [found] = findTokens(`Je valide.\n\nRéf. (ne pas modifier) : ${token}\n`);
    expect(found).toMatchObject({ raw: token, ...claims });
    expect(found && verifyToken(key, found, HASH)).toBe(true);
  });

  it('does not verify for another revision, another key, another decision or a later expiry', () => {
    const token = signToken(key, claims, HASH);
    const [found] = findTokens(token);
    if (!found) throw new Error('token not found');
    expect(verifyToken(key, found, 'b'.repeat(64))).toBe(false);
    expect(verifyToken(randomBytes(32), found, HASH)).toBe(false);
    const [flipped] = findTokens(token.replace('plume1.a.', 'plume1.c.'));
    expect(flipped && verifyToken(key, flipped, HASH)).toBe(false);
    const later = token.replace(`.${claims.expiresAt.toString(36)}.`, `.${(claims.expiresAt + 86_400_000).toString(36)}.`);
    const [extended] = findTokens(later);
    expect(extended && verifyToken(key, extended, HASH)).toBe(false);
  });

  it('survives a subject in brackets and a mail client’s line wrapping, and is found once however often quoted', () => {
    const token = signToken(key, claims, HASH);
    expect(findTokens(`Je valide : « Titre » [${token}]`)).toHaveLength(1);
    expect(findTokens(`${token}\n> ${token}\n>> ${token}`)).toHaveLength(1);
  });

  it('is not found inside a longer word, and a truncated MAC is not a token', () => {
    const token = signToken(key, claims, HASH);
    expect(findTokens(`xplume1${token.slice(6)}`)).toHaveLength(0);
    expect(findTokens(token.slice(0, -1))).toHaveLength(0);
  });

  it('the used-token table keeps a digest, never the token', () => {
    const token = signToken(key, claims, HASH);
    const [found] = findTokens(token);
    if (!found) throw new Error('token not found');
    expect(tokenDigest(found)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenDigest(found)).not.toContain(found.mac);
  });
});
