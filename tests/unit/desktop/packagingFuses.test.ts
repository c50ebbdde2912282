import { fileURLToPath } from 'node:url';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../../../', import.meta.url));

describe('packaging', () => {
  it('flips the Electron fuses: no RunAsNode, encrypted cookies, integrity-checked ASAR, app only from ASAR', { timeout: 30_000 }, async () => {
    // Read and validated by electron-builder itself, so a misspelt option fails here, not at release.
    const config = await getConfig(projectDir, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
