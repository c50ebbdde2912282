// `npm test`: every check. Prints one closing line "N passed, N failed" summing the unit,
// integration and end-to-end runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inKeyringSession } from './keyringSession.mjs';
import { ensureNativeForNode } from './native.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let failedStep = null;
/** One step after the other, its output straight through; asynchronous, so the checks beside it go on. */
async function step(name, command, args, env = {}) {
  if (failedStep) return;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const status = await new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on('close', (code) => resolve(code));
  });
  console.log(`◀ ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failedStep ??= name;
}

/** At the lowest priority where the system has one (POSIX `nice`): it takes only the CPU the tests leave. */
const idle = (command, args) => (process.platform === 'win32' ? [command, args] : ['nice', ['-n', '19', command, ...args]]);

/** Runs `command`, its output kept (not printed) until the end. */
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
 * The static checks (ESLint; the three type checks one after the other) run beside the tests at
 * the lowest priority, their output printed once the tests are over. The checks need no clock and
 * the tests leave CPU unused: ~15 % of two cores while vitest runs, ~9 % under Playwright (its
 * tests wait on servers, timers and the browser). One after the other the checks took 215 s of a
 * 20-minute budget on CI's two-core machine. A check that fails stops the run after the step under way.
 */
function staticChecksBeside() {
  const lanes = [
    [{ name: 'lint', args: ['eslint', '.', '--max-warnings', '0'] }],
    [
      { name: 'typecheck (node)', args: ['tsc', '--noEmit', '-p', 'tsconfig.node.json'] },
      { name: 'typecheck (web)', args: ['tsc', '--noEmit', '-p', 'tsconfig.web.json'] },
      { name: 'typecheck (e2e)', args: ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json'] },
    ],
  ];
  const printed = [];
  const done = Promise.all(
    lanes.map(async (lane) => {
      for (const { name, args } of lane) {
        const started = Date.now();
        const { status, output } = await buffered(...idle(npx, args));
        printed.push({ name, status, output, seconds: (Date.now() - started) / 1000 });
        if (status !== 0) {
          failedStep ??= name;
          return;
        }
      }
    }),
  );
  return async () => {
    await done;
    for (const { name, status, output, seconds } of printed) {
      console.log(`\n▶ ${name} (beside the tests, lowest priority)`);
      process.stdout.write(output);
      console.log(`◀ ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s`);
    }
  };
}

ensureNativeForNode();
const staticChecks = staticChecksBeside();
// Keychain tests need a real Secret Service: on Linux vitest runs inside a private D-Bus session
// with a throw-away gnome-keyring (scripts/keyring-session.sh); macOS/Windows have their own store.
await step('unit + integration tests', ...inKeyringSession(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`]));
await step('build', npx, ['electron-vite', 'build']);
// The sign-off e2e stores the mail password and the token key in the keychain: same private session.
await step('end-to-end tests (Chromium, browser mode)', ...inKeyringSession(npx, ['playwright', 'test', '--reporter=list,json']), {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json'),
});
await staticChecks();

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
