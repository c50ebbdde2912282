import { SIGNATURE_SIZE, containmentEstimate, estimateContainment, estimateJaccard } from './minhash';
import type { Signature } from './minhash';
import { normalizeForSimilarity } from './normalize';
import { overlap, shingleSet } from './shingles';
import type { Overlap } from './shingles';
import { SIMILARITY_THRESHOLDS } from './thresholds';

export interface Candidate {
  id: string;
  signature: Signature;
}

export interface RankedCandidate {
  id: string;
  estimatedJaccard: number;
  estimatedContainment: number;
}

/** Posts whose MinHash estimate makes them worth an exact comparison, closest first. */
export function rankCandidates(draft: Signature, candidates: Iterable<Candidate>, limit: number = SIMILARITY_THRESHOLDS.topCandidates): RankedCandidate[] {
  const ranked: RankedCandidate[] = [];
  for (const candidate of candidates) {
    const jaccard = estimateJaccard(draft, candidate.signature);
    const containment = estimateContainment(draft, candidate.signature, jaccard);
    if (jaccard < SIMILARITY_THRESHOLDS.candidateJaccard && containment < SIMILARITY_THRESHOLDS.candidateContainment) continue;
    ranked.push({ id: candidate.id, estimatedJaccard: jaccard, estimatedContainment: containment });
  }
  return best(ranked, limit);
}

/** Signatures side by side: entry `slot` has its size at sizes[slot] and its mins at mins[slot * SIGNATURE_SIZE …]. */
export interface SignatureArena {
  readonly mins: Uint32Array;
  readonly sizes: Uint32Array;
}

/**
 * The same ranking as `rankCandidates`, over signatures kept in an arena: no object per
 * candidate, and the slot loop reads one typed array (the hot loop of a check at 100,000 posts).
 */
export function rankArenaCandidates(
  draft: Signature,
  arena: SignatureArena,
  ids: readonly string[],
  slots: readonly number[],
  limit: number = SIMILARITY_THRESHOLDS.topCandidates,
): RankedCandidate[] {
  const ranked: RankedCandidate[] = [];
  if (draft.size === 0) return ranked;
  const x = draft.mins;
  const { mins, sizes } = arena;
  for (let c = 0; c < ids.length; c++) {
    const slot = slots[c] ?? 0;
    const size = sizes[slot] ?? 0;
    if (size === 0) continue; // estimateJaccard is 0, and so is the containment: never a candidate
    const base = slot * SIGNATURE_SIZE;
    let equal = 0;
    // Four slots a step (SIGNATURE_SIZE is a multiple of 4): ~1.5× faster than one.
    for (let i = 0; i < SIGNATURE_SIZE; i += 4) {
      if (x[i] === mins[base + i]) equal++;
      if (x[i + 1] === mins[base + i + 1]) equal++;
      if (x[i + 2] === mins[base + i + 2]) equal++;
      if (x[i + 3] === mins[base + i + 3]) equal++;
    }
    const jaccard = equal / SIGNATURE_SIZE;
    const containment = containmentEstimate(draft.size, size, jaccard);
    if (jaccard < SIMILARITY_THRESHOLDS.candidateJaccard && containment < SIMILARITY_THRESHOLDS.candidateContainment) continue;
    ranked.push({ id: ids[c] ?? '', estimatedJaccard: jaccard, estimatedContainment: containment });
  }
  return best(ranked, limit);
}

/** How a candidate ranks (the higher, the sooner compared exactly). */
export const candidateScore = (c: Pick<RankedCandidate, 'estimatedJaccard' | 'estimatedContainment'>): number => Math.max(c.estimatedJaccard, c.estimatedContainment * 0.8);

function best(ranked: RankedCandidate[], limit: number): RankedCandidate[] {
  return ranked.sort((a, b) => candidateScore(b) - candidateScore(a) || a.id.localeCompare(b.id)).slice(0, limit);
}

export type SimilarityLevel = 'none' | 'warn' | 'strong';

export function levelOf(pair: Overlap): SimilarityLevel {
  const t = SIMILARITY_THRESHOLDS;
  if (pair.jaccard >= t.strongJaccard) return 'strong';
  if (pair.jaccard >= t.warnJaccard) return 'warn';
  if (pair.containment >= t.warnContainment && pair.smallerSize >= t.containmentMinShingles) return 'warn';
  return 'none';
}

export interface Confirmed extends Overlap {
  level: SimilarityLevel;
}

/** Exact comparison of two texts (the draft first). */
export function confirmPair(draftShingles: ReadonlySet<number>, otherText: string): Confirmed {
  return confirmShingles(draftShingles, shingleSet(normalizeForSimilarity(otherText)));
}

/** The same verdict from both sides' shingles (the calendar's pair search shingles each post once). */
export function confirmShingles(draftShingles: ReadonlySet<number>, otherShingles: ReadonlySet<number>): Confirmed {
  const pair = overlap(draftShingles, otherShingles);
  return { ...pair, level: levelOf(pair) };
}

export const shinglesOf = (text: string): Set<number> => shingleSet(normalizeForSimilarity(text));
