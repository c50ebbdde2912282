import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { VoiceProfileRepository } from '../../../electron/core/voice/repository';
import { VOICE_ALGORITHM_VERSION } from '../../../shared/voice/features';
import { createLogger } from '../../../electron/core/log';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

const MINUTE = 60_000;
const TOPICS = [
  'la réforme des contrats', 'le télétravail', 'la conformité RGPD', 'les baux commerciaux', 'la médiation', 'le devoir de vigilance',
  'les marchés publics', 'la fiscalité des holdings', 'la propriété intellectuelle', 'la rupture conventionnelle', 'les pactes d’associés', 'la due diligence',
];
/** Claire: vouvoie, « je », exclamations, emoji at the end, hashtags in an end block. */
const claire = (topic: string) => `J’ai accompagné une PME sur ${topic} cette semaine ! Vous avez des questions ? Contactez-moi 👉\n\n#droit #avocat`;
/** Dana: tutoie, « nous », long sentences, no emoji, no hashtag. */
const dana = (topic: string) => `Nous avons publié une note détaillée sur ${topic}, et nous la tenons à ta disposition si tu veux approfondir le sujet avec notre équipe.`;

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const partner = async (displayName: string) => t.call('partners.create', { displayName, timeZone: 'Europe/Paris', locale: 'fr' });
const approved = async (partnerId: string, text: string, networks: ('linkedin' | 'x')[] = ['linkedin']) => {
  const post = await t.call('posts.create', { partnerId, title: 'Post', networks, content: docFromParagraphs(text.split('\n\n')), scheduledAt: t.clock.now() + MINUTE });
  await t.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: t.clock.now() });
  return post;
};

/** Claire and Dana, each with `posts` approved posts (one per topic), learned. */
const claireAndDana = async (posts = 10) => {
  const a = await partner('Claire Martin');
  const b = await partner('Dana Lefèvre');
  const claires = [];
  for (const topic of TOPICS.slice(0, posts)) {
    claires.push(await approved(a.id, claire(topic)));
    await approved(b.id, dana(topic));
  }
  return { a, b, claires };
};

const read = (dir: string, sql: string, ...params: unknown[]): unknown => {
  const db = new Database(`${dir}/plume.sqlite`, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params);
  } finally {
    db.close();
  }
};
const profile = (partnerId: string) =>
  read(t.dir, 'SELECT post_count, updated_at, algorithm_version FROM voice_profiles WHERE partner_id = ? AND language = ?', partnerId, 'fr') as { post_count: number; updated_at: number; algorithm_version: number } | undefined;

describe('the voice profile in core', () => {
  it('learns a post at approval, not while it is a draft, and updates it once more at publication without counting it twice', async () => {
    const p = await partner('Claire Martin');
    const draft = await t.call('posts.create', { partnerId: p.id, title: 'Post', networks: ['linkedin'], content: docFromParagraphs([claire('la médiation')]), scheduledAt: t.clock.now() + MINUTE });
    expect(profile(p.id)).toBeUndefined();

    await t.call('signoff.recordDecision', { postId: draft.id, decision: 'approve', channel: 'phone', decidedAt: t.clock.now() });
    const atApproval = profile(p.id);
    expect(atApproval).toMatchObject({ post_count: 1, algorithm_version: VOICE_ALGORITHM_VERSION });
    const generation = () => read(t.dir, 'SELECT generation FROM voice_generations WHERE language = ?', 'fr');
    const generationAtApproval = generation();

    t.clock.advance(MINUTE);
    await t.core.scheduler.tick(t.clock.now());
    const done = await t.call('publishing.manualDone', { postId: draft.id, network: 'linkedin', url: 'https://www.linkedin.com/posts/claire-martin_mediation-activity-7260000000000000000-AbCd' });
    expect(done.status).toBe('published');
    const atPublication = profile(p.id);
    expect(atPublication?.post_count).toBe(1);
    expect(atPublication?.updated_at).toBeGreaterThan(atApproval?.updated_at ?? Infinity);
    // Learned again as it was: nothing the model reads changed, so the model is not rebuilt for it.
    expect(generation()).toEqual(generationAtApproval);
  });

  it('scores a draft as reading like its partner once both partners have 10 posts, and says « en apprentissage » below', async () => {
    const a = await partner('Claire Martin');
    const b = await partner('Dana Lefèvre');
    const newcomer = await partner('Éloïse Petit');
    for (const topic of TOPICS.slice(0, 10)) {
      await approved(a.id, claire(topic));
      await approved(b.id, dana(topic));
    }
    for (const topic of TOPICS.slice(0, 3)) await approved(newcomer.id, claire(topic));

    const score = await t.call('voice.score', { partnerId: a.id, text: claire('les marchés publics') });
    if (score.status !== 'ready') throw new Error(`expected a score, got ${JSON.stringify(score)}`);
    expect(score.language).toBe('fr');
    expect(score.scores[0]).toMatchObject({ partnerId: a.id, partnerName: 'Claire Martin' });
    expect(score.scores[0]?.probability).toBeGreaterThan(0.5);
    expect(score.reasons).toHaveLength(3);

    // A draft for Claire in Dana's voice: it reads like Dana, and the reasons say how it departs from Claire's habits.
    const drift = await t.call('voice.score', { partnerId: a.id, text: dana('les marchés publics') });
    if (drift.status !== 'ready') throw new Error('expected a score');
    expect(drift.scores[0]?.partnerName).toBe('Dana Lefèvre');
    expect(drift.partnerName).toBe('Claire Martin');
    expect(drift.reasons.map((r) => [r.partnerPosts, r.partnerValue !== r.draftValue])).toEqual([[10, true], [10, true], [10, true]]);

    expect(await t.call('voice.score', { partnerId: newcomer.id, text: claire('les marchés publics') })).toEqual({ status: 'learning', reason: 'fewPosts', language: 'fr', posts: 3 });
    expect(await t.call('voice.score', { partnerId: a.id, text: '   ' })).toEqual({ status: 'empty' });
  });

  it('answers a score from the model last built while a newer one is built in the background, then from the newer one', async () => {
    const { a } = await claireAndDana();
    const postsBehind = async () => {
      const score = await t.call('voice.score', { partnerId: a.id, text: claire('les marchés publics') });
      if (score.status !== 'ready') throw new Error(`expected a score, got ${JSON.stringify(score)}`);
      return score.reasons[0]?.partnerPosts;
    };
    // The first score of a language waits for its model.
    expect(await postsBehind()).toBe(10);
    await approved(a.id, claire(TOPICS[10] ?? ''));
    // Claire's eleventh post is learned: the score typed meanwhile does not wait for the new model…
    expect(await postsBehind()).toBe(10);
    // …which is in place once built, sharing the thread.
    let latest = 10;
    for (let i = 0; i < 100 && latest === 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      latest = (await postsBehind()) ?? 10;
    }
    expect(latest).toBe(11);
  });

  it('keeps the model it built for the next start, which scores from it at once without reading the learned posts again', async () => {
    const { a } = await claireAndDana();
    const draft = { partnerId: a.id, text: dana('les marchés publics') };
    const built = await t.call('voice.score', draft);
    expect(built.status).toBe('ready');
    expect(read(t.dir, 'SELECT generation FROM voice_models WHERE language = ?', 'fr')).toEqual(read(t.dir, 'SELECT generation FROM voice_generations WHERE language = ?', 'fr'));
    const dir = t.dir;
    t.core.close();

    const readingSamples = [vi.spyOn(VoiceProfileRepository.prototype, 'sampleKeysPage'), vi.spyOn(VoiceProfileRepository.prototype, 'samples')];
    const reopened = createTestCore(dir);
    try {
      // The same probabilities and reasons, to the last digit: the model read back is the one built.
      expect(await reopened.call('voice.score', draft)).toEqual(built);
      for (const spy of readingSamples) expect(spy).not.toHaveBeenCalled();
    } finally {
      reopened.core.close();
      for (const spy of readingSamples) spy.mockRestore();
    }
  });

  it('builds the kept model again once what it learned from changed: a partner archived or restored, a post deleted', async () => {
    const { a, b, claires } = await claireAndDana(11);
    const draft = { partnerId: a.id, text: claire('les marchés publics') };
    expect((await t.call('voice.score', draft)).status).toBe('ready');
    const dir = t.dir;
    t.core.close();
    const generation = () => (read(dir, 'SELECT generation FROM voice_generations WHERE language = ?', 'fr') as { generation: number }).generation;

    const reopened = createTestCore(dir);
    try {
      const kept = generation();
      await reopened.call('partners.setArchived', { id: b.id, archived: true });
      expect(generation()).toBeGreaterThan(kept);
      // Dana's posts leave the model: with Claire alone there is nobody to tell her from.
      await vi.waitFor(async () => expect((await reopened.call('voice.score', draft)).status).toBe('learning'), { timeout: 10_000 });

      await reopened.call('partners.setArchived', { id: b.id, archived: false });
      await vi.waitFor(async () => expect((await reopened.call('voice.score', draft)).status).toBe('ready'), { timeout: 10_000 });

      const restored = generation();
      await reopened.call('posts.delete', { id: claires[0]?.id ?? '' });
      expect(generation()).toBeGreaterThan(restored);
      await vi.waitFor(
        async () => {
          const score = await reopened.call('voice.score', draft);
          if (score.status !== 'ready') throw new Error(`expected a score, got ${JSON.stringify(score)}`);
          expect(score.reasons[0]?.partnerPosts).toBe(10);
        },
        { timeout: 10_000 },
      );
      expect(read(dir, 'SELECT generation FROM voice_models WHERE language = ?', 'fr')).toEqual({ generation: generation() });
    } finally {
      reopened.core.close();
    }
  });

  it('builds the model again when the one kept cannot be read back, and says so in the log', async () => {
    const { a, b } = await claireAndDana();
    const draft = { partnerId: a.id, text: claire('les marchés publics') };
    const built = await t.call('voice.score', draft);
    const dir = t.dir;
    t.core.close();
    const db = new Database(`${dir}/plume.sqlite`);
    db.prepare(`UPDATE voice_models SET model = '{"partners":[{"id":"x","n":-1}]}'`).run();
    db.close();

    const logFile = `${dir}/voice-test.log`;
    const reopened = createTestCore(dir, createLogger({ file: logFile }));
    try {
      expect(await reopened.call('voice.score', draft)).toEqual(built);
      expect(readFileSync(logFile, 'utf8')).toContain('voice model (fr): the model kept from the last session could not be read; it is built again from the learned posts');
      const kept = read(dir, 'SELECT model FROM voice_models WHERE language = ?', 'fr') as { model: string };
      expect((JSON.parse(kept.model) as { partners: { id: string }[] }).partners.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    } finally {
      reopened.core.close();
    }
  });

  it('rebuilds the profiles at start when they were learned by another algorithm version', async () => {
    const p = await partner('Claire Martin');
    const post = await approved(p.id, claire('la médiation'));
    const dir = t.dir;
    const db = new Database(`${dir}/plume.sqlite`);
    db.prepare("UPDATE voice_samples SET algorithm_version = ?, features = '{}'").run(VOICE_ALGORITHM_VERSION - 1);
    db.prepare('UPDATE voice_profiles SET algorithm_version = ?').run(VOICE_ALGORITHM_VERSION - 1);
    db.close();
    t.core.close();

    const reopened = createTestCore(dir);
    try {
      await vi.waitFor(
        () => {
          const sample = read(dir, 'SELECT algorithm_version, features FROM voice_samples WHERE post_id = ?', post.id) as { algorithm_version: number; features: string };
          expect(sample.algorithm_version).toBe(VOICE_ALGORITHM_VERSION);
          expect(sample.features).not.toBe('{}');
          expect(read(dir, 'SELECT algorithm_version FROM voice_profiles WHERE partner_id = ?', p.id)).toMatchObject({ algorithm_version: VOICE_ALGORITHM_VERSION });
        },
        { timeout: 10_000 },
      );
    } finally {
      reopened.core.close();
    }
  });

  it('gives the monthly report a line per partner: the share of the month’s published posts that read like them, or the abstention', async () => {
    const a = await partner('Claire Martin');
    const b = await partner('Dana Lefèvre');
    const newcomer = await partner('Éloïse Petit');
    const published: { id: string; partnerId: string }[] = [];
    for (const topic of TOPICS.slice(0, 10)) {
      published.push({ id: (await approved(a.id, claire(topic))).id, partnerId: a.id });
      await approved(b.id, dana(topic));
    }
    for (const topic of TOPICS.slice(0, 3)) published.push({ id: (await approved(newcomer.id, claire(topic))).id, partnerId: newcomer.id });
    t.clock.advance(MINUTE);
    await t.core.scheduler.tick(t.clock.now());
    for (const [i, post] of published.entries()) {
      const url = `https://www.linkedin.com/posts/cabinet_droit-activity-72600000000000000${String(i).padStart(2, '0')}-AbCd`;
      expect((await t.call('publishing.manualDone', { postId: post.id, network: 'linkedin', url })).status).toBe('published');
    }

    const report = await t.call('reports.build', { month: '2026-11', partnerId: a.id });
    if (report.kind !== 'partner') throw new Error('expected a partner report');
    // Each post is read without itself (leave-one-out), as the profile was calibrated.
    expect(report.report.voice).toEqual({ posts: 10, scored: 10, readsLike: 10 });
    const html = (await t.call('reports.preview', { month: '2026-11', partnerId: a.id })).html;
    expect(html.includes('Voix\u00a0: 10 des 10 posts publiés ce mois-ci se lisent comme Claire Martin (100\u202f%)')).toBe(true);

    const learning = await t.call('reports.build', { month: '2026-11', partnerId: newcomer.id });
    if (learning.kind !== 'partner') throw new Error('expected a partner report');
    expect(learning.report.voice).toEqual({ posts: 3, scored: 0, readsLike: 0 });
    expect((await t.call('reports.preview', { month: '2026-11', partnerId: newcomer.id })).html.includes('Voix\u00a0: profil en apprentissage')).toBe(true);
  });

  it('forgets a deleted post: the partner falls back to « en apprentissage » below 10 posts', async () => {
    const { a, claires } = await claireAndDana();
    expect((await t.call('voice.score', { partnerId: a.id, text: claire('les marchés publics') })).status).toBe('ready');

    await t.call('posts.delete', { id: claires[0]?.id ?? '' });
    expect(await t.call('voice.score', { partnerId: a.id, text: claire('les marchés publics') })).toEqual({ status: 'learning', reason: 'fewPosts', language: 'fr', posts: 9 });
  });
});
