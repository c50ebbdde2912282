import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/app';
import { createLogger } from '../electron/core/log';
import { docFromParagraphs } from '../shared/posts/document';
import { AGENCY, agencyWorkspace, databaseBytes } from './support/agencyWorkspace';
import { call, paragraph } from './support/core';
import { printTable, timeAsync } from './support/stats';

/**
 * Backups never block typing: save latency of a 3,000-character draft while an online backup
 * of the agency workspace runs (bench/support/agencyWorkspace.ts: 100,000 posts, 1,000,000 audit
 * entries; the copy, then its quick_check in a worker), beside the same saves with no backup
 * running, measured in the same run. Goals: saves no slower than twice as usual (median), p95
 * under 50 ms, none over 100 ms; the backup itself done within a minute.
 */
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-backup-'));

async function main(): Promise<void> {
  const dir = await agencyWorkspace(join(scratch, 'agency'));
  console.log(`workspace: ${AGENCY.posts.toLocaleString('en')} posts, ${(databaseBytes(dir) / 1e6).toFixed(0)} MB`);
  const core = createCore({ dataDir: dir, logger: createLogger({}) });
  try {
    await core.storage.whenChecked(); // the start-up check and backup are done: nothing runs in the background now
    const [sample] = await call(core, 'posts.list', { limit: 1 });
    if (!sample) throw new Error('The agency workspace has no post');
    let post = await call(core, 'posts.create', { partnerId: sample.partnerId });
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

    const baseline = { name: 'no backup', samples: without };
    printTable('Saves during an online backup, agency workspace', [
      { what: 'save during a backup, median vs none', samples: during, goal: { statistic: 'median', ratioBelow: 2 }, baseline },
      { what: 'save during a backup, p95', samples: during, goal: { statistic: 'p95', below: 50 }, baseline },
      { what: 'save during a backup, max', samples: during, goal: { statistic: 'max', below: 100 }, baseline },
      { what: 'backup + check of the copy (one run)', samples: [backupMs], goal: { statistic: 'max', below: 60_000 } },
    ]);
  } finally {
    core.close();
  }
}

await main().finally(() => rmSync(scratch, { recursive: true, force: true }));
