import { estimateContainment, estimateJaccard } from './minhash';
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
  const score = (c: RankedCandidate) => Math.max(c.estimatedJaccard, c.estimatedContainment * 0.8);
  return ranked.sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id)).slice(0, limit);
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
  const pair = overlap(draftShingles, shingleSet(normalizeForSimilarity(otherText)));
  return { ...pair, level: levelOf(pair) };
}

export const shinglesOf = (text: string): Set<number> => shingleSet(normalizeForSimilarity(text));
