// Keeps better-sqlite3's native addon built for the runtime about to load it.
// Node (tests, browser mode) and Electron (desktop) have different ABIs; we rebuild only when
// the ABI recorded beside the addon differs from the one needed, so neither path pays twice.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const addonDir = dirname(require.resolve('better-sqlite3/package.json'));
const marker = join(addonDir, 'build', 'Release', '.plume-abi');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const recorded = () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null);

function nodeCanLoad() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: addonDir,
    encoding: 'utf8',
  });
  return probe.status === 0;
}

export function ensureNativeForNode() {
  const wanted = `node-${process.versions.modules}`;
  if (recorded() === wanted && nodeCanLoad()) return;
  if (!nodeCanLoad()) {
    console.log(`Rebuilding better-sqlite3 for Node (ABI ${process.versions.modules})…`);
    execFileSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit', env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' } });
  }
  writeFileSync(marker, wanted);
}

export function ensureNativeForElectron(electronVersion) {
  const wanted = `electron-${electronVersion}`;
  if (recorded() === wanted) return;
  console.log(`Rebuilding better-sqlite3 for Electron ${electronVersion}…`);
  execFileSync(npx, ['electron-builder', 'install-app-deps'], { stdio: 'inherit' });
  writeFileSync(marker, wanted);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'electron') ensureNativeForElectron(JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version);
  else ensureNativeForNode();
}
