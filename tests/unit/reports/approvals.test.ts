import { describe, expect, it } from 'vitest';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import { partnerSection } from '../../../electron/core/reports/render/partnerSection';
import { HOUR, at, auditLog } from './entries';
import { reportPartner, visibleText } from './renderText';

const paris = reportPartner('paris', 'Me Claire Dupont', 'Europe/Paris');

/**
 * Seven approvals in October: five posts approved first time, one approved after changes were
 * requested, and one approved, edited (the approval voided), asked again and approved again.
 */
function october() {
  const log = auditLog(paris.id);
  const request = (post: string, iso: string, id: string) => log.add(post, iso, 'requestSignoff', { requestId: id, deadlineAt: at(iso) + 24 * HOUR });
  const decide = (post: string, iso: string, action: 'approve' | 'requestChanges', id: string, requestedIso: string) =>
    log.add(post, iso, action, { requestId: id, requestedAt: at(requestedIso), deadlineAt: at(requestedIso) + 24 * HOUR });
  for (const [i, post] of ['P1', 'P2', 'P3', 'P4'].entries()) {
    request(post, `2026-10-0${i + 1}T08:00:00Z`, `r${post}`);
    decide(post, `2026-10-0${i + 1}T10:00:00Z`, 'approve', `r${post}`, `2026-10-0${i + 1}T08:00:00Z`);
  }
  // C: changes requested, then approved.
  request('C', '2026-10-06T08:00:00Z', 'rC1');
  decide('C', '2026-10-06T12:00:00Z', 'requestChanges', 'rC1', '2026-10-06T08:00:00Z');
  request('C', '2026-10-07T08:00:00Z', 'rC2');
  decide('C', '2026-10-07T09:00:00Z', 'approve', 'rC2', '2026-10-07T08:00:00Z');
  // E: approved, edited (approval voided), asked again, approved again.
  request('E', '2026-10-08T08:00:00Z', 'rE1');
  decide('E', '2026-10-08T09:00:00Z', 'approve', 'rE1', '2026-10-08T08:00:00Z');
  log.add('E', '2026-10-09T08:00:00Z', 'contentEdited');
  log.add('E', '2026-10-09T08:00:00Z', 'approvalVoided');
  request('E', '2026-10-09T09:00:00Z', 'rE2');
  decide('E', '2026-10-09T11:00:00Z', 'approve', 'rE2', '2026-10-09T09:00:00Z');
  const posts = ['P1', 'P2', 'P3', 'P4', 'C', 'E'].map((id) => ({ id, title: `Post ${id}`, networks: ['linkedin' as const], status: 'approved' as const, pillar: null }));
  return aggregateMonth({ month: '2026-10', partner: paris, entries: log.entries, posts, generatedAt: at('2026-11-05T09:00:00Z') });
}

describe('approvals after an edit', () => {
  it('counts every approval of the month, the re-approval after an edit on a line of its own', () => {
    const { figures } = october();
    expect(figures.turnaround.decisions).toBe(8); // 7 approvals and C's change request
    expect(figures.counts).toMatchObject({ approvedFirstTime: 5, approvedAfterChanges: 1, reapprovedAfterEdit: 1 });
  });

  it('gives the first-time rate over every approval, and says how many were given again after an edit', () => {
    const text = visibleText(partnerSection(october(), 'fr', 'r'));
    expect(text).toContain('71\u00a0%'); // 5 of 7
    expect(text).toContain('5 sur 7 validations, dont 1 revalidation après modification du texte');
    expect(text).toMatch(/Revalidées après une modification du texte\n+1\n/u);
    expect(text).toMatch(/Validées après modifications\n+1\n/u);
    expect(text).toMatch(/Décisions\n+8\n/u);
  });
});
