// `npm run bench`: every benchmark in bench/, figures beside same-run baselines. Never fails on a figure.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { inKeyringSession } from './keyringSession.mjs';
import { ensureNativeForNode } from './native.mjs';

ensureNativeForNode();
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
spawnSync(npx, ['electron-vite', 'build'], { stdio: 'ignore' });
const only = process.argv[2];
// Core runs as a user's does, with a keychain (the audit log's anchor moves with every append).
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n# ${file}`);
  const result = spawnSync(...inKeyringSession(process.execPath, ['--import', 'tsx', `bench/${file}`]), { stdio: 'inherit' });
  if (result.status !== 0) console.log(`(benchmark ${file} stopped with status ${result.status})`);
}
