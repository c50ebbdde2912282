import { writeFileSync } from 'node:fs';

/**
 * For kill -9 tests only: with PLUME_TEST_PAUSE_AT=<point>:<marker file> in the environment,
 * the process writes the marker on reaching that point and blocks there for good, so the test
 * kills it at that exact spot. Never set by the app; without it this does nothing.
 */
export function pauseHereForCrashTest(point: string): void {
  const setting = process.env.PLUME_TEST_PAUSE_AT;
  if (setting === undefined) return;
  const separator = setting.indexOf(':');
  if (separator < 0 || setting.slice(0, separator) !== point) return;
  writeFileSync(setting.slice(separator + 1), point);
  // Blocks the thread (no event loop runs): the transaction or write in progress stays open.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
