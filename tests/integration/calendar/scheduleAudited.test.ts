import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

// The user's act of scheduling is theirs, at the time they did it: not an automatic fact days later.
let t: TestCore;
afterEach(() => t.close());

const facts = (file: string, postId: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT at, actor_kind, channel, details FROM audit_log WHERE post_id = ? AND action = 'moved' ORDER BY id").all(postId) as { at: number; actor_kind: string; channel: string; details: string }[]).map(
      (row) => ({ at: row.at, actor: row.actor_kind, channel: row.channel, details: JSON.parse(row.details) as unknown }),
    );
  } finally {
    db.close();
  }
};

describe('scheduling from the calendar', () => {
  it('records each scheduling, rescheduling and unscheduling by the user, when they did it, with the date chosen and the zone', async () => {
    t = createTestCore();
    const partner = await t.call('partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
    const post = await t.call('posts.create', { partnerId: partner.id, title: 'Réforme', content: docFromParagraphs(['Réforme']) });
    const first = Date.UTC(2026, 9, 5, 8, 0);
    const second = Date.UTC(2026, 9, 6, 8, 0);
    const at = t.clock.now();
    await t.call('calendar.schedule', { id: post.id, scheduledAt: first, zone: 'Europe/Paris' });
    t.clock.advance(60_000);
    await t.call('calendar.schedule', { id: post.id, scheduledAt: second, zone: 'Europe/Paris' });
    await t.call('calendar.schedule', { id: post.id, scheduledAt: second, zone: 'Europe/Paris' });
    t.clock.advance(60_000);
    await t.call('calendar.schedule', { id: post.id, scheduledAt: null, zone: null });
    expect(facts(t.core.databasePath, post.id)).toEqual([
      { at, actor: 'community_manager', channel: 'app', details: { fromInstant: null, toInstant: first, zone: 'Europe/Paris' } },
      { at: at + 60_000, actor: 'community_manager', channel: 'app', details: { fromInstant: first, toInstant: second, zone: 'Europe/Paris' } },
      { at: at + 120_000, actor: 'community_manager', channel: 'app', details: { fromInstant: second, toInstant: null, zone: null } },
    ]);
  });
});
