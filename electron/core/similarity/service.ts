import { candidateScore, confirmPair, confirmShingles, rankArenaCandidates, shinglesOf } from '../../../shared/similarity/check';
import { SIMILARITY_THRESHOLDS } from '../../../shared/similarity/thresholds';
import type { Confirmed, SignatureArena } from '../../../shared/similarity/check';
import { signatureFromBytes, signatureOfShingles } from '../../../shared/similarity/minhash';
import type { Signature } from '../../../shared/similarity/minhash';
import { sharedPassages } from '../../../shared/similarity/passages';
import type { SimilarityCheck, SimilarityComparison, SimilarityMatch, SimilarityPair } from '../../../shared/similarity/schema';
import { DAY_MS } from '../../../shared/similarity/window';
import { ApiError } from '../../../shared/api/errors';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import { timeSlicer } from '../scheduler/timeSlice';
import type { EventBus } from '../events';
import type { KeptMatch, PairsCache } from './pairsCache';
import type { PostDetail, SignedPost, SimilarityRepository } from './repository';

/** Most posts the calendar's pair search looks at in one range (a month of a busy firm is far below). */
const PAIRS_POST_LIMIT = 3000;
/** Cancelled tickets remembered (a cancel may arrive before its search, or after its end). */
const MAX_CANCELLED = 256;

interface Around {
  generation: number;
  dated: { ids: string[]; partnerIds: string[]; ats: number[] };
  located: { store: SignatureArena; ids: string[]; slots: number[] };
  slotOf: Map<string, number>;
  details: Map<string, PostDetail | null>;
  shingles: Map<string, ReadonlySet<number>>;
}

function detailOf(repo: SimilarityRepository, around: Around, id: string): PostDetail | null {
  if (!around.details.has(id)) around.details.set(id, repo.post(id));
  return around.details.get(id) ?? null;
}

function shinglesOfPost(around: Around, post: PostDetail): ReadonlySet<number> {
  let known = around.shingles.get(post.id);
  if (!known) around.shingles.set(post.id, (known = shinglesOf(post.plainText)));
  return known;
}

/** What a kept finding was made from: the post's date, partner and signature bytes (FNV-1a). */
function fingerprintOf(signed: SignedPost): string {
  let hash = 0x811c9dc5;
  for (const byte of signed.signature) hash = Math.imul(hash ^ byte, 0x01000193);
  return `${signed.at}|${signed.partnerId}|${signed.signature.byteLength}|${hash >>> 0}`;
}

const toMatch = (other: PostDetail, confirmed: Confirmed, dismissed: boolean): SimilarityMatch => ({
  postId: other.id,
  partnerId: other.partnerId,
  partnerName: other.partnerName,
  title: other.title,
  status: other.status,
  at: other.at,
  zone: other.zone,
  level: confirmed.level,
  jaccard: confirmed.jaccard,
  containment: confirmed.containment,
  sharePercent: Math.round(confirmed.shareOfFirst * 100),
  dismissed,
});

/**
 * The near-duplicate guard in core, where the signatures are: MinHash over the other
 * partners' posts of the window (read through an index on the post's date), then exact
 * Jaccard and containment on the few best candidates.
 */
export class SimilarityService {
  constructor(
    private readonly repo: SimilarityRepository,
    private readonly windowDays: () => number,
    private readonly clock: Clock,
    events?: EventBus,
  ) {
    this.cache = repo.pairsCache();
    // Saves and deletes reach the cache through the signatures; a move or a status change, here.
    this.unsubscribe =
      events?.subscribe((event) => {
        if ('postId' in event && typeof event.postId === 'string') this.cache.touch(event.postId);
        else if (event.type === 'partners.changed' || event.type === 'workspace.changed' || event.type === 'workspace.health') this.cache.clear();
      }) ?? (() => undefined);
  }

  private readonly cache: PairsCache;
  private readonly cancelled = new Set<string>();
  private readonly unsubscribe: () => void;

  /** The workspace is closed (or replaced by a restore): its events reach this service no more. */
  close(): void {
    this.unsubscribe();
  }

  check(postId: string, text?: string): SimilarityCheck {
    const post = this.requirePost(postId);
    const draftText = text ?? post.plainText;
    const windowDays = this.windowDays();
    const dismissed = this.repo.dismissedOthers(postId);
    const shingles = shinglesOf(draftText);
    const matches = this.matches(post, draftText, signatureOfShingles(shingles), windowDays, shingles).map((m) => ({ ...m, dismissed: dismissed.has(m.postId) }));
    return { windowDays, matches };
  }

  compare(postId: string, otherPostId: string, text?: string): SimilarityComparison {
    if (postId === otherPostId) throw samePostRefused();
    const post = this.requirePost(postId);
    const other = this.requirePost(otherPostId);
    const draftText = text ?? post.plainText;
    const confirmed = confirmPair(shinglesOf(draftText), other.plainText);
    const match = toMatch(other, confirmed, this.repo.dismissedOthers(postId).has(otherPostId));
    const shared = sharedPassages(draftText, other.plainText);
    return { draft: { text: draftText, shared: shared.a }, other: { text: other.plainText, shared: shared.b, match } };
  }

  dismiss(postId: string, otherPostId: string): void {
    if (postId === otherPostId) throw samePostRefused();
    const post = this.requirePost(postId);
    const other = this.requirePost(otherPostId);
    const confirmed = confirmPair(shinglesOf(post.plainText), other.plainText);
    this.repo.dismiss(postId, otherPostId, post.partnerId, confirmed.jaccard, this.clock.now());
  }

  /**
   * Flagged, undismissed pairs among posts dated in [from, to): each pair once. The same matches
   * as `check` gives each post. Each post's finding is kept (PairsCache) until it, one of its
   * candidates or a post now close to it changes, so a range shown again, or after a move, is
   * read, not ranked again. The others are found for the whole range at once: the posts around
   * it read in one query and their signatures located once, each post's window cut out of them
   * by date, each text shingled once. Shares the thread (a busy week is ~700 posts, each ranked
   * against ~2,500), so the views' own reads and autosaves are served meanwhile; `ticket` lets
   * the view that asked stop it when it is left (`cancelPairs`): what was found so far is kept.
   */
  async pairs(from: number, to: number, ticket?: string, slice: () => Promise<void> = timeSlicer()): Promise<SimilarityPair[]> {
    try {
      return await this.searchPairs(from, to, ticket, slice);
    } finally {
      if (ticket !== undefined) this.cancelled.delete(ticket);
    }
  }

  /** The view that asked for `ticket`'s pairs was left: the search stops at its next slice. */
  cancelPairs(ticket: string): void {
    // A cancel may overtake its search (or follow its end): kept a while, oldest dropped first.
    this.cancelled.add(ticket);
    for (const old of this.cancelled) {
      if (this.cancelled.size <= MAX_CANCELLED) break;
      this.cancelled.delete(old);
    }
  }

  private async searchPairs(from: number, to: number, ticket: string | undefined, slice: () => Promise<void>): Promise<SimilarityPair[]> {
    const posts = this.repo.signedPostsDatedIn(from, to, PAIRS_POST_LIMIT);
    if (posts.length === 0) return [];
    const dismissed = this.repo.dismissedPairs(posts.map((p) => p.id));
    const span = this.windowDays() * DAY_MS;
    this.cache.useSpan(span);
    // The posts around the range, read at the first post not in the cache, again after a change.
    let around: Around | null = null;
    const seen = new Set<string>();
    const pairs: SimilarityPair[] = [];
    for (const signed of posts) {
      await slice();
      if (ticket !== undefined && this.cancelled.has(ticket)) throw pairsCancelled();
      this.settleTouched();
      const fingerprint = fingerprintOf(signed);
      let found = this.cache.get(signed.id, fingerprint)?.matches;
      if (!found) {
        if (!around || around.generation !== this.cache.generation) around = this.around(from - span, to + span);
        found = this.searchOne(signed, fingerprint, around, span);
      }
      for (const match of found) {
        const key = signed.id < match.otherId ? `${signed.id} ${match.otherId}` : `${match.otherId} ${signed.id}`;
        if (seen.has(key) || dismissed.has(`${signed.id} ${match.otherId}`) || dismissed.has(`${match.otherId} ${signed.id}`)) continue;
        seen.add(key);
        pairs.push({ postId: signed.id, otherPostId: match.otherId, level: match.level, sharePercent: match.sharePercent });
      }
    }
    return pairs;
  }

  /** Posts dated in [from, to] with their signatures located, and the texts read so far. */
  private around(from: number, to: number): Around {
    const generation = this.cache.generation;
    const dated = this.repo.datedIn(from, to);
    const located = this.repo.signatureSlots(dated.ids);
    return { generation, dated, located, slotOf: new Map(located.ids.map((id, i) => [id, located.slots[i] ?? 0])), details: new Map(), shingles: new Map() };
  }

  /** One post's finding, as `check` makes it, kept in the cache. */
  private searchOne(signed: SignedPost, fingerprint: string, around: Around, span: number): readonly KeptMatch[] {
    const signature = signatureFromBytes(signed.signature);
    const post = signature ? detailOf(this.repo, around, signed.id) : null;
    if (!signature || !post) return [];
    if (signature.size === 0) {
      this.cache.put(signed.id, { fingerprint, signature, at: post.at, partnerId: post.partnerId, entryScore: Infinity, ranked: [], matches: [] });
      return [];
    }
    // The post's window, as `windowSignatures` reads it: other partners' posts within the span of its date.
    const { dated, located, slotOf } = around;
    const ids: string[] = [];
    const slots: number[] = [];
    for (let i = firstAtOrAfter(dated.ats, post.at - span); i < dated.ats.length && (dated.ats[i] ?? Infinity) <= post.at + span; i++) {
      const id = dated.ids[i] ?? '';
      const slot = slotOf.get(id);
      if (slot === undefined || id === post.id || dated.partnerIds[i] === post.partnerId) continue;
      ids.push(id);
      slots.push(slot);
    }
    const ranked = rankArenaCandidates(signature, located.store, ids, slots);
    const matches: KeptMatch[] = [];
    for (const candidate of ranked) {
      const other = detailOf(this.repo, around, candidate.id);
      if (!other) continue;
      const verdict = confirmShingles(shinglesOfPost(around, post), shinglesOfPost(around, other));
      if (verdict.level !== 'none') matches.push({ otherId: other.id, level: verdict.level, jaccard: verdict.jaccard, sharePercent: Math.round(verdict.shareOfFirst * 100) });
    }
    // In `check`'s order (closest first), so a pair met from both sides is kept as `check` would.
    matches.sort((a, b) => b.jaccard - a.jaccard);
    const last = ranked.length >= SIMILARITY_THRESHOLDS.topCandidates ? ranked.at(-1) : undefined;
    const entryScore = last ? candidateScore(last) : 0;
    this.cache.put(signed.id, { fingerprint, signature, at: post.at, partnerId: post.partnerId, entryScore, ranked: ranked.map((c) => c.id), matches });
    return matches;
  }

  /** The posts changed since the last search: findings they are now a candidate of go (PairsCache). */
  private settleTouched(): void {
    const touched = this.cache.takeTouched();
    if (this.cache.size === 0) return;
    for (const id of touched) {
      const post = this.repo.post(id);
      const signature = post ? this.repo.signatureOf(id) : null;
      this.cache.dropNewCandidates(id, post && signature ? { signature, at: post.at, partnerId: post.partnerId } : null);
    }
  }

  private matches(post: PostDetail, draftText: string, signature: Signature, windowDays: number, draftShingles?: ReadonlySet<number>): SimilarityMatch[] {
    if (signature.size === 0) return [];
    const span = windowDays * DAY_MS;
    const window = this.repo.windowSignatures(post.at - span, post.at + span, post.partnerId, post.id);
    const ranked = rankArenaCandidates(signature, window.store, window.ids, window.slots);
    if (ranked.length === 0) return [];
    const shingles = draftShingles ?? shinglesOf(draftText);
    const matches: SimilarityMatch[] = [];
    for (const candidate of ranked) {
      const other = this.repo.post(candidate.id);
      if (!other) continue;
      const match = toMatch(other, confirmPair(shingles, other.plainText), false);
      if (match.level !== 'none') matches.push(match);
    }
    return matches.sort((a, b) => b.jaccard - a.jaccard);
  }

  private requirePost(id: string): PostDetail {
    const post = this.repo.post(id);
    if (!post) throw notFound('post', id);
    return post;
  }
}

/**
 * The view that asked left and cancelled its search: the call ends as its caller asked, which is
 * no failure of core (`cancelledByCaller`: browser mode answers it with a non-error status).
 */
export const pairsCancelled = (): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.similarity.cancelled',
    message: 'The pair search was cancelled by the view that asked for it',
    details: { cancelledByCaller: true },
  });

const samePostRefused = (): ApiError =>
  new ApiError({ code: 'validation', messageKey: 'errors.similarity.samePost', message: 'A post is not compared with itself' });

/** Index of the first of the ascending `values` at or after `value`. */
function firstAtOrAfter(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
