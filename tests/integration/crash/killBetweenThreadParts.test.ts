import type { ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { tempDir } from '../../support/tempDir';
import { startCoreProcess, stopCoreProcess } from '../publishing/support/startCoreProcess';
import { ManualClock } from '../../support/testCore';
import { MINUTE, publishingHarness } from '../publishing/harness';

const BODY = 'Réforme du droit des contrats : trois points essentiels pour vos conventions.';
const PARTS = ['Réforme du droit des contrats, premier point. 1/3', 'Deuxième point : l’imprévision. 2/3', 'Troisième point : la caducité. 3/3'];
const STATUSES = { method: 'POST', path: /^\/api\/v1\/statuses$/ } as const;

let child: ChildProcess | null = null;
let mastodon: MastodonServer | null = null;
const folder = tempDir('plume-thread-crash-');

afterEach(async () => {
  await stopCoreProcess(child);
  await mastodon?.close();
  folder.remove();
});

it('core killed between two parts of a thread: after restart, exactly one of each part is on the network, chained', async () => {
  const server = new MastodonServer();
  mastodon = server;
  await server.start();

  const clock = new ManualClock(Date.now());
  const setup = publishingHarness({ dir: folder.path, clock });
  const partner = await setup.partner();
  await setup.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });
  const created = await setup.call('posts.create', {
    partnerId: partner.id,
    title: 'Réforme',
    networks: ['mastodon'],
    scheduledAt: Date.now() + 500,
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: BODY }] }] },
  });
  await setup.call('posts.save', { id: created.id, baseVersion: created.version, threads: { mastodon: PARTS } });
  await setup.call('signoff.recordDecision', { postId: created.id, decision: 'approve', channel: 'phone', decidedAt: clock.now() });
  setup.core.close();

  // The first part goes out and is recorded; the instance stores the second and never answers.
  const secondStored = server.hangNextPost({ skip: 1 });
  const running = await startCoreProcess(folder.path);
  child = running;
  await secondStored;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
  expect(server.statuses.map((s) => s.text)).toEqual(PARTS.slice(0, 2));

  const restarted = publishingHarness({ dir: folder.path, clock: new ManualClock(Date.now() + MINUTE), lockWorkspace: true });
  try {
    await restarted.tick();
    await restarted.tick();
    expect(server.statuses.map((s) => s.text)).toEqual(PARTS);
    expect(server.http.received(STATUSES)).toHaveLength(3);
    const [first, second, third] = server.statuses;
    expect(second?.inReplyToId).toBe(first?.id);
    expect(third?.inReplyToId).toBe(second?.id);
    const after = await restarted.status(created.id);
    expect(after.status).toBe('published');
    expect(after.publications).toMatchObject([{ state: 'published', remoteId: first?.id }]);
  } finally {
    restarted.core.close();
  }
}, 60_000);
