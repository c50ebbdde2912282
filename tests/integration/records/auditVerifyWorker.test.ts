import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainPending } from '../../../electron/core/audit/chain';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/app';
import { createLogger } from '../../../electron/core/log';
import { MemoryKeychain } from '../signoff/harness';
import { tempDir } from '../../support/tempDir';

/**
 * Verifying the audit chain reads and rehashes every entry (≈12 s per million): it runs in a
 * worker thread on its own read-only connection, so core keeps answering meanwhile.
 */

const POST = '6f1c1c1e-8d4e-4a0e-9a59-0a3f3b1f0001';
const ENTRIES = 30_000;

let core: Core | null = null;
let temp = tempDir('plume-audit-worker-');
beforeEach(() => {
  temp = tempDir('plume-audit-worker-');
});
afterEach(() => {
  core?.close();
  core = null;
  temp.remove();
});

/** A log of many chained entries, written as core writes them (a second connection, WAL). */
function seed(path: string): void {
  const db = new Database(path);
  const insert = db.prepare(
    `INSERT INTO audit_log (post_id, partner_id, at, actor_kind, actor_name, action, from_status, to_status, revision_number, revision_hash, channel, details)
     VALUES (?, ?, ?, 'system', '', 'replyReceived', 'in_review', 'in_review', ?, ?, 'email', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) insert.run(POST, POST, 1_780_000_000_000 + i, i % 7, 'a'.repeat(64), JSON.stringify({ requestId: `r-${i}`, messageId: `<m${i}@example.org>` }));
  })();
  chainPending(db);
  db.close();
}

describe('audit log verification off core’s thread', () => {
  it('answers another procedure while the chain is being verified, then gives the verification', async () => {
    core = createCore({ dataDir: temp.path, logger: createLogger({}), keychain: new MemoryKeychain() });
    seed(core.databasePath);
    let verified = false;
    const verification = core.router.call('records.verifyAuditLog', {}).then((result) => {
      verified = true;
      return result;
    });
    const partners = await core.router.call('partners.list', {});
    expect(partners.ok).toBe(true);
    // Answered while the verification still runs: it has not settled yet.
    expect(verified).toBe(false);
    expect(await verification).toMatchObject({ ok: true, value: { ok: true, entries: ENTRIES, problems: [] } });
  });

  it('reports a broken chain from the worker as before', async () => {
    core = createCore({ dataDir: temp.path, logger: createLogger({}), keychain: new MemoryKeychain() });
    seed(core.databasePath);
    const db = new Database(core.databasePath);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor_name = 'x' WHERE id = 100").run();
    db.close();
    expect(await core.router.call('records.verifyAuditLog', {})).toMatchObject({ ok: true, value: { ok: false, problems: [{ kind: 'edited', id: 100 }] } });
  });
});
