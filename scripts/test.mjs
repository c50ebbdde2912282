// `npm test`: every check, in the order that fails fastest. Prints one closing line
// "N passed, N failed" summing the unit, integration and end-to-end runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inKeyringSession } from './keyringSession.mjs';
import { ensureNativeForNode } from './native.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let failedStep = null;
function step(name, command, args, env = {}) {
  if (failedStep) return;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failedStep = name;
}

/** Runs `command`, its output kept (not printed) until it ends. */
function buffered(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(output) }));
  });
}

/**
 * Lanes of steps run side by side (each lane's steps one after the other), each step's output
 * printed whole once it ends, never interleaved. For the static checks: ESLint keeps ~1.4 cores
 * busy and a type check one, so on CI's two cores the three type checks fit beside the lint
 * (215 s one after the other, 164 s side by side).
 */
async function sideBySide(lanes) {
  if (failedStep) return;
  const failures = await Promise.all(
    lanes.map(async (lane) => {
      for (const { name, command, args } of lane) {
        const started = Date.now();
        const { status, output } = await buffered(command, args);
        console.log(`\n▶ ${name}`);
        process.stdout.write(output);
        console.log(`◀ ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        if (status !== 0) return name;
      }
      return null;
    }),
  );
  failedStep = failures.find((name) => name !== null) ?? null;
}

ensureNativeForNode();
await sideBySide([
  [{ name: 'lint', command: npx, args: ['eslint', '.', '--max-warnings', '0'] }],
  [
    { name: 'typecheck (node)', command: npx, args: ['tsc', '--noEmit', '-p', 'tsconfig.node.json'] },
    { name: 'typecheck (web)', command: npx, args: ['tsc', '--noEmit', '-p', 'tsconfig.web.json'] },
    { name: 'typecheck (e2e)', command: npx, args: ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json'] },
  ],
]);
// Keychain tests need a real Secret Service: on Linux vitest runs inside a private D-Bus session
// with a throw-away gnome-keyring (scripts/keyring-session.sh); macOS/Windows have their own store.
step('unit + integration tests', ...inKeyringSession(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`]));
step('build', npx, ['electron-vite', 'build']);
// The sign-off e2e stores the mail password and the token key in the keychain: same private session.
step('end-to-end tests (Chromium, browser mode)', ...inKeyringSession(npx, ['playwright', 'test', '--reporter=list,json']), {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json'),
});

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = join(reports, 'vitest.json');
  if (existsSync(vitest)) {
    const report = JSON.parse(readFileSync(vitest, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  const playwright = join(reports, 'playwright.json');
  if (existsSync(playwright)) {
    const stats = JSON.parse(readFileSync(playwright, 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
  return { passed, failed, skipped };
}

const { passed, failed, skipped } = counts();
if (failedStep) console.log(`\nFailed step: ${failedStep}`);
console.log(`\ntotal: ${passed} passed, ${failed + (failedStep && failed === 0 ? 1 : 0)} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
