import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../electron/core/app';
import { createLogger } from '../electron/core/log';
import { docFromParagraphs } from '../shared/posts/document';
import { median, percentile, report, time, timeAsync } from './support/stats';
import { call, paragraph } from './support/core';

/**
 * Backups never block typing: save latency of a 3,000-character draft while an online backup
 * of a 100,000-post workspace runs (copy, then its quick_check in a worker), beside the same
 * saves with no backup running, measured in the same run.
 */
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-backup-'));
const logger = createLogger({});
const POSTS = 100_000;

async function main(): Promise<void> {
  const dir = join(scratch, 'workspace');
  const setup = createCore({ dataDir: dir, logger });
  const partner = await call(setup, 'partners.create', { displayName: 'Bench', timeZone: 'Europe/Paris' });
  setup.close();
  // Seed the posts straight into the file (setup, not what is measured).
  const seed = new Database(join(dir, 'plume.sqlite'));
  seed.pragma('journal_mode = WAL');
  const insert = seed.prepare(
    `INSERT INTO posts (id, partner_id, title, note, networks, content_json, plain_text, created_at, updated_at)
     VALUES (?, ?, ?, '', '["linkedin"]', ?, ?, ?, ?)`,
  );
  const revision = seed.prepare("INSERT INTO revisions (post_id, number, title, content_json, plain_text, created_at) VALUES (?, 1, '', '{}', '', 0)");
  const seeding = time(() =>
    seed.transaction(() => {
      for (let i = 0; i < POSTS; i++) {
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const text = paragraph(400, i);
        insert.run(id, partner.id, `Post ${i}`, JSON.stringify(docFromParagraphs([text])), text, i, i);
        revision.run(id);
      }
    })(),
  );
  seed.pragma('wal_checkpoint(TRUNCATE)');
  seed.close();
  const bytes = statSync(join(dir, 'plume.sqlite')).size;
  console.log(`workspace: ${POSTS.toLocaleString('en')} posts, ${(bytes / 1e6).toFixed(0)} MB (seeded in ${(seeding / 1000).toFixed(1)} s)`);

  const core = createCore({ dataDir: dir, logger });
  await core.storage.whenChecked(); // the start-up check and backup are done: nothing runs in the background now
  let post = await call(core, 'posts.create', { partnerId: partner.id });
  const save = async (i: number) => {
    const content = docFromParagraphs([paragraph(1500, i), paragraph(1500, i + 1)]);
    const current = post;
    return timeAsync(async () => (post = await call(core, 'posts.save', { id: current.id, baseVersion: current.version, content })));
  };

  // Saves come as autosave sends them while typing (far apart in real use; every 25 ms here).
  // Back-to-back saves would be a microtask chain that never lets the backup's steps run.
  const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
  const without: number[] = [];
  for (let i = 0; i < 200; i++) {
    without.push(await save(i));
    await pause();
  }

  const during: number[] = [];
  let done = false;
  const started = process.hrtime.bigint();
  const backup = core.storage.backupNow().finally(() => {
    done = true;
  });
  for (let i = 0; !done; i++) {
    during.push(await save(i));
    await pause();
  }
  await backup;
  const backupMs = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`backup + check of the copy: ${(backupMs / 1000).toFixed(1)} s, ${during.length} saves made meanwhile`);

  report('save during a backup, p50', median(during), 'no backup p50', median(without), '≤ ×2');
  report('save during a backup, p95', percentile(during, 95), 'no backup p95', percentile(without, 95), '≤ ×2, under 50 ms');
  report('save during a backup, max', Math.max(...during), 'no backup max', Math.max(...without), 'under 100 ms');
  const p95 = percentile(during, 95);
  const verdict = p95 <= 2 * percentile(without, 95) || p95 < 50 ? 'met' : 'NOT met';
  console.log(`verdict: typing is ${verdict === 'met' ? 'not blocked' : 'slowed'} by a backup (goal ${verdict})`);
  core.close();
}

await main().finally(() => rmSync(scratch, { recursive: true, force: true }));
