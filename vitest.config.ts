import { defineConfig } from 'vitest/config';

/**
 * Files that need a process of their own: one changes something process-wide before core starts
 * (the D-Bus address its keychain thread is started with), one proves what happens before a
 * module is first loaded (the page's linter, loaded on demand).
 */
const ownProcess = ['tests/integration/credentials/keychainAbsent.test.ts', 'tests/unit/editorialPageLint.test.ts'];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on CI's two-core machine, where the
    // integration tests mostly wait (IMAP, SMTP, the keychain, child processes). Two workers took
    // the run from 355 s to 230 s there, within CI's 20 minutes with room to grow.
    maxWorkers: 2,
    projects: [
      // Not isolated: each worker imports core's modules once, not once per file. Isolated, the
      // imports took 247 of the 730 worker-seconds of a full run (409 s → ~245 s on two cores).
      // Every test builds its own core, database and servers; nothing is kept in modules between files.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ownProcess, environment: 'node', isolate: false, setupFiles: ['tests/support/nodeZoneData.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ownProcess,
          environment: 'node',
          isolate: false,
          setupFiles: ['tests/support/nodeZoneData.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'own-process',
          include: ownProcess,
          environment: 'node',
          isolate: true,
          setupFiles: ['tests/support/nodeZoneData.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
