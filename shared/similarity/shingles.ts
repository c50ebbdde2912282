import { fnv1a } from './hashing';

/** Character n-gram length: long enough to carry word order, short enough to survive small edits. */
export const SHINGLE_LENGTH = 5;

/** The set of hashed character 5-grams of a normalised text (a text shorter than 5 gives itself). */
export function shingleSet(normalized: string): Set<number> {
  const set = new Set<number>();
  if (normalized.length === 0) return set;
  if (normalized.length < SHINGLE_LENGTH) {
    set.add(fnv1a(normalized, 0, normalized.length));
    return set;
  }
  for (let i = 0; i + SHINGLE_LENGTH <= normalized.length; i++) set.add(fnv1a(normalized, i, i + SHINGLE_LENGTH));
  return set;
}

export interface Overlap {
  jaccard: number;
  /** Shared shingles over the smaller set: how much of the shorter text the longer one contains. */
  containment: number;
  /** Shared shingles over the first set: how much of the draft is found in the other post. */
  shareOfFirst: number;
  smallerSize: number;
}

export function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): Overlap {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  const union = a.size + b.size - shared;
  return {
    jaccard: union === 0 ? 0 : shared / union,
    containment: small.size === 0 ? 0 : shared / small.size,
    shareOfFirst: a.size === 0 ? 0 : shared / a.size,
    smallerSize: small.size,
  };
}
