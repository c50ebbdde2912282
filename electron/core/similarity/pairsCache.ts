import type { Database } from 'better-sqlite3';
import { containmentEstimate, estimateJaccard } from '../../../shared/similarity/minhash';
import type { Signature } from '../../../shared/similarity/minhash';
import { candidateScore } from '../../../shared/similarity/check';
import type { SimilarityLevel } from '../../../shared/similarity/check';
import { SIMILARITY_THRESHOLDS } from '../../../shared/similarity/thresholds';

/** One post's finding against another partner's post, as the exact comparison gave it. */
export interface KeptMatch {
  otherId: string;
  level: Exclude<SimilarityLevel, 'none'>;
  jaccard: number;
  sharePercent: number;
}

/** What a post's search found, and what it depended on. */
export interface KeptSearch {
  /** The post as searched (date, partner, signature): another one is a miss. */
  fingerprint: string;
  signature: Signature;
  at: number;
  partnerId: string;
  /**
   * The score a newcomer must reach to enter the ranked candidates: the last one's when they
   * are as many as are compared, else 0 (any candidate enters).
   */
  entryScore: number;
  /** The candidates compared exactly: a change to one of them changes the finding. */
  ranked: readonly string[];
  /** Closest first, as `check` orders them. */
  matches: readonly KeptMatch[];
}

/** Past this many posts kept (~0.6 KB each) the cache starts over. */
const MAX_KEPT = 30_000;

/**
 * Each post's near-duplicate findings (the calendar's pairs), kept once searched so a range
 * shown again, or after a move, is read instead of ranked again. A post's finding is its top
 * candidates among the other partners' posts of its window, compared exactly; it changes only
 * when (a) the post itself changes, (b) one of its top candidates changes, or (c) a changed
 * post, in its window and of another partner, now passes the candidate thresholds against it
 * (the MinHash estimates are symmetric) with a score that enters its top candidates.
 * (a) and (b) drop the finding at once on `touch`; (c) is tested when the touched post's
 * current signature is known (`dropNewCandidates`). Dismissals are applied when read, never kept.
 * One cache per open database, like the signature store.
 */
export class PairsCache {
  private readonly kept = new Map<string, KeptSearch>();
  /** Candidate id → posts whose `ranked` holds it. */
  private readonly rankedBy = new Map<string, Set<string>>();
  private readonly touched = new Set<string>();
  private span = -1;
  /** Bumped at each change: a search re-reads the posts around its range after one. */
  generation = 0;
  /** Posts searched (not read from the cache) since the database was opened. */
  searched = 0;

  get(postId: string, fingerprint: string): KeptSearch | null {
    const kept = this.kept.get(postId);
    return kept && kept.fingerprint === fingerprint ? kept : null;
  }

  put(postId: string, search: KeptSearch): void {
    this.searched += 1;
    if (this.kept.size >= MAX_KEPT) this.clear();
    this.drop(postId);
    this.kept.set(postId, search);
    for (const id of search.ranked) {
      const rankers = this.rankedBy.get(id) ?? new Set<string>();
      rankers.add(postId);
      this.rankedBy.set(id, rankers);
    }
  }

  /** The firm's window (ms either side): findings made with another one are all dropped. */
  useSpan(span: number): void {
    if (span === this.span) return;
    this.clear();
    this.span = span;
  }

  /** A post was saved, moved, deleted or changed status: its finding and those it ranked in go. */
  touch(postId: string): void {
    this.generation += 1;
    this.touched.add(postId);
    this.drop(postId);
    for (const ranker of [...(this.rankedBy.get(postId) ?? [])]) this.drop(ranker);
    this.rankedBy.delete(postId);
  }

  /** Posts touched since the last call: their current signature is to be tested (case c). */
  takeTouched(): string[] {
    const ids = [...this.touched];
    this.touched.clear();
    return ids;
  }

  /** Drops the findings of the posts whose top candidates a changed post (as it is now) enters. */
  dropNewCandidates(postId: string, now: { signature: Signature; at: number; partnerId: string } | null): void {
    if (!now || now.signature.size === 0) return;
    const t = SIMILARITY_THRESHOLDS;
    for (const [id, kept] of [...this.kept]) {
      if (id === postId || kept.partnerId === now.partnerId || Math.abs(kept.at - now.at) > this.span) continue;
      const jaccard = estimateJaccard(kept.signature, now.signature);
      const containment = containmentEstimate(kept.signature.size, now.signature.size, jaccard);
      if (jaccard < t.candidateJaccard && containment < t.candidateContainment) continue;
      // A tie is ordered by id: dropped too, rather than ranked again here.
      if (candidateScore({ estimatedJaccard: jaccard, estimatedContainment: containment }) >= kept.entryScore) this.drop(id);
    }
  }

  clear(): void {
    this.generation += 1;
    this.kept.clear();
    this.rankedBy.clear();
    this.touched.clear();
  }

  get size(): number {
    return this.kept.size;
  }

  private drop(postId: string): void {
    const kept = this.kept.get(postId);
    if (!kept) return;
    this.kept.delete(postId);
    for (const id of kept.ranked) this.rankedBy.get(id)?.delete(postId);
  }
}

const caches = new WeakMap<Database, PairsCache>();

export function pairsCache(db: Database): PairsCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new PairsCache();
    caches.set(db, cache);
  }
  return cache;
}
