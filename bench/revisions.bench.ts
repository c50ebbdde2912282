import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../electron/core/app';
import { createLogger } from '../electron/core/log';
import { unpackRevisionBody } from '../electron/core/posts/revisionBody';
import { docFromParagraphs } from '../shared/posts/document';
import type { Post } from '../shared/posts/schema';
import { AGENCY, agencyWorkspace } from './support/agencyWorkspace';
import { call, paragraph } from './support/core';
import { printTable, timeAsync } from './support/stats';
import type { Measure } from './support/stats';

/**
 * Revisions on the agency workspace (issue 15).
 * Typing: an autosave round trip through core's router as the editor makes it (posts.save, then
 * the post's refetch its post.saved event causes), in a post with 2,000 revisions against a fresh
 * post, interleaved in the same run; also Ctrl+S and the history's first page at 2,000.
 * Storage: the revisions table (dbstat) per post, against the same revisions written in the
 * uncompressed layout migration 0011 replaced, built in the same run; and the whole file's used
 * pages per post.
 */
const HISTORY = 2_000;
const ROUNDS = 1_000;
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-revisions-'));

/** Bytes of a table and its indexes, from SQLite's dbstat. */
function tableBytes(db: Database.Database, table: string): number {
  const row = db
    .prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name = ? OR name IN (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?)")
    .get(table, table) as { bytes: number | null };
  return row.bytes ?? 0;
}

function usedBytes(db: Database.Database): number {
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  return pages * (db.pragma('page_size', { simple: true }) as number);
}

function storage(dir: string): void {
  const db = new Database(join(dir, 'plume.sqlite'));
  try {
    const posts = (db.prepare('SELECT count(*) AS n FROM posts').get() as { n: number }).n;
    const revisions = (db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
    const compact = tableBytes(db, 'revisions');
    const fileNow = usedBytes(db);
    // The same rows in migration 0001's layout (text columns), to compare in this run.
    db.exec(`CREATE TABLE bench_revisions_plain (
      id INTEGER PRIMARY KEY, post_id TEXT NOT NULL, number INTEGER NOT NULL, title TEXT NOT NULL,
      content_json TEXT NOT NULL, plain_text TEXT NOT NULL, restored_from INTEGER, created_at INTEGER NOT NULL,
      UNIQUE (post_id, number)) STRICT`);
    const insert = db.prepare('INSERT INTO bench_revisions_plain VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const batch = db.prepare('SELECT * FROM revisions WHERE id > ? ORDER BY id LIMIT 5000');
    type Row = { id: number; post_id: string; number: number; title: string; body: Buffer; restored_from: number | null; created_at: number };
    db.transaction(() => {
      // In batches: one connection cannot write while it iterates.
      for (let rows = batch.all(0) as Row[]; rows.length > 0; rows = batch.all(rows.at(-1)?.id ?? Number.MAX_SAFE_INTEGER) as Row[]) {
        for (const row of rows) {
          const body = unpackRevisionBody(row.body);
          insert.run(row.id, row.post_id, row.number, row.title, body.contentJson, body.plainText, row.restored_from, row.created_at);
        }
      }
    })();
    const plain = tableBytes(db, 'bench_revisions_plain');
    const perPost = (bytes: number) => `${Math.round(bytes / posts).toLocaleString('en')} B`;
    const fileBefore = fileNow - compact + plain;
    console.log(`\n## Revision storage, agency workspace (${posts.toLocaleString('en')} posts, ${revisions.toLocaleString('en')} revisions)`);
    console.log('| what | uncompressed layout (before 0011) | compressed (0011) | ratio | goal | verdict |');
    console.log('|---|---|---|---|---|---|');
    const ratio = compact / plain;
    console.log(`| revisions table + index, per post | ${perPost(plain)} | ${perPost(compact)} | ×${ratio.toFixed(2)} | ≤ ×0.50 | ${ratio <= 0.5 ? 'MET' : 'MISSED'} |`);
    console.log(`| revisions table + index, total | ${(plain / 1e6).toFixed(1)} MB | ${(compact / 1e6).toFixed(1)} MB | ×${ratio.toFixed(2)} | — | — |`);
    console.log(`| whole database (used pages), per post | ${perPost(fileBefore)} | ${perPost(fileNow)} | ×${(fileNow / fileBefore).toFixed(2)} | — | — |`);
  } finally {
    db.close();
  }
}

async function typing(dir: string): Promise<void> {
  const core = createCore({ dataDir: dir, logger: createLogger({}) });
  try {
    const [sample] = await call(core, 'posts.list', { limit: 1 });
    if (!sample) throw new Error('The agency workspace has no post');
    const body = paragraph(560, 3);
    const create = (title: string) => call(core, 'posts.create', { partnerId: sample.partnerId, title, content: docFromParagraphs([body]) });
    let fresh = await create('Nouvelle publication');
    let long = await create('Publication très retravaillée');
    // Setup, not timed: 2,000 versions, each kept (Ctrl+S) as the history panel would list them.
    for (let i = 1; i < HISTORY; i++) {
      long = await call(core, 'posts.save', { id: long.id, baseVersion: long.version, content: docFromParagraphs([`${body} ${i}`]) });
      await call(core, 'posts.keepRevision', { id: long.id });
    }
    long = await call(core, 'posts.get', { id: long.id });
    if (long.revisionCount !== HISTORY) throw new Error(`expected ${HISTORY} revisions, got ${long.revisionCount}`);

    // One keystroke's autosave: the text one character longer, saved, then the post read back.
    const keystroke = async (post: Post, i: number): Promise<[number, Post]> => {
      let saved = post;
      const ms = await timeAsync(async () => {
        saved = await call(core, 'posts.save', { id: post.id, baseVersion: post.version, content: docFromParagraphs([`${body} ${'x'.repeat(i % 200)}`]) });
        await call(core, 'posts.get', { id: post.id });
      });
      return [ms, saved];
    };
    const atHistory: number[] = [];
    const atFresh: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Interleaved, so both see the same machine.
      let ms: number;
      [ms, long] = await keystroke(long, i);
      atHistory.push(ms);
      [ms, fresh] = await keystroke(fresh, i);
      atFresh.push(ms);
    }
    // Ctrl+S: a save, then the revision kept (timed); interleaved like the keystrokes above.
    const keep = async (post: Post, i: number): Promise<number> => {
      const saved = await call(core, 'posts.save', { id: post.id, baseVersion: (await call(core, 'posts.get', { id: post.id })).version, content: docFromParagraphs([`${body} kept ${i}`]) });
      return timeAsync(() => call(core, 'posts.keepRevision', { id: saved.id }));
    };
    const keepFresh: number[] = [];
    const keepLong: number[] = [];
    for (let i = 0; i < 200; i++) {
      keepLong.push(await keep(long, i));
      keepFresh.push(await keep(fresh, i));
    }
    const firstPage = async (postId: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 40; i++) samples.push(await timeAsync(() => call(core, 'posts.revisions', { postId, limit: 50 })));
      return samples;
    };
    const pageFresh = await firstPage(fresh.id);
    const pageLong = await firstPage(long.id);
    const measures: Measure[] = [
      { what: `typing (autosave + refetch), ${HISTORY.toLocaleString('en')} revisions`, samples: atHistory, goal: { statistic: 'p95', ratioBelow: 1.2 }, baseline: { name: 'fresh post', samples: atFresh } },
      { what: `Ctrl+S (keep a revision), ${HISTORY.toLocaleString('en')} revisions`, samples: keepLong, goal: { statistic: 'p95', ratioBelow: 1.2 }, baseline: { name: 'fresh post', samples: keepFresh } },
      { what: `history first page (50), ${HISTORY.toLocaleString('en')} revisions`, samples: pageLong, goal: { statistic: 'median', below: 5 }, baseline: { name: 'fresh post', samples: pageFresh } },
    ];
    printTable(`Revisions, agency workspace (${AGENCY.posts.toLocaleString('en')} posts), through the router`, measures);
  } finally {
    core.close();
  }
}

async function main(): Promise<void> {
  const dir = await agencyWorkspace(join(scratch, 'agency'));
  await typing(dir);
  storage(dir);
}

await main().finally(() => rmSync(scratch, { recursive: true, force: true }));
