import { MIN_POSTS, buildVoiceModel, scoreVoice } from '../../../shared/voice/profile';
import type { VoiceModel } from '../../../shared/voice/profile';
import { voiceFeatures } from '../../../shared/voice/features';
import type { VoiceLanguage } from '../../../shared/voice/features';
import { voiceLanguage } from '../../../shared/voice/language';
import type { VoiceScoreResult } from '../../../shared/voice/schema';
import { notFound } from '../errors';
import type { PartnerRepository } from '../partners/repository';
import type { VoiceProfileRepository } from './repository';

/** How one post of the month reads, for the monthly report. */
export interface VoiceReading {
  /** null: no verdict (the partner's profile is still learning in the post's language). */
  readsLikePartner: boolean | null;
}

/**
 * The voice profile in core: the firm's model per language is built from the learned posts
 * (leave-one-out calibration included) and kept until a profile of that language changes.
 */
export class VoiceService {
  private readonly models = new Map<VoiceLanguage, { stamp: string; model: VoiceModel; samples: Set<string> }>();

  constructor(
    private readonly repo: VoiceProfileRepository,
    private readonly partners: PartnerRepository,
  ) {}

  score(partnerId: string, text: string): VoiceScoreResult {
    if (!this.partners.get(partnerId)) throw notFound('partner', partnerId);
    if (text.trim() === '') return { status: 'empty' };
    const language = voiceLanguage(text);
    const posts = this.repo.postCount(partnerId, language);
    if (posts < MIN_POSTS) return { status: 'learning', reason: 'fewPosts', language, posts };
    const { model } = this.model(language);
    const score = scoreVoice(model, voiceFeatures(text, language), undefined, partnerId);
    if (score.status === 'learning' || !model.partners.has(partnerId)) return { status: 'learning', reason: score.status === 'learning' ? score.reason : 'fewPosts', language, posts };
    return {
      status: 'ready',
      language,
      scores: score.scores.map(({ partnerId: id, probability }) => ({ partnerId: id, partnerName: this.partners.get(id)?.displayName ?? id, probability })),
      partnerName: this.partners.get(partnerId)?.displayName ?? partnerId,
      reasons: score.reasons,
    };
  }

  /** Whether a post of a partner reads like them (top-1), scored without itself when it is one of their learned posts. */
  readPost(postId: string, partnerId: string, text: string): VoiceReading {
    if (text.trim() === '') return { readsLikePartner: null };
    const language = voiceLanguage(text);
    if (this.repo.postCount(partnerId, language) < MIN_POSTS) return { readsLikePartner: null };
    const { model, samples } = this.model(language);
    if (!model.partners.has(partnerId)) return { readsLikePartner: null };
    const score = scoreVoice(model, voiceFeatures(text, language), samples.has(postId) ? partnerId : undefined);
    return { readsLikePartner: score.status === 'ready' ? score.scores[0]?.partnerId === partnerId : null };
  }

  private model(language: VoiceLanguage): { model: VoiceModel; samples: Set<string> } {
    const stamp = this.repo.stamp(language);
    const cached = this.models.get(language);
    if (cached && cached.stamp === stamp) return cached;
    const samples = this.repo.samples(language);
    const built = { stamp, model: buildVoiceModel(samples), samples: new Set(samples.map((s) => s.postId)) };
    this.models.set(language, built);
    return built;
  }
}
