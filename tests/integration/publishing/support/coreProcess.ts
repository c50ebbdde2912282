import { setTimeout as delay } from 'node:timers/promises';
import { createCore } from '../../../../electron/core/app';
import { SecretServiceKeychain } from '../../../../electron/core/credentials/keychain';
import { createLogger } from '../../../../electron/core/log';

/**
 * A core in its own process, ticking its scheduler on the system clock until it is killed:
 * the crash test SIGKILLs it while a publication is on the wire.
 *   node --import tsx tests/integration/publishing/support/coreProcess.ts <dataDir>
 */
const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: coreProcess.ts <dataDir>');
const core = createCore({
  dataDir,
  logger: createLogger({}),
  keychain: new SecretServiceKeychain(),
  credentials: { refreshIntervalMs: 0 },
  // As the app does: the workspace is this process's until it dies.
  lockWorkspace: true,
});
process.stdout.write('ready\n');
for (;;) {
  await core.scheduler.tick(Date.now());
  await delay(100);
}
