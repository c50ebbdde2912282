import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The record key of a job's Bluesky post, derived from the job alone so a retry or a crash
 * reconciliation names the same record: `getRecord` finds an accepted post, and a second
 * `createRecord` at that key cannot make a duplicate.
 *
 * It is TID-shaped (atproto.com/specs/tid), as the `app.bsky.feed.post` lexicon asks
 * (`"key": "tid"`; the AppView skips posts under other keys): 53 bits of microseconds then a
 * 10-bit clock id. The time is the job's (`atMs`) to the second; the microseconds within that
 * second and the clock id come from SHA-256 of the idempotency key: about 2^30 keys per
 * second, so even a thousand jobs of one account in the same second would not collide
 * (odds about 1 in 2,000).
 */
const alphabet = '234567abcdefghijklmnopqrstuvwxyz';

export const tidPattern = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export function blueskyRecordKey(idempotencyKey: string, atMs: number): string {
  const hash = sha256(utf8ToBytes(idempotencyKey));
  const byte = (index: number): number => hash[index] ?? 0;
  const withinSecond = (((byte(0) << 16) | (byte(1) << 8) | byte(2)) >>> 0) % 1_000_000;
  const clockId = ((byte(3) << 8) | byte(4)) & 0x3ff;
  const micros = BigInt(Math.floor(atMs / 1000)) * 1_000_000n + BigInt(withinSecond);
  let value = (micros << 10n) | BigInt(clockId);
  let key = '';
  for (let i = 0; i < 13; i += 1) {
    key = (alphabet[Number(value & 31n)] ?? '2') + key;
    value >>= 5n;
  }
  return key;
}

/** The microseconds a TID encodes (for tests and diagnostics). */
export function tidMicros(tid: string): bigint {
  let value = 0n;
  for (const char of tid) value = (value << 5n) | BigInt(alphabet.indexOf(char));
  return value >> 10n;
}
