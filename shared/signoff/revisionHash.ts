import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../posts/canonicalJson';
import type { Network } from '../posts/networks';

/**
 * What a sign-off approves: every network's final text, the media and the target accounts.
 * The approval belongs to the SHA-256 of its canonical form, so any change anywhere — one
 * character of one network's text, an image, an account — gives another hash.
 */
export interface SignoffContent {
  texts: Partial<Record<Network, string>>;
  /** Content hashes of attached media with their alt text, in order. */
  media: { sha256: string; alt: string }[];
  /** Target account ids per network. */
  accounts: Partial<Record<Network, string>>;
  /** Thread parts per network (issue 16); absent or empty: none, and the hash is as before. */
  threads?: Partial<Record<Network, string[]>> | undefined;
  /** First comment per network (issue 16); absent or empty: none. */
  firstComments?: Partial<Record<Network, string>> | undefined;
}

/** Unicode NFC, so the same visible text typed two ways hashes the same. */
const normalise = (text: string) => text.normalize('NFC');

export function canonicalSignoffContent(content: SignoffContent): string {
  const texts = Object.fromEntries(
    Object.entries(content.texts)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([network, text]) => [network, normalise(text)]),
  );
  const threads = Object.fromEntries(
    Object.entries(content.threads ?? {})
      .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0)
      .map(([network, parts]) => [network, parts.map(normalise)]),
  );
  const firstComments = Object.fromEntries(
    Object.entries(content.firstComments ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0)
      .map(([network, text]) => [network, normalise(text)]),
  );
  return canonicalJson({
    v: 1,
    texts,
    media: content.media.map((m) => ({ sha256: m.sha256, alt: normalise(m.alt) })),
    accounts: content.accounts,
    // Only when present, so every approval made before threads existed keeps its hash.
    ...(Object.keys(threads).length > 0 ? { threads } : {}),
    ...(Object.keys(firstComments).length > 0 ? { firstComments } : {}),
  });
}

export function revisionHash(content: SignoffContent): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalSignoffContent(content))));
}
