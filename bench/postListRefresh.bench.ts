import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/app';
import type { Core } from '../electron/core/app';
import { createLogger } from '../electron/core/log';
import { docFromParagraphs } from '../shared/posts/document';
import type { PostPage, PostPageInput } from '../shared/posts/schema';
import { agencyWorkspace } from './support/agencyWorkspace';
import { call } from './support/core';
import { printTable, timeAsync } from './support/stats';
import type { Measure } from './support/stats';

/**
 * The Posts page keeping its loaded list fresh after one event naming a post (post.saved,
 * post.deleted, signoff.changed), on the agency workspace (100,000 posts): core's time for what
 * the page asks, with 1 and 10 pages of 200 rows loaded. Baseline: what the page asked before,
 * every loaded page read again in turn (React Query's refetch of an infinite query). Now: one
 * `posts.rows` for the post named, under the list's filter (renderer/src/posts/listRefresh.ts).
 */
const RUNS = 20;
const PAGE = 200;
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-postlist-'));

type Filter = Omit<PostPageInput, 'after' | 'limit'>;

/** Every loaded page again, each from the cursor the one before it ends on: the old refresh. Answers the rows and bytes sent. */
async function readPages(core: Core, filter: Filter, pages: number): Promise<{ rows: number; bytes: number }> {
  let after: PostPage['next'] = null;
  let rows = 0;
  let bytes = 0;
  for (let n = 0; n < pages; n++) {
    const page: PostPage = await call(core, 'posts.page', { ...filter, limit: PAGE, ...(after ? { after } : {}) });
    rows += page.items.length;
    bytes += JSON.stringify(page).length;
    after = page.next;
    if (!after) break;
  }
  return { rows, bytes };
}

async function samples(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await timeAsync(fn));
  return out;
}

async function main(): Promise<void> {
  const dir = await agencyWorkspace(join(scratch, 'agency'));
  const core = createCore({ dataDir: dir, logger: createLogger({}) });
  try {
    // The event: a post down the list (the 500th) is saved, and moves to the top.
    const target = (await call(core, 'posts.page', { limit: 500 })).items.at(-1);
    if (!target) throw new Error('no post');
    const full = await call(core, 'posts.get', { id: target.id });
    await call(core, 'posts.save', { id: full.id, baseVersion: full.version, content: docFromParagraphs([`${full.plainText} Une médiation de plus.`]) });

    const measures: Measure[] = [];
    const sizes: string[] = [];
    const filters: [string, Filter][] = [
      ['every post', {}],
      ['drafts', { status: 'draft' }],
      ['search « médiation »', { query: 'médiation' }],
    ];
    for (const [name, filter] of filters) {
      const patch = await samples(() => call(core, 'posts.rows', { ...filter, ids: [target.id] }));
      const answer = await call(core, 'posts.rows', { ...filter, ids: [target.id] });
      for (const pages of [1, 10]) {
        const before = await readPages(core, filter, pages);
        sizes.push(`${name}, ${pages} page(s): before ${before.rows} rows / ${(before.bytes / 1024).toFixed(0)} KiB sent, now ${answer.items.length} row / ${JSON.stringify(answer).length} bytes`);
        measures.push({
          what: `${name}, ${pages} page${pages > 1 ? 's' : ''} loaded`,
          samples: patch,
          baseline: { name: `${pages} × posts.page`, samples: await samples(() => readPages(core, filter, pages)) },
        });
      }
    }
    printTable('Posts page: core time to follow one event naming a post', measures);
    console.log('');
    for (const line of sizes) console.log(line);
  } finally {
    core.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
