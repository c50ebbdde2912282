import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { createCore } from '../electron/core/app';
import type { Core } from '../electron/core/app';
import { createLogger } from '../electron/core/log';
import type { ProcedureInput, ProcedureName } from '../shared/api/contract';
import { percentile, report, timeAsync } from './support/stats';

/**
 * Ctrl+K on an agency's workspace: 100,000 posts (40 partners, ~600-character bodies) searched
 * through the router as the dialog calls it (calendar.search, top 20, FTS5), beside the previous
 * path in the same run (posts.list with LIKE '%q%', 500 rows with their bodies).
 */
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-search-'));
const logger = createLogger({});
const GOAL_MS = 30;

const vocabulary = (
  'contrat imprévision clause avocat barreau médiation société droit réforme procédure tribunal audience ' +
  'jurisprudence cassation appel conseil client dossier honoraires cabinet associé fiscalité entreprise ' +
  'salarié licenciement prud’hommes bail commercial cession fusion acquisition conformité données ' +
  'personnelles RGPD arbitrage international sentence exequatur succession donation patrimoine famille ' +
  'divorce pension garde assurance responsabilité préjudice indemnisation expertise notaire acte vente ' +
  'immobilier urbanisme permis environnement énergie concurrence marché public subvention association'
).split(' ');

function seed(dir: string, partners: number, posts: number): void {
  createCore({ dataDir: dir, logger }).close();
  const db = new Database(join(dir, 'plume.sqlite'));
  const partnerIds = Array.from({ length: partners }, () => randomUUID());
  const insertPartner = db.prepare("INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES (?, ?, '#4338ca', 'Europe/Paris', 'fr', 0, 0)");
  const insertPost = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, note, created_at, updated_at)
     VALUES (?, ?, ?, '["linkedin"]', '{"type":"doc"}', ?, '', 0, 0)`,
  );
  let state = 7;
  const word = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // High bits: an LCG's low bits cycle quickly and would leave words out.
    return vocabulary[(state >>> 16) % vocabulary.length] ?? 'droit';
  };
  db.transaction(() => {
    partnerIds.forEach((id, i) => insertPartner.run(id, `Me Partenaire ${i}`));
    for (let i = 0; i < posts; i++) {
      let body = '';
      while (body.length < 600) body += `${word()} `;
      // One post in 10,000 carries the rare word.
      if (i % 10_000 === 0) body += 'palimpseste';
      insertPost.run(randomUUID(), partnerIds[i % partners] ?? '', `${word()} ${word()} ${i}`, body);
    }
    db.prepare("INSERT INTO settings (key, value) VALUES ('onboardingDone', 'true')").run();
  })();
  db.close();
}

async function p95<K extends ProcedureName>(core: Core, name: K, input: ProcedureInput<K>, runs = 40): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(
      await timeAsync(async () => {
        const result = await core.router.call(name, input);
        if (!result.ok) throw new Error(result.error.message);
      }),
    );
  }
  return percentile(samples, 95);
}

async function quickSearch(): Promise<void> {
  const dir = join(scratch, 'agency');
  seed(dir, 40, 100_000);
  const core = createCore({ dataDir: dir, logger });
  try {
    const before = await p95(core, 'posts.list', { query: 'palimpseste', limit: 500 }, 10);
    const cases: [string, string][] = [
      ['rare word (10 matches)', 'palimpseste'],
      ['common word (most posts)', 'droit'],
      ['two words, last as a prefix', 'contrat arbitr'],
      ['two letters typed', 'co'],
    ];
    for (const [label, query] of cases) {
      const figure = await p95(core, 'calendar.search', { query, limit: 20 });
      report(`Ctrl+K p95, 100,000 posts, ${label}`, figure, 'LIKE search (previous Ctrl+K), rare word, p95', before, `< ${GOAL_MS} ms`);
      console.log(`  verdict: ${figure < GOAL_MS ? 'within goal' : 'OVER GOAL'}`);
    }
  } finally {
    core.close();
  }
}

console.log('Quick search (Ctrl+K)');
await quickSearch();
rmSync(scratch, { recursive: true, force: true });
