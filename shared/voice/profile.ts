import { STYLE_FEATURES } from './features';
import type { StyleFeature, VoiceFeatures } from './features';

/** Fewer posts than this and a partner's voice is « en apprentissage ». */
export const MIN_POSTS = 10;
/** Style features weigh most: they are what a person chooses. */
const WEIGHTS = { style: 2, delta: 1, trigrams: 1 } as const;

export interface VoiceSample {
  partnerId: string;
  features: VoiceFeatures;
}

interface Sums {
  n: number;
  style: number[];
  functionWords: number[];
  trigrams: Map<string, number>;
}

interface Stats {
  styleScale: number[];
  fwMean: number[];
  fwScale: number[];
}

export interface VoiceModel {
  partners: Map<string, Sums>;
  stats: Stats;
  temperature: number;
  looAccuracy: number;
  chance: number;
  /** null when the model scores; otherwise why it abstains. */
  learning: 'fewPosts' | 'notAboveChance' | null;
}

export interface VoiceReason {
  feature: StyleFeature;
  /** The partner's mean over their posts (a share of posts for yes/no features). */
  partnerValue: number;
  draftValue: number;
  partnerPosts: number;
}

export type VoiceScore =
  | { status: 'learning'; reason: 'fewPosts' | 'notAboveChance' }
  | { status: 'ready'; scores: { partnerId: string; probability: number }[]; reasons: VoiceReason[] };

const add = (into: number[], values: readonly number[], sign = 1) => values.forEach((v, i) => (into[i] = (into[i] ?? 0) + sign * v));

/** Work units between two steps of a build: a step stays within a few milliseconds. */
const STEP = 500;

function* sumsOf(samples: readonly VoiceSample[]): Generator<void, Map<string, Sums>> {
  const partners = new Map<string, Sums>();
  let done = 0;
  for (const { partnerId, features } of samples) {
    let sums = partners.get(partnerId);
    if (!sums) {
      sums = { n: 0, style: [], functionWords: [], trigrams: new Map() };
      partners.set(partnerId, sums);
    }
    sums.n++;
    add(sums.style, features.style);
    add(sums.functionWords, features.functionWords);
    for (const [gram, c] of features.trigrams) sums.trigrams.set(gram, (sums.trigrams.get(gram) ?? 0) + c);
    if (++done % STEP === 0) yield;
  }
  return partners;
}

function* statsOf(samples: readonly VoiceSample[]): Generator<void, Stats> {
  function* spread(pick: (f: VoiceFeatures) => number[], size: number): Generator<void, { mean: number[]; scale: number[] }> {
    const mean = new Array<number>(size).fill(0);
    let done = 0;
    for (const s of samples) {
      add(mean, pick(s.features));
      if (++done % (STEP * 4) === 0) yield;
    }
    const m = mean.map((v) => v / Math.max(1, samples.length));
    const variance = new Array<number>(size).fill(0);
    for (const s of samples) {
      pick(s.features).forEach((v, i) => (variance[i] = (variance[i] ?? 0) + (v - (m[i] ?? 0)) ** 2));
      if (++done % (STEP * 4) === 0) yield;
    }
    // A feature nobody varies on carries no information: a floor keeps it from dividing by zero.
    return { mean: m, scale: variance.map((v) => Math.max(Math.sqrt(v / Math.max(1, samples.length)), 1e-3)) };
  }
  const style = yield* spread((f) => f.style, STYLE_FEATURES.length);
  const fw = yield* spread((f) => f.functionWords, samples[0]?.features.functionWords.length ?? 0);
  return { styleScale: style.scale, fwMean: fw.mean, fwScale: fw.scale };
}

/** Squared norm of a 3-gram profile, kept per partner so a distance reads only the text's own 3-grams. */
const norms = new WeakMap<ReadonlyMap<string, number>, number>();
function squaredNorm(profile: ReadonlyMap<string, number>): number {
  let norm = norms.get(profile);
  if (norm === undefined) {
    norm = 0;
    for (const c of profile.values()) norm += c * c;
    norms.set(profile, norm);
  }
  return norm;
}

function* squaredNormSteps(profile: ReadonlyMap<string, number>): Generator<void, void> {
  if (norms.has(profile)) return;
  let norm = 0;
  let done = 0;
  for (const c of profile.values()) {
    norm += c * c;
    if (++done % (STEP * 40) === 0) yield;
  }
  norms.set(profile, norm);
}

/** Cosine of `a` with `b - minus`, reading only the grams of `a` and `minus` (|b - m|² = |b|² - 2 b·m + |m|²). */
function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, minus?: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [gram, x] of a) dot += x * ((b.get(gram) ?? 0) - (minus?.get(gram) ?? 0));
  let nb = squaredNorm(b);
  if (minus) for (const [gram, m] of minus) nb += m * m - 2 * (b.get(gram) ?? 0) * m;
  const na = squaredNorm(a);
  return na <= 0 || nb <= 1e-9 ? 0 : dot / Math.sqrt(na * nb);
}

/** Distance from a text to a partner's profile; `leaveOut`: a sample of that partner to exclude (leave-one-out). */
function distance(stats: Stats, sums: Sums, f: VoiceFeatures, leaveOut: VoiceFeatures | null): number {
  const n = sums.n - (leaveOut ? 1 : 0);
  let style = 0;
  // Plain loops: the leave-one-out calibration runs this for every post against every partner.
  for (let i = 0; i < STYLE_FEATURES.length; i++) {
    const mean = ((sums.style[i] ?? 0) - (leaveOut?.style[i] ?? 0)) / n;
    style += Math.abs((f.style[i] ?? 0) - mean) / (stats.styleScale[i] ?? 1);
  }
  // Cosine Delta: the angle between the z-scored function-word profiles (Smith & Aldridge 2011).
  let dot = 0;
  let nf = 0;
  let np = 0;
  const { fwMean, fwScale } = stats;
  for (let i = 0; i < fwMean.length; i++) {
    const m = fwMean[i] ?? 0;
    const scale = fwScale[i] ?? 1;
    const zf = ((f.functionWords[i] ?? 0) - m) / scale;
    const zp = (((sums.functionWords[i] ?? 0) - (leaveOut?.functionWords[i] ?? 0)) / n - m) / scale;
    dot += zf * zp;
    nf += zf * zf;
    np += zp * zp;
  }
  const delta = nf === 0 || np === 0 ? 1 : 1 - dot / Math.sqrt(nf * np);
  const trigram = 1 - cosine(f.trigrams, sums.trigrams, leaveOut?.trigrams);
  return (WEIGHTS.style * style) / STYLE_FEATURES.length + WEIGHTS.delta * delta + WEIGHTS.trigrams * trigram;
}

/** softmax(distances, t)[truth] without allocating: the temperature search calls it for every post at every step. */
function trueProbability(distances: readonly number[], truth: number, temperature: number): number {
  let min = Infinity;
  for (const d of distances) if (d < min) min = d;
  let total = 0;
  for (const d of distances) total += Math.exp(-(d - min) / temperature);
  return Math.exp(-((distances[truth] ?? Infinity) - min) / temperature) / total;
}

function softmax(distances: readonly number[], temperature: number): number[] {
  const min = Math.min(...distances);
  const weights = distances.map((d) => Math.exp(-(d - min) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * At most this many posts of each partner calibrate the score (leave-one-out accuracy and
 * temperature): every learned post of an agency (75,000) took 14 s of one thread for a figure
 * that 60 a partner already pins down (50 partners: 3,000 posts, a standard error under 1 %).
 */
export const CALIBRATION_POSTS_PER_PARTNER = 60;

/**
 * Learns the partners' voices from their approved and published posts, and calibrates the
 * score's temperature on the firm's own posts, leave-one-out.
 */
export function buildVoiceModel(samples: readonly VoiceSample[]): VoiceModel {
  const steps = voiceModelSteps(samples);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same build in steps of a few milliseconds (core shares its thread between them): the
 * sums read every learned post, the calibration the first CALIBRATION_POSTS_PER_PARTNER of each
 * partner in the order given.
 */
export function* voiceModelSteps(samples: readonly VoiceSample[]): Generator<void, VoiceModel> {
  const all = yield* sumsOf(samples);
  const partners = new Map([...all].filter(([, sums]) => sums.n >= MIN_POSTS));
  // Each profile's 3-gram norm (a partner of thousands of posts holds ~100,000 3-grams) is
  // kept before the calibration, a step at a time, not all at its first distance.
  for (const sums of partners.values()) yield* squaredNormSteps(sums.trigrams);
  const used = samples.filter((s) => partners.has(s.partnerId));
  const stats = yield* statsOf(used);
  const chance = partners.size === 0 ? 1 : 1 / partners.size;
  if (partners.size < 2) return { partners, stats, temperature: 1, looAccuracy: 0, chance, learning: 'fewPosts' };
  const ids = [...partners.keys()];
  const taken = new Map<string, number>();
  const calibration = used.filter((sample) => {
    const count = taken.get(sample.partnerId) ?? 0;
    taken.set(sample.partnerId, count + 1);
    return count < CALIBRATION_POSTS_PER_PARTNER;
  });
  const loo: { truth: number; distances: number[] }[] = [];
  for (const sample of calibration) {
    loo.push({
      truth: ids.indexOf(sample.partnerId),
      distances: ids.map((id) => {
        const sums = partners.get(id);
        return sums ? distance(stats, sums, sample.features, id === sample.partnerId ? sample.features : null) : Infinity;
      }),
    });
    if (loo.length % 20 === 0) yield;
  }
  const correct = loo.filter(({ truth, distances }) => distances.indexOf(Math.min(...distances)) === truth).length;
  const looAccuracy = correct / loo.length;
  // Temperature by maximum likelihood of the true partner, over a fixed grid (deterministic).
  let temperature = 1;
  let best = Infinity;
  for (let t = 0.02; t <= 5; t *= 1.15) {
    let nll = 0;
    for (const { truth, distances } of loo) nll -= Math.log(Math.max(trueProbability(distances, truth, t), 1e-12));
    if (nll < best) {
      best = nll;
      temperature = t;
    }
    yield;
  }
  // « Clearly above chance »: two standard errors over it.
  const margin = 2 * Math.sqrt((chance * (1 - chance)) / loo.length);
  return { partners, stats, temperature, looAccuracy, chance, learning: looAccuracy > chance + margin ? null : 'notAboveChance' };
}

/**
 * « Reads like Claire 72 % / Dana 21 % », with the three style features that weigh most.
 * `ownerOfSample`: the partner whose learned posts include this very text; `reasonsFor`: the
 * partner the reasons compare the draft with (default: the one it reads most like).
 */
export function scoreVoice(model: VoiceModel, draft: VoiceFeatures, ownerOfSample?: string, reasonsFor?: string): VoiceScore {
  if (model.learning) return { status: 'learning', reason: model.learning };
  const ids = [...model.partners.keys()];
  // A post that is itself one of a partner's samples is scored without it (leave-one-out), as in calibration.
  const distances = ids.map((id) => {
    const sums = model.partners.get(id);
    return sums ? distance(model.stats, sums, draft, id === ownerOfSample && sums.n > 1 ? draft : null) : Infinity;
  });
  const probabilities = softmax(distances, model.temperature);
  const scores = ids.map((partnerId, i) => ({ partnerId, probability: probabilities[i] ?? 0 })).sort((a, b) => b.probability - a.probability);
  // The reasons compare the draft with its own partner when given (« Claire vouvoie… ; ce brouillon tutoie »), else with the top one.
  const top = model.partners.get(reasonsFor ?? scores[0]?.partnerId ?? '');
  const reasons: VoiceReason[] = top
    ? STYLE_FEATURES.map((feature, i) => ({
        feature,
        partnerValue: (top.style[i] ?? 0) / top.n,
        draftValue: draft.style[i] ?? 0,
        weight: Math.abs((draft.style[i] ?? 0) - (top.style[i] ?? 0) / top.n) / (model.stats.styleScale[i] ?? 1),
      }))
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 3)
        .map(({ feature, partnerValue, draftValue }) => ({ feature, partnerValue, draftValue, partnerPosts: top.n }))
    : [];
  return { status: 'ready', scores, reasons };
}
