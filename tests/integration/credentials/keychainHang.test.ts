import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { z } from 'zod';

const run = promisify(execFile);

const Seen = z.object({
  deadlineMs: z.number(),
  whileStopped: z.object({ error: z.string(), ms: z.number() }),
  nextWhileStopped: z.object({ error: z.string(), ms: z.number() }),
  longestWait: z.number(),
  afterResume: z.string().nullable(),
});

/**
 * A keyring daemon that stops answering (gnome-keyring wedges when a client dies mid-negotiation)
 * used to block core's only thread at every keychain call until the Secret Service client gave up
 * (seen: 2 s per call here, D-Bus allows up to 25 s): the session opens synchronously in the entry's constructor. The probe runs in a
 * keyring session of its own, so stopping its daemon leaves the other tests' keyring alone.
 */
it('a keyring daemon that stops answering makes the keychain unavailable by its deadline, without blocking core; it works again once the daemon answers', async () => {
  const { stdout } = await run('bash', ['scripts/keyring-session.sh', process.execPath, '--import', 'tsx', 'tests/integration/credentials/support/stoppedKeyringProbe.ts'], {
    timeout: 90_000,
  });
  const seen = Seen.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
  expect(seen.whileStopped.error).toBe('KeychainUnavailableError');
  expect(seen.nextWhileStopped.error).toBe('KeychainUnavailableError');
  // Told at the deadline, not whenever D-Bus gives up.
  expect(seen.whileStopped.ms).toBeLessThan(seen.deadlineMs * 5);
  expect(seen.nextWhileStopped.ms).toBeLessThan(seen.deadlineMs * 5);
  // Core's other work went on meanwhile (its thread used to be held for the whole call).
  expect(seen.longestWait).toBeLessThan(seen.deadlineMs);
  expect(seen.afterResume).toBe('secret-after-the-stop');
}, 120_000);
