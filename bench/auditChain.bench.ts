import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainPending, verifyChain } from '../electron/core/audit/chain';
import { AuditRepository } from '../electron/core/audit/repository';
import { openDatabase } from '../electron/core/db/open';
import { agencyWorkspace } from './support/agencyWorkspace';
import { printTable, time } from './support/stats';

/**
 * The audit chain on the agency workspace (1,000,000 entries, 10 per post): verifying the whole
 * chain (the Reports page's "audit log verified"), against reading the same rows without hashing
 * in the same run; chaining the million entries once, as core does after migration 0007 (the
 * copy's hashes are cleared first, setup); and appending an entry with its chaining.
 * Goals: verification within ×5 of merely reading the rows; the one-off chaining under 2 minutes;
 * an append under 1 ms.
 */
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-audit-'));

async function main(): Promise<void> {
  const dir = await agencyWorkspace(join(scratch, 'agency'));
  const { db } = openDatabase(join(dir, 'plume.sqlite'), Date.now());
  try {
    const entries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    let read = 0;
    const reading = time(() => {
      for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate()) if (row) read++;
    });
    let result = verifyChain(db);
    const verifying = time(() => (result = verifyChain(db)));
    if (!result.ok || result.entries !== read) throw new Error('The agency workspace’s chain does not verify');

    const audit = new AuditRepository(db);
    const [post] = db.prepare('SELECT id, partner_id FROM posts LIMIT 1').all() as { id: string; partner_id: string }[];
    if (!post) throw new Error('The agency workspace has no post');
    const appends: number[] = [];
    for (let i = 0; i < 200; i++) {
      appends.push(
        time(() =>
          audit.append({ postId: post.id, partnerId: post.partner_id, at: 1, actor: { kind: 'system', name: '' }, action: 'commented', fromStatus: null, toStatus: null, revisionNumber: null, revisionHash: null, channel: null, details: {} }),
        ),
      );
    }

    // Setup: the copy's entries made pending again (as before migration 0007), the append-only trigger set back after.
    db.exec(`DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.entry_hash IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    let chained = 0;
    const chaining = time(() => (chained = chainPending(db)));

    printTable(`Audit chain, agency workspace (${entries.toLocaleString('en')} entries)`, [
      { what: `verify the whole chain (${read.toLocaleString('en')})`, samples: [verifying], goal: { statistic: 'max', ratioBelow: 5 }, baseline: { name: 'read rows', samples: [reading] } },
      { what: `chain ${chained.toLocaleString('en')} existing entries (once)`, samples: [chaining], goal: { statistic: 'max', below: 120_000 } },
      { what: 'append one entry, chained', samples: appends, goal: { statistic: 'p95', below: 1 } },
    ]);
  } finally {
    db.close();
  }
}

await main();
rmSync(scratch, { recursive: true, force: true });
