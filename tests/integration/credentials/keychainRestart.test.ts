import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { z } from 'zod';

const run = promisify(execFile);

const Seen = z.object({ setWhileItDied: z.string(), readBack: z.string().nullable(), restarted: z.boolean() });

/**
 * A keyring daemon that dies in the middle of a call (seen once in a full run: « Message recipient
 * disconnected from message bus without replying ») failed that call as « keychain unavailable »,
 * though D-Bus starts the service again at once. The call is now asked once more. The probe runs
 * in a keyring session of its own, so killing its daemon leaves the other tests' keyring alone.
 */
it('a keyring daemon that dies in the middle of a call is asked again once D-Bus restarts it, and the secret is stored', async () => {
  const { stdout } = await run('bash', ['scripts/keyring-session.sh', process.execPath, '--import', 'tsx', 'tests/integration/credentials/support/killedKeyringProbe.ts'], {
    timeout: 60_000,
  });
  const seen = Seen.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
  expect(seen.restarted).toBe(true);
  expect(seen.setWhileItDied).toBe('ok');
  expect(seen.readBack).toBe('set-while-it-died');
}, 90_000);
