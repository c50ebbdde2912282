import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/app';
import { createLogger } from '../../electron/core/log';
import { databaseFile, openDatabase } from '../../electron/core/db/open';
import { packRevisionBody } from '../../electron/core/posts/revisionBody';
import { nodeTzDataKey, nodeZoneTable } from '../../electron/core/time/nodeZoneTables';
import { zoneTableCache, zoneTableCachePath } from '../../electron/core/time/zoneTableCache';
import { SignatureRepository } from '../../electron/core/similarity/signatureRepository';
import { PartnerRepository } from '../../electron/core/partners/repository';
import { VoiceProfileRepository } from '../../electron/core/voice/repository';
import { VoiceService } from '../../electron/core/voice/service';

/**
 * The agency-sized workspace every benchmark measures (issue 15): 50 partners, 100,000 posts
 * with French bodies of about 560 characters over ~3 years, one revision each, 1,000,000
 * chained audit entries (10 per post), and for each published post one publication per network
 * with its engagement readings at +1 h, +24 h, +7 d and +30 d (those due by the center day). Built once through core's own migrations and chaining,
 * cached under node_modules/.cache keyed by the migrations and this generator's version, then
 * copied for each benchmark so every run opens a cold, unshared workspace.
 */
export const AGENCY = { partners: 50, posts: 100_000, auditPerPost: 10, spanDays: 1_000 } as const;
/** Bump when the generator changes, so a stale cache is rebuilt. */
const GENERATOR_VERSION = 6;
/** Posts are spread evenly around this day (a Monday): a week view there holds ~700 posts. */
export const AGENCY_CENTER = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

const ZONES = ['Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'Europe/Brussels', 'Africa/Casablanca', 'America/New_York', 'Asia/Tokyo'];
const NETWORK_SETS = ['["linkedin"]', '["linkedin","x"]', '["linkedin","bluesky","mastodon"]', '["x"]', '["linkedin","instagram"]'];
const PILLARS = ['expertise', 'actualité', 'cabinet', 'engagement', null];
const SENTENCES = [
  'Depuis la réforme du droit des contrats, la clause d’imprévision permet de demander une renégociation.',
  'Nous accompagnons les dirigeants de PME dans la rédaction de leurs contrats commerciaux.',
  'Le tribunal judiciaire de Paris a rendu une décision attendue sur la rupture brutale des relations commerciales.',
  'La médiation reste la voie la plus rapide pour sortir d’un litige entre associés.',
  'Quelles obligations pour l’employeur lorsqu’un salarié exerce son droit de retrait ?',
  'Retour sur notre matinée consacrée à la conformité RGPD des données de santé.',
  'La Cour de cassation précise les contours de la faute grave en matière de licenciement.',
  'Un bail commercial se négocie bien avant sa signature : durée, indexation, travaux.',
  'Fusions et acquisitions : l’audit juridique conditionne la valeur de la cession.',
  'Merci aux équipes du cabinet pour cette belle année au service de nos clients.',
  'Le nouveau régime de responsabilité du fait des produits défectueux entre en vigueur.',
  'Comment protéger une marque à l’international sans exploser son budget ?',
  'Les pactes d’actionnaires méritent une relecture à chaque levée de fonds.',
  'Procédure de sauvegarde : anticiper plutôt que subir les difficultés de l’entreprise.',
  'La transaction met fin au litige, à condition d’être rédigée avec soin.',
  'Retrouvez notre analyse complète sur le site du cabinet.',
];
/** The figures each network gives (shared/engagement/figures.ts), as cumulative counters. */
const NETWORK_METRICS: Record<string, readonly string[]> = {
  linkedin: ['likes', 'replies', 'impressions'],
  x: ['likes', 'reposts', 'replies', 'quotes', 'impressions', 'bookmarks'],
  bluesky: ['likes', 'reposts', 'replies', 'quotes'],
  mastodon: ['likes', 'reposts', 'replies'],
};
const READING_POINTS = [
  ['1h', 3_600_000, 0.2],
  ['24h', DAY, 0.7],
  ['7d', 7 * DAY, 0.95],
  ['30d', 30 * DAY, 1],
] as const;
const HASHTAGS = ['#droit', '#avocat', '#PME', '#contrats', '#RGPD', '#social', '#fiscalité', '#médiation'];

/** A deterministic generator, so every build of the fixture measures the same workspace. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

function body(random: () => number): { paragraphs: string[]; plain: string } {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < 480) {
    const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)] ?? '';
    const paragraph = random() < 0.5 ? sentence : `${sentence} ${SENTENCES[Math.floor(random() * SENTENCES.length)] ?? ''}`;
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  paragraphs.push(`${HASHTAGS[Math.floor(random() * HASHTAGS.length)] ?? ''} ${HASHTAGS[Math.floor(random() * HASHTAGS.length)] ?? ''}`);
  return { paragraphs, plain: paragraphs.join('\n\n') };
}

const postNetworks = (i: number): string[] => JSON.parse(NETWORK_SETS[i % NETWORK_SETS.length] ?? '[]') as string[];
const publicationUrl = (network: string, i: number) => `https://${network}.example/p/${i}`;

interface Fact {
  at: number;
  actor: 'community_manager' | 'partner' | 'system';
  action: string;
  from: string | null;
  to: string | null;
  channel: 'app' | 'email' | 'system';
  details: Record<string, unknown>;
}

/**
 * A post's audit entries as core writes them, as far as its status got, padded with edits to
 * AGENCY.auditPerPost: for a published post, one `published` fact per network (details naming
 * it), the last one moving the post to published and listing them all (electron/core/publishing/
 * rounds.ts); Instagram's, published by hand, by the community manager. A missed post ends on
 * core's `missed`, with its lateness.
 */
function lifeFacts(status: string, networks: readonly string[], createdAt: number, at: number, i: number): Fact[] {
  const HOUR = 3_600_000;
  const requested = createdAt + DAY;
  const facts: Fact[] = [{ at: createdAt, actor: 'community_manager', action: 'created', from: null, to: 'draft', channel: 'app', details: {} }];
  const tail: Fact[] = [];
  if (status !== 'draft') {
    tail.push(
      { at: requested, actor: 'community_manager', action: 'requestSignoff', from: 'draft', to: 'in_review', channel: 'app', details: {} },
      { at: requested + 1_000, actor: 'system', action: 'signoffEmailQueued', from: 'in_review', to: 'in_review', channel: 'system', details: {} },
      { at: requested + 60_000, actor: 'system', action: 'signoffEmailSent', from: 'in_review', to: 'in_review', channel: 'email', details: {} },
    );
  }
  if (status === 'scheduled' || status === 'published' || status === 'missed') {
    tail.push(
      { at: requested + 5 * HOUR, actor: 'partner', action: 'approve', from: 'in_review', to: 'approved', channel: 'email', details: {} },
      { at: requested + 6 * HOUR, actor: 'community_manager', action: 'schedule', from: 'approved', to: 'scheduled', channel: 'app', details: {} },
    );
  }
  if (status === 'missed') {
    tail.push({ at: at + 20 * 60_000, actor: 'system', action: 'missed', from: 'scheduled', to: 'missed', channel: 'system', details: { scheduledAt: at, lateMs: 20 * 60_000, graceMinutes: 15 } });
  }
  if (status === 'published') {
    tail.push({ at, actor: 'system', action: 'startPublishing', from: 'scheduled', to: 'scheduled', channel: 'system', details: {} });
    networks.forEach((network, k) => {
      const last = k === networks.length - 1;
      const byHand = network === 'instagram';
      const details: Record<string, unknown> = { network, remoteId: byHand ? null : `r${i}${network}`, url: publicationUrl(network, i) };
      if (last) Object.assign(details, { published: [...networks], failed: [] });
      tail.push({ at: at + (k + 1) * 2_000, actor: byHand ? 'community_manager' : 'system', action: 'published', from: 'scheduled', to: last ? 'published' : 'scheduled', channel: byHand ? 'app' : 'system', details });
    });
  }
  const edits = AGENCY.auditPerPost - facts.length - tail.length;
  if (edits < 0) throw new Error(`a post's life holds more than ${AGENCY.auditPerPost} facts`);
  for (let k = 0; k < edits; k++) facts.push({ at: createdAt + Math.floor(((k + 1) * (requested - createdAt)) / (edits + 1)), actor: 'community_manager', action: 'contentEdited', from: 'draft', to: 'draft', channel: 'app', details: {} });
  return [...facts, ...tail];
}

const doc = (paragraphs: string[]): string =>
  JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

function cacheKey(): string {
  const migrations = join('electron', 'core', 'db', 'migrations');
  const hash = createHash('sha256').update(`generator ${GENERATOR_VERSION}`);
  for (const file of readdirSync(migrations).sort()) hash.update(file).update(readFileSync(join(migrations, file)));
  return hash.digest('hex').slice(0, 16);
}

async function build(dir: string): Promise<void> {
  const logger = createLogger({});
  createCore({ dataDir: dir, logger }).close();
  const db = new Database(join(dir, 'plume.sqlite'));
  db.pragma('journal_mode = WAL');
  const random = generator(42);
  const partnerIds = Array.from({ length: AGENCY.partners }, () => randomUUID());
  const insertPartner = db.prepare(
    'INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)',
  );
  const insertPost = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, pillar, scheduled_at, scheduled_zone, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  const insertRevision = db.prepare(
    'INSERT INTO revisions (post_id, number, title, body, created_at) VALUES (?, 1, ?, ?, ?)',
  );
  const insertPublication = db.prepare(
    `INSERT INTO publications (post_id, round_id, network, account_id, mode, state, approved_hash, due_at, remote_id, url, created_at, updated_at, published_at)
     VALUES (?, ?, ?, NULL, ?, 'published', 'bench', ?, ?, ?, ?, ?, ?)`,
  );
  const insertReading = db.prepare(
    `INSERT INTO engagement_readings (publication_id, metric, value, read_at, source, point, created_at) VALUES (?, ?, ?, ?, 'api', ?, ?)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (post_id, partner_id, at, actor_kind, actor_name, action, from_status, to_status, revision_number, channel, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const start = AGENCY_CENTER - (AGENCY.spanDays / 2) * DAY;
  db.transaction(() => {
    partnerIds.forEach((id, i) =>
      insertPartner.run(id, `Me Associé ${String(i + 1).padStart(2, '0')}`, `hsl(${(i * 37) % 360} 55% 40%)`, ZONES[i % ZONES.length] ?? 'Europe/Paris', i % 4 === 0 ? 'en' : 'fr'),
    );
    for (let i = 0; i < AGENCY.posts; i++) {
      const partnerId = partnerIds[Math.floor(random() * partnerIds.length)] ?? '';
      // Working hours, Paris-ish: 07:00–19:00 UTC, on the quarter hour.
      const at = start + Math.floor((i / AGENCY.posts) * AGENCY.spanDays) * DAY + (7 * 60 + Math.floor(random() * 48) * 15) * 60_000;
      const past = at < AGENCY_CENTER;
      // Ahead: an approved post with a time is scheduled by core's next tick, so a workspace in
      // use holds none (generated as approved, every start would first schedule thousands).
      const status = past ? (random() < 0.95 ? 'published' : 'missed') : (['draft', 'in_review', 'scheduled', 'scheduled'][Math.floor(random() * 4)] ?? 'draft');
      const { paragraphs, plain } = body(random);
      const title = (paragraphs[0] ?? '').slice(0, 60);
      const content = doc(paragraphs);
      const id = randomUUID();
      const createdAt = at - (3 + Math.floor(random() * 10)) * DAY;
      insertPost.run(id, partnerId, title, NETWORK_SETS[i % NETWORK_SETS.length] ?? '["linkedin"]', content, plain, status, PILLARS[i % PILLARS.length] ?? null, at, 'Europe/Paris', createdAt, createdAt + DAY);
      insertRevision.run(id, title, packRevisionBody(content, plain), createdAt);
      if (status === 'published') {
        for (const network of postNetworks(i)) {
          // Instagram goes out by hand in this workspace: a publication without readings.
          const manual = network === 'instagram';
          const publicationId = insertPublication.run(id, randomUUID(), network, manual ? 'manual' : 'api', at, manual ? null : `r${i}${network}`, publicationUrl(network, i), at, at, at).lastInsertRowid;
          if (manual) continue;
          const reach = 200 + Math.floor(random() * 5_000);
          for (const [point, after, share] of READING_POINTS) {
            if (at + after > AGENCY_CENTER) break;
            for (const metric of NETWORK_METRICS[network] ?? []) {
              const scale = metric === 'impressions' ? 1 : metric === 'likes' ? 0.02 : 0.004;
              insertReading.run(publicationId, metric, Math.floor(reach * scale * share), at + after, point, at + after);
            }
          }
        }
      }
      for (const fact of lifeFacts(status, postNetworks(i), createdAt, at, i)) {
        insertAudit.run(id, partnerId, fact.at, fact.actor, fact.actor === 'partner' ? 'associe@exemple-avocats.fr' : '', fact.action, fact.from, fact.to, fact.channel, JSON.stringify(fact.details));
      }
    }
    db.prepare("INSERT INTO settings (key, value) VALUES ('onboardingDone', 'true') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  // Core chains the million new audit rows itself at the next start, as after a migration.
  createCore({ dataDir: dir, logger }).close();
  // A workspace in daily use has its near-duplicate signatures and voice samples: core builds them
  // once in the background after the upgrade that introduced them (minutes at this size), so a
  // fixture without them would time every start and view against that one-off rebuild.
  const opened = openDatabase(databaseFile(dir), Date.now());
  const now = Date.now();
  const noPause = () => Promise.resolve();
  await new SignatureRepository(opened.db).rebuildStale(now, noPause);
  const voices = new VoiceProfileRepository(opened.db);
  await voices.rebuildStale(now, noPause);
  // …and the voice model its first score built and kept for the next starts (migration 0024).
  const partnerId = opened.db.prepare('SELECT id FROM partners ORDER BY rowid LIMIT 1').pluck().get();
  if (typeof partnerId !== 'string') throw new Error('the agency workspace has no partner');
  const text = 'Nous avons accompagné un client sur la réforme du droit des contrats, et je reste à votre disposition pour en parler.';
  await new VoiceService(voices, new PartnerRepository(opened.db), { now: () => now }, logger).score(partnerId, text);
  opened.db.pragma('wal_checkpoint(TRUNCATE)');
  opened.db.close();
}

/**
 * The time-zone tables a workspace in daily use has kept from its earlier launches (its
 * partners' zones and the browser's), as core writes them (electron/core/time/zoneTableCache.ts).
 */
function ensureZoneTableCache(dir: string): void {
  const path = zoneTableCachePath(dir);
  if (existsSync(path)) return;
  const db = new Database(databaseFile(dir), { readonly: true });
  const zones = db.prepare('SELECT DISTINCT time_zone FROM partners').pluck().all() as string[];
  db.close();
  const cache = zoneTableCache(path, nodeTzDataKey(), (error) => {
    throw error;
  });
  for (const zone of new Set([...zones, 'UTC', 'Europe/Paris'])) cache.remember(nodeZoneTable(zone));
}

/**
 * A fresh copy of the agency workspace in `into` (a data directory), building the cached
 * original first if needed (about a minute, once per machine and schema).
 */
export async function agencyWorkspace(into: string): Promise<string> {
  const cache = join('node_modules', '.cache', 'plume-bench', `agency-${cacheKey()}`);
  if (!existsSync(join(cache, 'plume.sqlite'))) {
    const building = `${cache}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const started = Date.now();
    console.log(`building the agency workspace (${AGENCY.posts.toLocaleString('en')} posts, ${(AGENCY.posts * AGENCY.auditPerPost).toLocaleString('en')} audit entries)…`);
    await build(building);
    rmSync(cache, { recursive: true, force: true });
    renameSync(building, cache);
    console.log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s, cached in ${cache}`);
  }
  ensureZoneTableCache(cache);
  rmSync(into, { recursive: true, force: true });
  cpSync(cache, into, { recursive: true });
  return into;
}

/** The database file's size in bytes (what the workspace costs on disk). */
export const databaseBytes = (dataDir: string): number => statSync(join(dataDir, 'plume.sqlite')).size;
