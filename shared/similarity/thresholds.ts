/**
 * Where a pair becomes a finding. Measured on the evaluation corpus (bench/similarityEval.ts,
 * README « Near-duplicate guard »): these values keep L1 and L2 recall above goal with no false
 * positive among distinct posts.
 */
export const SIMILARITY_THRESHOLDS = {
  /** Exact Jaccard over character 5-grams from which a pair is flagged. */
  warnJaccard: 0.4,
  /** …or containment of the shorter text in the longer one, when the shorter is long enough. */
  warnContainment: 0.7,
  /** Distinct shingles the shorter text needs before containment alone can flag it (about 25 words). */
  containmentMinShingles: 120,
  /** A pair this close is called « strong ». */
  strongJaccard: 0.6,
  /** MinHash estimates that make a post a candidate for the exact comparison (looser than the warn levels). */
  candidateJaccard: 0.2,
  candidateContainment: 0.45,
  /** Candidates compared exactly, best first. */
  topCandidates: 5,
} as const;
