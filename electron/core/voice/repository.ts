import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { VOICE_ALGORITHM_VERSION, voiceFeatures } from '../../../shared/voice/features';
import type { VoiceFeatures, VoiceLanguage } from '../../../shared/voice/features';
import { voiceLanguage } from '../../../shared/voice/language';
import { LEARNED_STATUSES } from '../../../shared/voice/learned';
import type { VoiceModel } from '../../../shared/voice/profile';
import { VoiceLanguage as StoredLanguage } from '../../../shared/voice/schema';
import { REBUILD_BATCH, rebuildInWindows } from '../scheduler/rowidWindows';

const STATUSES = LEARNED_STATUSES.map((status) => `'${status}'`).join(', ');

/** A learned post's features as stored (JSON): style, function words, masked 3-grams. */
const StoredFeatures = z.object({ s: z.array(z.number()), f: z.array(z.number()), t: z.array(z.tuple([z.string(), z.number()])) });

const toJson = (f: VoiceFeatures): string => JSON.stringify({ s: f.style, f: f.functionWords, t: [...f.trigrams] });
const fromJson = (json: string): VoiceFeatures => {
  const parsed = StoredFeatures.parse(JSON.parse(json));
  return { style: parsed.s, functionWords: parsed.f, trigrams: new Map(parsed.t) };
};
/** Stored features, or null when they do not read back (the caller computes them from the text). */
const readFeatures = (json: string): VoiceFeatures | null => {
  try {
    return fromJson(json);
  } catch {
    return null;
  }
};

/**
 * The stored model's layout and calibration: bump it when `voiceModelSteps` builds a different
 * model from the same samples, so a stored one of the older build is built again.
 */
export const VOICE_MODEL_FORMAT = 1;
/** The `format` column: the model's layout and the features' algorithm (a model of older features is not read). */
const STORED_FORMAT = VOICE_MODEL_FORMAT * 1000 + VOICE_ALGORITHM_VERSION;

/**
 * A built model as stored (JSON): the partners' sums, the spreads, the calibration. zod's
 * numbers are finite, so a NaN stored as JSON's `null` is refused, not read back as a score.
 */
const StoredModel = z.object({
  partners: z.array(
    z.object({
      id: z.string(),
      n: z.number().int().positive(),
      style: z.array(z.number()),
      functionWords: z.array(z.number()),
      trigrams: z.array(z.tuple([z.string(), z.number()])),
    }),
  ),
  stats: z.object({ styleScale: z.array(z.number()), fwMean: z.array(z.number()), fwScale: z.array(z.number()) }),
  temperature: z.number(),
  looAccuracy: z.number(),
  chance: z.number(),
  learning: z.enum(['fewPosts', 'notAboveChance']).nullable(),
});

const modelToJson = (model: VoiceModel): string =>
  JSON.stringify({
    partners: [...model.partners].map(([id, sums]) => ({ id, n: sums.n, style: sums.style, functionWords: sums.functionWords, trigrams: [...sums.trigrams] })),
    stats: model.stats,
    temperature: model.temperature,
    looAccuracy: model.looAccuracy,
    chance: model.chance,
    learning: model.learning,
  } satisfies z.input<typeof StoredModel>);

const modelFromJson = (json: string): VoiceModel => {
  const stored = StoredModel.parse(JSON.parse(json));
  return {
    ...stored,
    partners: new Map(stored.partners.map(({ id, n, style, functionWords, trigrams }) => [id, { n, style, functionWords, trigrams: new Map(trigrams) }])),
  };
};

/** A model read back from the workspace, with the generation of the samples it was built from. */
export interface StoredVoiceModel {
  generation: number;
  model: VoiceModel;
}

export interface SampleKey {
  row: number;
  postId: string;
  partnerId: string;
  learnedAt: number;
}

export interface LearnedSample {
  postId: string;
  partnerId: string;
  features: VoiceFeatures;
}

interface PostRow {
  partner_id: string;
  status: string;
  plain_text: string;
}

/**
 * The voice_samples and voice_profiles tables (migration 0020). `follow` runs in the caller's
 * transaction, beside a post's status change or save: a profile never lags its posts.
 */
export class VoiceProfileRepository {
  private readonly postOf: Statement<[string], PostRow>;
  private readonly sampleOf: Statement<[string], { partner_id: string; language: string; algorithm_version: number }>;
  private readonly upsertSample: Statement<[string, string, string, number, string, number]>;
  private readonly deleteSample: Statement<[string]>;
  private readonly recount: Statement<[{ partnerId: string; language: string; version: number; now: number }]>;

  constructor(private readonly db: Database) {
    this.postOf = db.prepare<[string], PostRow>('SELECT partner_id, status, plain_text FROM posts WHERE id = ?');
    this.sampleOf = db.prepare('SELECT partner_id, language, algorithm_version FROM voice_samples WHERE post_id = ?');
    this.upsertSample = db.prepare(
      `INSERT INTO voice_samples (post_id, partner_id, language, algorithm_version, features, learned_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (post_id) DO UPDATE SET partner_id = excluded.partner_id, language = excluded.language,
         algorithm_version = excluded.algorithm_version, features = excluded.features, learned_at = excluded.learned_at`,
    );
    this.deleteSample = db.prepare('DELETE FROM voice_samples WHERE post_id = ?');
    // The profile's count is read back from its samples (an index range): incremental, and never drifts.
    this.recount = db.prepare(
      `INSERT INTO voice_profiles (partner_id, language, algorithm_version, post_count, updated_at)
       VALUES (@partnerId, @language, @version, (SELECT count(*) FROM voice_samples WHERE partner_id = @partnerId AND language = @language), @now)
       ON CONFLICT (partner_id, language) DO UPDATE SET algorithm_version = excluded.algorithm_version,
         post_count = excluded.post_count, updated_at = excluded.updated_at`,
    );
  }

  /** After a post's status or text changed: learns it if approved or published, forgets it otherwise. */
  follow(postId: string, now: number): void {
    const post = this.postOf.get(postId);
    const before = this.sampleOf.get(postId);
    if (!post || !(LEARNED_STATUSES as readonly string[]).includes(post.status)) {
      if (before) {
        this.deleteSample.run(postId);
        this.touch(before.partner_id, before.language, now);
      }
      return;
    }
    this.learn(postId, post.partner_id, post.plain_text, now);
    if (before && (before.partner_id !== post.partner_id || before.language !== this.sampleOf.get(postId)?.language)) {
      this.touch(before.partner_id, before.language, now);
    }
  }

  private learn(postId: string, partnerId: string, text: string, now: number): void {
    const language = voiceLanguage(text);
    this.upsertSample.run(postId, partnerId, language, VOICE_ALGORITHM_VERSION, toJson(voiceFeatures(text, language)), now);
    this.touch(partnerId, language, now);
  }

  private touch(partnerId: string, language: string, now: number): void {
    this.recount.run({ partnerId, language, version: VOICE_ALGORITHM_VERSION, now });
  }

  /** Learned posts of a partner in a language (read from the samples: a deleted post's go with it, by cascade). */
  postCount(partnerId: string, language: VoiceLanguage): number {
    const row = this.db
      .prepare('SELECT count(*) FROM voice_samples WHERE language = ? AND partner_id = ? AND algorithm_version = ?')
      .pluck()
      .get(language, partnerId, VOICE_ALGORITHM_VERSION);
    return typeof row === 'number' ? row : 0;
  }

  /**
   * Grows with every post of the language learned, changed, forgotten or deleted and every
   * partner archived or restored, not when a sample is written again as it was (migration 0024's
   * triggers): the built model's key, in memory and stored.
   */
  generation(language: VoiceLanguage): number {
    const generation = this.db.prepare('SELECT generation FROM voice_generations WHERE language = ?').pluck().get(language);
    return typeof generation === 'number' ? generation : 0;
  }

  /** The model last stored for the language, if it was built the current way; throws when it cannot be read back. */
  storedModel(language: VoiceLanguage): StoredVoiceModel | null {
    const row = this.db
      .prepare<[string, number], { generation: number; model: string }>('SELECT generation, model FROM voice_models WHERE language = ? AND format = ?')
      .get(language, STORED_FORMAT);
    return row ? { generation: row.generation, model: modelFromJson(row.model) } : null;
  }

  /** Keeps a built model for the next start, in place of the last one. */
  storeModel(language: VoiceLanguage, generation: number, model: VoiceModel, now: number): void {
    this.db
      .prepare(
        `INSERT INTO voice_models (language, generation, format, model, built_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (language) DO UPDATE SET generation = excluded.generation, format = excluded.format, model = excluded.model, built_at = excluded.built_at`,
      )
      .run(language, generation, STORED_FORMAT, modelToJson(model), now);
  }

  /**
   * The current samples of these posts: each one's language and features (what `voiceLanguage`
   * and `voiceFeatures` found in its text when it was learned: a text change learns it again, and
   * an approved or published text does not change) and whether it is one of the samples the
   * language's current model learned from (its partner not archived). Posts without a sample, or
   * with one that does not read back, are absent.
   */
  samplesOf(postIds: readonly string[]): Map<string, { language: VoiceLanguage; features: VoiceFeatures; learned: boolean }> {
    const rows = this.db
      .prepare<[string, number], { post_id: string; language: string; features: string; archived: number }>(
        `SELECT s.post_id, s.language, s.features, pa.archived_at IS NOT NULL AS archived FROM voice_samples s JOIN partners pa ON pa.id = s.partner_id
         WHERE s.post_id IN (SELECT value FROM json_each(?)) AND s.algorithm_version = ?`,
      )
      .all(JSON.stringify(postIds), VOICE_ALGORITHM_VERSION);
    const samples = new Map<string, { language: VoiceLanguage; features: VoiceFeatures; learned: boolean }>();
    for (const row of rows) {
      const language = StoredLanguage.safeParse(row.language);
      const features = readFeatures(row.features);
      if (language.success && features) samples.set(row.post_id, { language: language.data, features, learned: row.archived === 0 });
    }
    return samples;
  }

  /** The texts of these posts (the monthly report's). */
  texts(postIds: readonly string[]): { id: string; text: string }[] {
    const read = this.db.prepare<[string], { id: string; text: string }>('SELECT id, plain_text AS text FROM posts WHERE id = ?');
    return postIds.flatMap((id) => read.all(id));
  }

  /**
   * The current samples' keys a page at a time, in the same order as `samples` (the order they
   * were first learned), after the row `afterRow`: which posts, learned when. Read between
   * other work. `+s.language`: walked in rowid order, not through the language index (which
   * would sort every sample of the language for each page).
   */
  sampleKeysPage(language: VoiceLanguage, afterRow: number, limit: number): SampleKey[] {
    const rows = this.db
      .prepare(
        `SELECT s.rowid AS row, s.post_id, s.partner_id, s.learned_at FROM voice_samples s JOIN partners pa ON pa.id = s.partner_id
         WHERE s.rowid > ? AND +s.language = ? AND s.algorithm_version = ? AND pa.archived_at IS NULL
         ORDER BY s.rowid LIMIT ?`,
      )
      .all(afterRow, language, VOICE_ALGORITHM_VERSION, limit) as { row: number; post_id: string; partner_id: string; learned_at: number }[];
    return rows.map((row) => ({ row: row.row, postId: row.post_id, partnerId: row.partner_id, learnedAt: row.learned_at }));
  }

  /** The features of these samples (a page of keys whose features are not known yet). */
  featuresOf(postIds: readonly string[]): Map<string, VoiceFeatures> {
    const read = this.db.prepare<[string], { post_id: string; features: string }>('SELECT post_id, features FROM voice_samples WHERE post_id = ?');
    const features = new Map<string, VoiceFeatures>();
    for (const id of postIds) for (const row of read.all(id)) features.set(row.post_id, fromJson(row.features));
    return features;
  }

  /**
   * Every current sample of the language, of partners not archived. Read by a scan in rowid
   * order (`+`: no index): through voice_samples_profile, SQLite sorted every sample's features
   * again in a temporary tree (1.2 s at 75,000 samples, 0.35 s scanned).
   */
  samples(language: VoiceLanguage): LearnedSample[] {
    const rows = this.db
      .prepare(
        `SELECT s.post_id, s.partner_id, s.features FROM voice_samples s JOIN partners pa ON pa.id = s.partner_id
         WHERE +s.language = ? AND +s.algorithm_version = ? AND pa.archived_at IS NULL ORDER BY s.rowid`,
      )
      .all(language, VOICE_ALGORITHM_VERSION) as { post_id: string; partner_id: string; features: string }[];
    return rows.map((row) => ({ postId: row.post_id, partnerId: row.partner_id, features: fromJson(row.features) }));
  }

  /**
   * Learns every approved or published post without a sample of the current version, a few
   * per transaction, yielding to `slice` between them (as the similarity signatures do), and
   * forgets samples of an older version whose post is no longer learned. Returns how many were written.
   */
  async rebuildStale(now: number, slice: () => Promise<void>): Promise<number> {
    // Every learned post has a current sample and no other sample is left (`follow` keeps them so
    // in the status change's transaction): nothing to walk.
    if (this.allCurrent()) return 0;
    // In windows of rowids, as the similarity signatures are (rowidWindows.ts): a whole-table
    // statement that finds nothing to learn held the thread ~300 ms at 100,000 posts.
    const batch = this.db.prepare<[number, number, number], { rowid: number; id: string }>(
      `SELECT p.rowid AS rowid, p.id FROM posts p LEFT JOIN voice_samples s ON s.post_id = p.id
       WHERE p.rowid > ? AND p.rowid <= ? AND p.status IN (${STATUSES}) AND (s.post_id IS NULL OR s.algorithm_version <> ?) ORDER BY p.rowid LIMIT ${REBUILD_BATCH}`,
    );
    const lastPost = this.db.prepare('SELECT coalesce(max(rowid), 0) FROM posts').pluck().get() as number;
    const total = await rebuildInWindows(this.db, lastPost, (after, upTo) => batch.all(after, upTo, VOICE_ALGORITHM_VERSION), (row) => this.follow(row.id, now), slice);
    if (!this.db.open) return total;
    // Samples of an older version, or of a post no longer learned: followed once more (forgotten).
    const stale = this.db.prepare<[number, number, number], { rowid: number; post_id: string }>(
      `SELECT s.rowid AS rowid, s.post_id FROM voice_samples s JOIN posts p ON p.id = s.post_id
       WHERE s.rowid > ? AND s.rowid <= ? AND (s.algorithm_version <> ? OR p.status NOT IN (${STATUSES})) ORDER BY s.rowid LIMIT ${REBUILD_BATCH}`,
    );
    const lastSample = this.db.prepare('SELECT coalesce(max(rowid), 0) FROM voice_samples').pluck().get() as number;
    await rebuildInWindows(this.db, lastSample, (after, upTo) => stale.all(after, upTo, VOICE_ALGORITHM_VERSION), (row) => this.follow(row.post_id, now), slice);
    return total;
  }

  /** As many current samples as learned posts, and no older sample, counted from indexes (migrations 0025 and 0028). */
  private allCurrent(): boolean {
    const learned = this.db.prepare(`SELECT count(*) FROM posts WHERE status IN (${STATUSES})`).pluck().get() as number;
    const samples = this.db.prepare('SELECT count(*) FROM voice_samples').pluck().get() as number;
    const current = this.db.prepare('SELECT count(*) FROM voice_samples WHERE algorithm_version = ?').pluck().get(VOICE_ALGORITHM_VERSION) as number;
    return learned === current && samples === current;
  }
}
