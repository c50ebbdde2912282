import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { EventBus } from '../../../electron/core/events';
import { createLogger } from '../../../electron/core/log';
import { Connectivity } from '../../../electron/core/outbox/connectivity';
import { OutboxRepository } from '../../../electron/core/outbox/repository';
import { OutboxWorker } from '../../../electron/core/outbox/worker';
import { tempDir } from '../../support/tempDir';

/**
 * Every `outbox.changed` has each open page re-read its queues. A tick that settles jobs back to
 * back (an agency's engagement readings, skipped without an account) announced two events per
 * job: 900 a tick on the agency workspace. Changes are now announced together.
 */
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('the outbox’s announcements', () => {
  it('tell a burst of enqueued and settled jobs in a few events, the last one after the last change', async () => {
    const dir = tempDir('plume-outbox-');
    const { db } = openDatabase(`${dir.path}/plume.sqlite`, Date.now());
    cleanup = () => {
      db.close();
      dir.remove();
    };
    const events = new EventBus();
    const announced: number[] = [];
    events.subscribe((event) => {
      if (event.type === 'outbox.changed') announced.push(performance.now());
    });
    const worker = new OutboxWorker(db, new OutboxRepository(db), new Connectivity(events), events, createLogger({}));
    let settled = 0;
    let lastAnswer = 0;
    worker.register('reading', {
      run: async () => {
        // A reading answered from the network: the run pauses between jobs.
        await new Promise((resolve) => setImmediate(resolve));
        settled++;
        lastAnswer = performance.now();
        return { outcome: 'done', result: { skipped: 'no API account' } };
      },
    });
    const now = Date.now();
    for (let i = 0; i < 40; i++) worker.enqueue('reading', `reading:${i}`, { i }, now, now);
    expect(await worker.tick(now)).toBe(40);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(settled).toBe(40);
    // 40 enqueued, 40 claimed, 40 settled: 120 changes, told in a handful of events.
    expect(announced.length).toBeGreaterThan(0);
    expect(announced.length).toBeLessThanOrEqual(6);
    // Nothing is left untold: the last event comes after the last job's answer was recorded.
    expect(announced.at(-1)).toBeGreaterThanOrEqual(lastAnswer);
  });
});
