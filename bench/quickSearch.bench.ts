import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../electron/core/app';
import { CalendarRepository } from '../electron/core/calendar/repository';
import { createLogger } from '../electron/core/log';
import { ftsQuery } from '../shared/calendar/search';
import { docFromParagraphs } from '../shared/posts/document';
import { agencyWorkspace } from './support/agencyWorkspace';
import { call } from './support/core';
import { printTable, time, timeAsync } from './support/stats';
import type { Measure } from './support/stats';

/**
 * Ctrl+K on the agency workspace (bench/support/agencyWorkspace.ts: 100,000 posts of ~560
 * characters): calendar.search through core's router as the dialog calls it (top 20, FTS5, no
 * bodies), a rare word, a word most posts hold (« droit »), two words with the last as a prefix,
 * and two letters. Same-run baselines: the previous Ctrl+K path (posts.list, LIKE '%q%', 500 rows
 * with their text) for the rare word, and for « droit » the same ranking with the last word
 * expanded as a prefix (what search did before it ranked a very common word as typed).
 */
const RUNS = 40;
const GOAL = { statistic: 'p95', below: 30 } as const;
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-search-'));

async function main(): Promise<void> {
  const dir = await agencyWorkspace(join(scratch, 'agency'));
  const core = createCore({ dataDir: dir, logger: createLogger({}) });
  try {
    // Setup: ten posts get a rare word, saved through the router as the editor saves (their index updated by core's triggers).
    const rare = await call(core, 'posts.list', { limit: 10 });
    for (const post of rare) {
      const full = await call(core, 'posts.get', { id: post.id });
      await call(core, 'posts.save', { id: post.id, baseVersion: full.version, content: docFromParagraphs([`${full.plainText} Un palimpseste juridique.`]) });
    }

    const searchSamples = async (query: string): Promise<number[]> => {
      await call(core, 'calendar.search', { query, limit: 20 });
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await timeAsync(() => call(core, 'calendar.search', { query, limit: 20 })));
      return samples;
    };
    const likeSamples: number[] = [];
    for (let i = 0; i < 10; i++) likeSamples.push(await timeAsync(() => call(core, 'posts.list', { query: 'palimpseste', limit: 500 })));

    // The ranking as it was for « droit »: the last word always expanded as a prefix (a second connection, same file).
    const db = new Database(join(dir, 'plume.sqlite'), { readonly: true });
    const repository = new CalendarRepository(db);
    const prefixed = ftsQuery('droit') ?? '';
    const before: number[] = [];
    repository.search({ match: prefixed, asTyped: prefixed }, {}, 20);
    for (let i = 0; i < RUNS; i++) before.push(time(() => repository.search({ match: prefixed, asTyped: prefixed }, {}, 20)));
    db.close();

    const hits = await call(core, 'calendar.search', { query: 'droit', limit: 20 });
    const bytes = JSON.stringify(hits).length;
    const measures: Measure[] = [
      { what: 'Ctrl+K, rare word (10 matches)', samples: await searchSamples('palimpseste'), goal: GOAL, baseline: { name: 'LIKE, 500 rows', samples: likeSamples } },
      { what: 'Ctrl+K, common word « droit »', samples: await searchSamples('droit'), goal: GOAL, baseline: { name: 'prefix-expanded', samples: before } },
      { what: 'Ctrl+K, two words, last a prefix', samples: await searchSamples('clause impr'), goal: GOAL },
      { what: 'Ctrl+K, two letters « co »', samples: await searchSamples('co'), goal: GOAL },
    ];
    printTable('Quick search (Ctrl+K), agency workspace, 100,000 posts, through the router', measures);
    console.log(`answer for « droit »: ${hits.length} hits, ${bytes.toLocaleString('en')} bytes of JSON (no bodies: title, 160-character excerpt, snippet)`);
  } finally {
    core.close();
  }
}

await main().finally(() => rmSync(scratch, { recursive: true, force: true }));
