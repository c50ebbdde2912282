import { resolve } from 'node:path';
import { verifyRecord } from './verifyRecord';

/** `npm run verify-record -- PATH`: checks an exported sign-off record; exit 0 when intact, 1 when not. */
const path = process.argv[2];
if (path === undefined) {
  console.error('usage: npm run verify-record -- PATH_TO_EXPORTED_RECORD');
  process.exit(2);
}
const result = verifyRecord(resolve(path));
if (result.ok) {
  console.log(
    `OK: record intact — ${result.files} files, ${result.revisions} approved revisions, ${result.approvals} approvals, ${result.attachments} reply attachments, ${result.auditEntries} audit entries (chain links checked).`,
  );
} else {
  console.log(`FAILED: ${result.problems.length} problem(s) in ${path}`);
  for (const p of result.problems) console.log(`  - [${p.code}] ${p.message}`);
}
for (const n of result.notices) console.log(`  note [${n.code}] ${n.message}`);
process.exit(result.ok ? 0 : 1);
