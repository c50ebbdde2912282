import type { ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { tempDir } from '../../support/tempDir';
import { startCoreProcess, stopCoreProcess } from './support/startCoreProcess';
import { ManualClock } from '../../support/testCore';
import { MINUTE, publishingHarness } from './harness';

const TEXT = 'Réforme du droit des contrats : ce qui change pour vos conventions.';
const STATUSES = { method: 'POST', path: /^\/api\/v1\/statuses$/ } as const;

let child: ChildProcess | null = null;
let mastodon: MastodonServer | null = null;
const folder = tempDir('plume-publishing-crash-');

afterEach(async () => {
  await stopCoreProcess(child);
  await mastodon?.close();
  folder.remove();
});

it('killed after the network accepted the post but before recording it, publishes exactly once after restart', async () => {
  const server = new MastodonServer();
  mastodon = server;
  await server.start();

  // Set up in this process: partner, account (real keychain), a post approved and due now.
  const clock = new ManualClock(Date.now());
  const setup = publishingHarness({ dir: folder.path, clock });
  const partner = await setup.partner();
  await setup.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });
  const post = await setup.approvedPost(partner.id, TEXT, ['mastodon'], Date.now() + 500);
  setup.core.close();

  // The core runs in its own process; the instance stores the status and never answers.
  const accepted = server.hangNextPost();
  const running = await startCoreProcess(folder.path);
  child = running;
  await accepted;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
  expect(server.statuses).toHaveLength(1);

  // Restart right away: the new process takes the dead one's workspace lock, so what it left
  // `sending` is reconciled at once (looked up on the instance), not sent again.
  const restarted = publishingHarness({ dir: folder.path, clock: new ManualClock(Date.now() + MINUTE), lockWorkspace: true });
  try {
    const before = await restarted.status(post.id);
    expect(before.publications).toMatchObject([{ state: 'queued', job: { state: 'sending' } }]);
    await restarted.tick();
    await restarted.tick();
    expect(server.http.received(STATUSES)).toHaveLength(1);
    expect(server.statuses).toHaveLength(1);
    const after = await restarted.status(post.id);
    expect(after.status).toBe('published');
    expect(after.publications).toMatchObject([{ state: 'published', remoteId: server.statuses[0]?.id, url: server.statusUrl(server.statuses[0]?.id ?? '') }]);
  } finally {
    restarted.core.close();
  }
}, 60_000);
