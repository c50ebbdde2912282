import { confirmPair, confirmShingles, rankArenaCandidates, shinglesOf } from '../../../shared/similarity/check';
import type { Confirmed } from '../../../shared/similarity/check';
import { signatureFromBytes, signatureOfShingles } from '../../../shared/similarity/minhash';
import type { Signature } from '../../../shared/similarity/minhash';
import { sharedPassages } from '../../../shared/similarity/passages';
import type { SimilarityCheck, SimilarityComparison, SimilarityMatch, SimilarityPair } from '../../../shared/similarity/schema';
import { DAY_MS } from '../../../shared/similarity/window';
import { ApiError } from '../../../shared/api/errors';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import { timeSlicer } from '../scheduler/timeSlice';
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

  /**
   * Flagged, undismissed pairs among posts dated in [from, to): each pair once. The same matches
   * as `check` gives each post, found for a whole range at once: the posts around the range read
   * in one query and their signatures located once, each post's window cut out of them by date,
   * each text shingled once. Shares the thread (a busy week is ~700 posts, each ranked against
   * ~2,500), so the views' own reads and autosaves are served meanwhile.
   */
  async pairs(from: number, to: number, slice: () => Promise<void> = timeSlicer()): Promise<SimilarityPair[]> {
    const posts = this.repo.signedPostsDatedIn(from, to, PAIRS_POST_LIMIT);
    if (posts.length === 0) return [];
    const dismissed = this.repo.dismissedPairs(posts.map((p) => p.id));
    const span = this.windowDays() * DAY_MS;
    const around = this.repo.datedIn(from - span, to + span);
    const located = this.repo.signatureSlots(around.ids);
    const slotOf = new Map(located.ids.map((id, i) => [id, located.slots[i] ?? 0]));
    const shingles = new Map<string, ReadonlySet<number>>();
    const details = new Map<string, PostDetail | null>();
    const detail = (id: string) => {
      if (!details.has(id)) details.set(id, this.repo.post(id));
      return details.get(id) ?? null;
    };
    const shinglesOfPost = (post: PostDetail) => {
      let known = shingles.get(post.id);
      if (!known) shingles.set(post.id, (known = shinglesOf(post.plainText)));
      return known;
    };
    const seen = new Set<string>();
    const pairs: SimilarityPair[] = [];
    for (const signed of posts) {
      await slice();
      const signature = signatureFromBytes(signed.signature);
      const post = signature ? detail(signed.id) : null;
      if (!signature || !post || signature.size === 0) continue;
      // The post's window, as `windowIds` reads it: other partners' posts within the span of its date.
      const ids: string[] = [];
      const slots: number[] = [];
      for (let i = firstAtOrAfter(around.ats, post.at - span); i < around.ats.length && (around.ats[i] ?? Infinity) <= post.at + span; i++) {
        const id = around.ids[i] ?? '';
        const slot = slotOf.get(id);
        if (slot === undefined || id === post.id || around.partnerIds[i] === post.partnerId) continue;
        ids.push(id);
        slots.push(slot);
      }
      const confirmed: { otherId: string; verdict: Confirmed }[] = [];
      for (const candidate of rankArenaCandidates(signature, located.store, ids, slots)) {
        const other = detail(candidate.id);
        if (!other) continue;
        const verdict = confirmShingles(shinglesOfPost(post), shinglesOfPost(other));
        if (verdict.level !== 'none') confirmed.push({ otherId: other.id, verdict });
      }
      // In `check`'s order (closest first), so a pair met from both sides is kept as `check` would.
      confirmed.sort((a, b) => b.verdict.jaccard - a.verdict.jaccard);
      for (const { otherId, verdict } of confirmed) {
        const key = [signed.id, otherId].sort().join(' ');
        if (seen.has(key) || dismissed.has(`${signed.id} ${otherId}`) || dismissed.has(`${otherId} ${signed.id}`)) continue;
        seen.add(key);
        pairs.push({ postId: signed.id, otherPostId: otherId, level: verdict.level, sharePercent: Math.round(verdict.shareOfFirst * 100) });
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
