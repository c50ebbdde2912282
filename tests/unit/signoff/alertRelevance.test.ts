import { describe, expect, it } from 'vitest';
import { signoffAlertStillDue, signoffRound } from '../../../shared/signoff/alertRelevance';
import type { SignoffRound } from '../../../shared/signoff/alertRelevance';

const voided = { messageKey: 'signoff.alerts.approvalVoided', params: { title: '' } };
const expired = { messageKey: 'signoff.alerts.expired', params: { title: 'Réforme' } };
const delivery = { messageKey: 'signoff.alerts.deliveryFailed', params: { title: 'Réforme', address: 'a@b.fr', diagnostic: '550' } };

const round = (over: Partial<SignoffRound> = {}): SignoffRound => ({ status: 'draft', requestId: 'r1', approvalVoided: false, ...over });

describe('whether a sign-off alert still holds', () => {
  it('“approval voided” holds while the post is edited, and goes once it is asked again or approved again', () => {
    const at = round({ approvalVoided: true });
    expect(signoffAlertStillDue(voided, at, round({ approvalVoided: true }))).toBe(true);
    expect(signoffAlertStillDue(voided, at, round({ status: 'in_review', requestId: 'r2' }))).toBe(false);
    expect(signoffAlertStillDue(voided, at, round({ status: 'approved', requestId: 'r2' }))).toBe(false);
    // Asked again before the page knew where the sign-off stood when the alert came.
    expect(signoffAlertStillDue(voided, null, round({ status: 'in_review', requestId: 'r2' }))).toBe(false);
  });

  it('“deadline passed” and “not delivered” go once the post is asked again (a new request), decided or withdrawn', () => {
    expect(signoffAlertStillDue(expired, round({ status: 'expired' }), round({ status: 'expired' }))).toBe(true);
    expect(signoffAlertStillDue(expired, round({ status: 'expired' }), round({ status: 'in_review', requestId: 'r2' }))).toBe(false);
    const open = round({ status: 'in_review' });
    expect(signoffAlertStillDue(delivery, open, open)).toBe(true);
    expect(signoffAlertStillDue(delivery, open, round({ status: 'in_review', requestId: 'r2' }))).toBe(false);
    expect(signoffAlertStillDue(delivery, open, round({ status: 'approved' }))).toBe(false);
    expect(signoffAlertStillDue(delivery, open, round({ status: 'withdrawn' }))).toBe(false);
    // Not known yet where it stood: kept until it is.
    expect(signoffAlertStillDue(delivery, null, round({ status: 'approved' }))).toBe(true);
  });

  it('leaves other features’ alerts as they are', () => {
    expect(signoffAlertStillDue({ messageKey: 'publishing.alerts.missed', params: {} }, round(), round({ status: 'published', requestId: 'r9' }))).toBe(true);
  });

  it('reads the round from the sign-off status', () => {
    expect(signoffRound({ status: 'draft', request: null, approvalVoided: { at: 1, requestId: 'r1', revisionNumber: 2 } })).toEqual({ status: 'draft', requestId: null, approvalVoided: true });
  });
});
