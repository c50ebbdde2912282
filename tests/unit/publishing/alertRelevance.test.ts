import { describe, expect, it } from 'vitest';
import { alertStillDue } from '../../../shared/publishing/alertRelevance';
import type { PostPublication, PublicationView } from '../../../shared/publishing/publication';

const publication = (network: PublicationView['network'], state: PublicationView['state']): PublicationView => ({
  id: 1,
  network,
  accountId: null,
  accountHandle: null,
  mode: 'manual',
  state,
  job: null,
  dueAt: 0,
  remoteId: null,
  url: null,
  failure: null,
  reason: null,
  withdrawal: null,
  publishedAt: null,
});
const now = (status: PostPublication['status'], ...publications: PublicationView[]) => ({ status, publications });
const manualDue = { messageKey: 'publishing.alerts.manualDue', params: { title: 'T', network: 'LinkedIn', networkId: 'linkedin' } };

describe('a publication alert', () => {
  it('“time to publish by hand” stays while that network awaits its link, and goes once it is published', () => {
    expect(alertStillDue(manualDue, now('scheduled', publication('linkedin', 'awaiting_manual')))).toBe(true);
    expect(alertStillDue(manualDue, now('scheduled', publication('linkedin', 'published'), publication('x', 'awaiting_manual')))).toBe(false);
    expect(alertStillDue(manualDue, now('published', publication('linkedin', 'published')))).toBe(false);
  });

  it('“missed” goes once a decision is taken, “failed” once retried', () => {
    const missed = { messageKey: 'publishing.alerts.missed', params: {} };
    expect(alertStillDue(missed, now('missed'))).toBe(true);
    expect(alertStillDue(missed, now('scheduled'))).toBe(false);
    const failed = { messageKey: 'publishing.alerts.failed', params: { network: 'X' } };
    expect(alertStillDue(failed, now('failed', publication('x', 'failed')))).toBe(true);
    expect(alertStillDue(failed, now('scheduled', publication('x', 'queued')))).toBe(false);
  });

  it('saying the post is published stays until dismissed; other features’ alerts are left alone', () => {
    expect(alertStillDue({ messageKey: 'publishing.alerts.published', params: {} }, now('published'))).toBe(true);
    expect(alertStillDue({ messageKey: 'signoff.alerts.expired', params: {} }, now('published'))).toBe(true);
  });
});
