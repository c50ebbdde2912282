import { MIN_POSTS, buildVoiceModel, scoreVoice, voiceModelSteps } from '../../../shared/voice/profile';
import type { VoiceModel } from '../../../shared/voice/profile';
import { voiceFeatures } from '../../../shared/voice/features';
import type { VoiceFeatures, VoiceLanguage } from '../../../shared/voice/features';
import { voiceLanguage } from '../../../shared/voice/language';
import type { VoiceScoreResult } from '../../../shared/voice/schema';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { Logger } from '../log';
import { timeSlicer } from '../scheduler/timeSlice';
import type { LearnedSample } from './repository';
import type { PartnerRepository } from '../partners/repository';
import type { VoiceProfileRepository } from './repository';

/** How one post of the month reads, for the monthly report. */
export interface VoiceReading {
  /** null: no verdict (the partner's profile is still learning in the post's language). */
  readsLikePartner: boolean | null;
}

interface BuiltModel {
  /** The language's generation the model was built from (`VoiceProfileRepository.generation`). */
  stamp: number;
  model: VoiceModel;
}

/** Samples read per page while a model is built in the background. */
const SAMPLES_PAGE = 200;

/**
 * The voice profile in core: the firm's model per language is built from the learned posts
 * (leave-one-out calibration included) and kept until a profile of that language changes.
 * At an agency's size (75,000 learned posts) a build is seconds of work: the score asked while
 * typing gets the model last built at once and a newer one is built in the background, sharing
 * the thread with the saves; only the very first score of a language waits for its build.
 * Each model built is kept in the workspace: after a restart the score reads it back (~10 ms)
 * instead of building it again (seconds) under the user's first minutes of typing.
 */
export class VoiceService {
  private readonly models = new Map<VoiceLanguage, BuiltModel>();
  private readonly building = new Map<VoiceLanguage, Promise<BuiltModel>>();
  /** The samples read by the last background build, with when each was learned. */
  private readonly parsed = new Map<VoiceLanguage, Map<string, { learnedAt: number; sample: LearnedSample }>>();
  /** Languages whose kept model was looked for since the start (read once, then held in `models`). */
  private readonly lookedForKept = new Set<VoiceLanguage>();

  constructor(
    private readonly repo: VoiceProfileRepository,
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async score(partnerId: string, text: string): Promise<VoiceScoreResult> {
    if (!this.partners.get(partnerId)) throw notFound('partner', partnerId);
    if (text.trim() === '') return { status: 'empty' };
    const language = voiceLanguage(text);
    const posts = this.repo.postCount(partnerId, language);
    if (posts < MIN_POSTS) return { status: 'learning', reason: 'fewPosts', language, posts };
    const { model } = await this.latestModel(language);
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

  /**
   * Whether each of a partner's posts reads like them (top-1), each scored without itself when it
   * is one of their learned posts; null for a post that cannot be read (empty, or too few posts in
   * its language). For a month's report (thousands of posts): a learned post's language and
   * features are its sample's, not found in its text again (~1 ms a post to detect the language,
   * ~0.12 ms for the features, 0.03 ms to read them back), and each language's count and model are
   * read once (a count per post read every sample of the partner: ~0.7 ms a post).
   */
  readPosts(partnerId: string, posts: readonly { id: string; text: string }[]): VoiceReading[] {
    const samples = this.repo.samplesOf(posts.map((post) => post.id));
    const counts = new Map<VoiceLanguage, number>();
    const models = new Map<VoiceLanguage, VoiceModel>();
    return posts.map((post) => {
      if (post.text.trim() === '') return { readsLikePartner: null };
      const sample = samples.get(post.id);
      const language = sample?.language ?? voiceLanguage(post.text);
      const count = counts.get(language) ?? this.repo.postCount(partnerId, language);
      counts.set(language, count);
      if (count < MIN_POSTS) return { readsLikePartner: null };
      const model = models.get(language) ?? this.model(language).model;
      models.set(language, model);
      if (!model.partners.has(partnerId)) return { readsLikePartner: null };
      const score = scoreVoice(model, sample?.features ?? voiceFeatures(post.text, language), sample?.learned ? partnerId : undefined);
      return { readsLikePartner: score.status === 'ready' ? score.scores[0]?.partnerId === partnerId : null };
    });
  }

  /** The model as last built (a newer one then builds in the background), or the first one once built. */
  private async latestModel(language: VoiceLanguage): Promise<BuiltModel> {
    const stamp = this.repo.generation(language);
    const cached = this.lastBuilt(language);
    if (cached && cached.stamp === stamp) return cached;
    const building = this.buildInBackground(language, stamp);
    if (!cached) return building;
    // A rebuild that fails (the workspace closed meanwhile) leaves the last model; the next
    // score tries again. The first build's failure reaches its caller.
    building.catch(() => undefined);
    return cached;
  }

  /** The model last built in this session, else the one kept by the last (read once). */
  private lastBuilt(language: VoiceLanguage): BuiltModel | undefined {
    const built = this.models.get(language);
    if (built || this.lookedForKept.has(language)) return built;
    this.lookedForKept.add(language);
    try {
      const kept = this.repo.storedModel(language);
      if (!kept) return undefined;
      const model = { stamp: kept.generation, model: kept.model };
      this.models.set(language, model);
      return model;
    } catch (error) {
      this.log.error(`voice model (${language}): the model kept from the last session could not be read; it is built again from the learned posts`, error);
      return undefined;
    }
  }

  /** Holds a new model and keeps it for the next start; a model not kept is only built again then. */
  private hold(language: VoiceLanguage, built: BuiltModel): BuiltModel {
    this.models.set(language, built);
    try {
      this.repo.storeModel(language, built.stamp, built.model, this.clock.now());
    } catch (error) {
      this.log.error(`voice model (${language}): not kept for the next start, where it will be built again from the learned posts`, error);
    }
    return built;
  }

  private buildInBackground(language: VoiceLanguage, stamp: number): Promise<BuiltModel> {
    const running = this.building.get(language);
    if (running) return running;
    const build = (async () => {
      const slice = timeSlicer();
      // Which posts are learned, and when: only the samples new or learned again since the last
      // build are read and parsed (75,000 of them are seconds of JSON).
      const known = this.parsed.get(language) ?? new Map<string, { learnedAt: number; sample: LearnedSample }>();
      const samples: LearnedSample[] = [];
      const current = new Map<string, { learnedAt: number; sample: LearnedSample }>();
      let after = 0;
      for (;;) {
        const keys = this.repo.sampleKeysPage(language, after, SAMPLES_PAGE);
        const fresh = keys.filter((key) => {
          const before = known.get(key.postId);
          return before?.learnedAt !== key.learnedAt || before.sample.partnerId !== key.partnerId;
        });
        const features = fresh.length > 0 ? this.repo.featuresOf(fresh.map((key) => key.postId)) : new Map<string, VoiceFeatures>();
        for (const key of keys) {
          const read = features.get(key.postId);
          const entry = read ? { learnedAt: key.learnedAt, sample: { postId: key.postId, partnerId: key.partnerId, features: read } } : known.get(key.postId);
          // A sample forgotten between the two reads is left out.
          if (!entry) continue;
          current.set(key.postId, entry);
          samples.push(entry.sample);
        }
        after = keys.at(-1)?.row ?? after;
        if (keys.length < SAMPLES_PAGE) break;
        await slice();
      }
      this.parsed.set(language, current);
      const steps = voiceModelSteps(samples);
      let step = steps.next();
      while (!step.done) {
        await slice();
        step = steps.next();
      }
      // Samples written meanwhile give a newer stamp: the next score builds again.
      return this.hold(language, { stamp, model: step.value });
    })().finally(() => this.building.delete(language));
    this.building.set(language, build);
    return build;
  }

  /** The model now, built on the spot if it is not current (the monthly report, an explicit action). */
  private model(language: VoiceLanguage): BuiltModel {
    const stamp = this.repo.generation(language);
    const cached = this.lastBuilt(language);
    if (cached && cached.stamp === stamp) return cached;
    return this.hold(language, { stamp, model: buildVoiceModel(this.repo.samples(language)) });
  }
}
