import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainPending, verifyChain } from '../electron/core/audit/chain';
import { AuditRepository } from '../electron/core/audit/repository';
import { openDatabase } from '../electron/core/db/open';

/**
 * Audit chain at scale: chaining 1,000,000 existing entries (what migration 0007 does to an
 * old database), then verifying them all; baseline: reading the same rows without hashing.
 */
const N = Number(process.env.AUDIT_ENTRIES ?? 1_000_000);
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-audit-'));
const { db } = openDatabase(join(scratch, 'plume.sqlite'), 1);
const POST = '6f1c1c1e-8d4e-4a0e-9a59-0a3f3b1f0001';
const insert = db.prepare(
  `INSERT INTO audit_log (post_id, partner_id, at, actor_kind, actor_name, action, from_status, to_status, revision_number, revision_hash, channel, details)
   VALUES (?, ?, ?, 'partner', 'Maître Arcand', 'approve', 'in_review', 'approved', ?, ?, 'email', ?)`,
);
db.transaction(() => {
  for (let i = 0; i < N; i++) {
    insert.run(POST, POST, 1_780_000_000_000 + i, i % 7, 'a'.repeat(64), JSON.stringify({ requestId: `r-${i}`, messageId: `<m${i}@example.org>`, eml: 'b'.repeat(64) }));
  }
})();

/** Wall time and this process's CPU time (the machine may be shared: CPU time is the figure that travels). */
const cpu: Record<string, number> = {};
const ms = (f: () => void, name = '') => {
  const start = performance.now();
  const used = process.cpuUsage();
  f();
  const spent = process.cpuUsage(used);
  cpu[name] = (spent.user + spent.system) / 1000;
  return performance.now() - start;
};
const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
let chained = 0;
const chainMs = ms(() => (chained = chainPending(db)), 'chain');
let read = 0;
const baselineMs = ms(() => {
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate()) if (row) read++;
}, 'read');
let result = verifyChain(db);
const verifyMs = ms(() => (result = verifyChain(db)), 'verify');
const appendMs = ms(() => {
  const audit = new AuditRepository(db);
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      audit.append({ postId: POST, partnerId: POST, at: 1, actor: { kind: 'system', name: '' }, action: 'commented', fromStatus: null, toStatus: null, revisionNumber: null, revisionHash: null, channel: null, details: {} });
    }
  })();
});
console.log(`entries: ${N.toLocaleString('en')}`);
console.log(`chain existing entries (migration): ${s(chainMs)} wall, ${s(cpu.chain ?? 0)} CPU, for ${chained.toLocaleString('en')}`);
console.log(
  `verify whole chain: ${s(verifyMs)} wall, ${s(cpu.verify ?? 0)} CPU (${result.ok ? 'ok' : 'BROKEN'}, ${result.entries.toLocaleString('en')} entries); ` +
    `baseline reading the ${read.toLocaleString('en')} rows without hashing: ${s(baselineMs)} wall, ${s(cpu.read ?? 0)} CPU; ratio ${(verifyMs / baselineMs).toFixed(1)}×`,
);
console.log(`append with chaining: ${(appendMs / 1000).toFixed(3)} ms per entry (1,000 appends)`);
db.close();
rmSync(scratch, { recursive: true, force: true });
