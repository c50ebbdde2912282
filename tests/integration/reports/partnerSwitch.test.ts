import { afterEach, describe, expect, it } from 'vitest';
import type { ReportCounts } from '../../../shared/reports/model';
import { docFromParagraphs } from '../../../shared/posts/document';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';

/**
 * Whom a report credits when a post changes partner: a draft started on the wrong partner and
 * switched counts for the right one; a post switched after a sign-off request leaves that
 * request and its answer with the partner who was asked. Real core, real SQLite file; every
 * figure below is counted by hand from the steps.
 */

let h: PublishingHarness;
afterEach(() => h.close());

const HOUR = 60 * MINUTE;

async function partner(displayName: string, timeZone: string, locale: 'fr' | 'en') {
  return h.call('partners.create', { displayName, timeZone, locale, signoffEmail: '' });
}

async function counts(partnerId: string): Promise<ReportCounts> {
  const doc = await h.call('reports.build', { month: '2026-11', partnerId });
  if (doc.kind !== 'partner') throw new Error('expected a partner report');
  return doc.report.figures.counts;
}

const none: ReportCounts = {
  drafted: 0,
  sentForSignoff: 0,
  signoffRequests: 0,
  approvedFirstTime: 0,
  approvedAfterChanges: 0,
  reapprovedAfterEdit: 0,
  changesRequested: 0,
  rejected: 0,
  withdrawn: 0,
  expired: 0,
  held: 0,
  missed: 0,
  failed: 0,
  published: 0,
};

describe('a post that changes partner', () => {
  it('counts in each report for the partner it belonged to when each thing happened', async () => {
    h = publishingHarness(); // 24 November 2026, 09:00 UTC
    const dana = await partner('Dana Whitaker', 'America/Toronto', 'en');
    const claire = await partner('Me Claire Dupont', 'Europe/Paris', 'fr');
    const youssef = await partner('Youssef Benali', 'Africa/Casablanca', 'fr');
    const content = docFromParagraphs(['La réforme du droit des contrats, dix ans après.']);

    // Post 1: started on Dana (the wrong one), switched to Claire, sent, approved, published.
    const first = await h.call('posts.create', { partnerId: dana.id, title: 'Réforme', networks: ['linkedin'], content, scheduledAt: h.clock.now() + 3 * HOUR });
    h.clock.advance(MINUTE);
    await h.call('posts.save', { id: first.id, baseVersion: first.version, partnerId: claire.id });
    await h.call('signoff.request', { postId: first.id });
    h.clock.advance(HOUR);
    await h.call('signoff.recordDecision', { postId: first.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
    h.clock.advance(2 * HOUR);
    await h.tick();
    expect((await h.status(first.id)).publications).toMatchObject([{ network: 'linkedin', state: 'awaiting_manual' }]);
    await h.call('publishing.manualDone', { postId: first.id, network: 'linkedin', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000001/' });

    // Post 2: on Claire, sent to her, she asks for changes; then it goes to Youssef, who approves at once.
    const second = await h.call('posts.create', { partnerId: claire.id, title: 'Bail commercial', networks: ['linkedin'], content, scheduledAt: h.clock.now() + 48 * HOUR });
    await h.call('signoff.request', { postId: second.id });
    h.clock.advance(HOUR);
    await h.call('signoff.recordDecision', { postId: second.id, decision: 'requestChanges', channel: 'phone', decidedAt: h.clock.now() });
    const changed = await h.call('posts.get', { id: second.id });
    await h.call('posts.save', { id: second.id, baseVersion: changed.version, partnerId: youssef.id });
    await h.call('signoff.request', { postId: second.id });
    h.clock.advance(HOUR);
    await h.call('signoff.recordDecision', { postId: second.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });

    // Post 3: started on Dana and left with her.
    await h.call('posts.create', { partnerId: dana.id, title: 'Note', networks: ['linkedin'], content, scheduledAt: null });

    expect(await counts(claire.id)).toEqual({ ...none, drafted: 2, sentForSignoff: 2, signoffRequests: 2, approvedFirstTime: 1, changesRequested: 1, published: 1 });
    expect(await counts(youssef.id)).toEqual({ ...none, sentForSignoff: 1, signoffRequests: 1, approvedFirstTime: 1 });
    expect(await counts(dana.id)).toEqual({ ...none, drafted: 1 });

    const history = await h.call('signoff.history', { postId: first.id });
    expect(history.filter((e) => e.action === 'partnerChanged')).toMatchObject([{ partnerId: claire.id, details: { fromPartnerId: dana.id, toPartnerId: claire.id } }]);
  });
});
