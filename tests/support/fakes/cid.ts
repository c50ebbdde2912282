import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31] ?? '';
  return out;
}

/** A real CIDv1 (sha2-256, base32 multibase) so the SDK's lexicon checks accept the fake's replies. */
export function cidFor(bytes: Uint8Array, codec: 'raw' | 'dag-cbor'): string {
  const digest = createHash('sha256').update(bytes).digest();
  const prefix = Uint8Array.from([0x01, codec === 'raw' ? 0x55 : 0x71, 0x12, 0x20]);
  return `b${base32(Uint8Array.from([...prefix, ...digest]))}`;
}
