import { confirmPair, rankArenaCandidates, shinglesOf } from '../../../shared/similarity/check';
import type { Confirmed } from '../../../shared/similarity/check';
import { signatureFromBytes, signatureOfShingles } from '../../../shared/similarity/minhash';
import type { Signature } from '../../../shared/similarity/minhash';
import { sharedPassages } from '../../../shared/similarity/passages';
import type { SimilarityCheck, SimilarityComparison, SimilarityMatch, SimilarityPair } from '../../../shared/similarity/schema';
import { DAY_MS } from '../../../shared/similarity/window';
import { ApiError } from '../../../shared/api/errors';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { PostDetail, SimilarityRepository } from './repository';

/** Most posts the calendar's pair search looks at in one range (a month of a busy firm is far below). */
const PAIRS_POST_LIMIT = 3000;

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
  ) {}

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

  /** Flagged, undismissed pairs among posts dated in [from, to): each pair once. */
  pairs(from: number, to: number): SimilarityPair[] {
    const posts = this.repo.signedPostsDatedIn(from, to, PAIRS_POST_LIMIT);
    const dismissed = this.repo.dismissedPairs(posts.map((p) => p.id));
    const windowDays = this.windowDays();
    const seen = new Set<string>();
    const pairs: SimilarityPair[] = [];
    for (const signed of posts) {
      const signature = signatureFromBytes(signed.signature);
      const post = signature ? this.repo.post(signed.id) : null;
      if (!signature || !post) continue;
      for (const match of this.matches(post, post.plainText, signature, windowDays)) {
        const key = [signed.id, match.postId].sort().join(' ');
        if (seen.has(key) || dismissed.has(`${signed.id} ${match.postId}`) || dismissed.has(`${match.postId} ${signed.id}`)) continue;
        seen.add(key);
        pairs.push({ postId: signed.id, otherPostId: match.postId, level: match.level, sharePercent: match.sharePercent });
      }
    }
    return pairs;
  }

  private matches(post: PostDetail, draftText: string, signature: Signature, windowDays: number, draftShingles?: ReadonlySet<number>): SimilarityMatch[] {
    if (signature.size === 0) return [];
    const span = windowDays * DAY_MS;
    const window = this.repo.signatureSlots(this.repo.windowIds(post.at - span, post.at + span, post.partnerId, post.id));
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

const samePostRefused = (): ApiError =>
  new ApiError({ code: 'validation', messageKey: 'errors.similarity.samePost', message: 'A post is not compared with itself' });
