import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../signoff/harness';
import type { Harness } from '../signoff/harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const logText = () => readFileSync(join(h.dir, 'plume.log'), 'utf8');

describe('plume.log records mail outages', () => {
  it('logs each try at a stopped SMTP server (connection refused, an attempt each) with the system’s own words, without the password', async () => {
    h = await startHarness({ smtp: true });
    await h.smtp?.stop();
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Trois points essentiels sur la réforme.');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    h.clock.advance(10 * 60_000);
    await h.tick();
    const log = logText();
    expect(log.match(/outbox job \d+ \(signoff\.email\) attempt 1 of 8: will retry: .*ECONNREFUSED/g)).toHaveLength(1);
    expect(log.match(/outbox job \d+ \(signoff\.email\) attempt 2 of 8: will retry: .*ECONNREFUSED/g)).toHaveLength(1);
    expect(log).not.toContain('mail-secret-not-logged');
  });
});
