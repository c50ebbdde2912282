// `npm start`: the desktop app where Electron's binary is (or can be) installed; otherwise
// browser mode — the same core behind a loopback server — announced in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureNativeForElectron, ensureNativeForNode } from './native.mjs';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')));
  if (installed()) return true;
  if (process.env.PLUME_BROWSER_MODE === '1') return false;
  // Electron downloads its binary on first use; give it one bounded try, quietly.
  const attempt = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return attempt.status === 0 && installed();
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(npx, ['electron-vite', 'build']);

if (electronBinary()) {
  ensureNativeForElectron(JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version);
  const child = spawn(npx, ['electron-vite', 'preview', '--skipBuild'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron’s binary is not available on this machine: starting Plume in browser mode instead.');
  ensureNativeForNode();
  // The server was bundled by the build above (out/main/server.js): nothing is compiled at start.
  const child = spawn(process.execPath, ['out/main/server.js'], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
