import { describe, expect, it } from 'vitest';
import { creditedPartners } from '../../../shared/reports/attribution';
import { auditLog } from './entries';

const A = 'partner-a';
const B = 'partner-b';
const C = 'partner-c';

describe('whom each audit fact counts for', () => {
  it('credits a draft’s creation and first edits to the partner it was switched to before anything went out', () => {
    const { entries, add } = auditLog(A);
    const created = add('p', '2026-11-02T09:00:00Z', 'created');
    const edited = add('p', '2026-11-02T09:01:00Z', 'contentEdited');
    const switched = add('p', '2026-11-02T09:02:00Z', 'partnerChanged', { fromPartnerId: A, toPartnerId: B }, { partnerId: B });
    const request = add('p', '2026-11-02T10:00:00Z', 'requestSignoff', {}, { partnerId: B });
    const credited = creditedPartners(entries);
    expect([created, edited, switched, request].map((e) => credited.get(e.id))).toEqual([B, B, B, B]);
  });

  it('leaves a request and its answer with the partner asked when the post is switched afterwards', () => {
    const { entries, add } = auditLog(A);
    const created = add('p', '2026-11-02T09:00:00Z', 'created');
    const request = add('p', '2026-11-02T10:00:00Z', 'requestSignoff');
    const changes = add('p', '2026-11-02T11:00:00Z', 'requestChanges');
    const switched = add('p', '2026-11-02T12:00:00Z', 'partnerChanged', { fromPartnerId: A, toPartnerId: C }, { partnerId: C });
    const approved = add('p', '2026-11-02T13:00:00Z', 'approve', {}, { partnerId: C });
    const credited = creditedPartners(entries);
    expect([created, request, changes, switched, approved].map((e) => credited.get(e.id))).toEqual([A, A, A, C, C]);
  });

  it('credits a draft still being written to the partner it has now, and other posts are untouched', () => {
    const { entries, add } = auditLog(A);
    const created = add('p', '2026-11-02T09:00:00Z', 'created');
    add('p', '2026-11-03T09:00:00Z', 'partnerChanged', { fromPartnerId: A, toPartnerId: B }, { partnerId: B });
    const other = add('q', '2026-11-02T09:00:00Z', 'created', {}, { partnerId: C });
    const credited = creditedPartners(entries);
    expect(credited.get(created.id)).toBe(B);
    expect(credited.get(other.id)).toBe(C);
  });
});
