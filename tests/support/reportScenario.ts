import type { Network } from '../../shared/posts/networks';
import type { AuditAction } from '../../shared/signoff/audit';

/**
 * October 2026 for one partner, written so every figure of the report can be worked out by
 * hand (tests/unit/reports/aggregate.test.ts does it for Paris, the integration tests for Paris
 * and London). Posts are named by a letter; `Z` belongs to another partner (`other`).
 * Paris is UTC+2 until 25 Oct 01:00 UTC, UTC+1 after; London UTC+1, then UTC+0.
 */
export interface ScenarioPost {
  key: string;
  title: string;
  pillar: string | null;
  networks: Network[];
}

const p = (key: string, title: string, pillar: string | null, networks: Network[] = ['linkedin']): ScenarioPost => ({ key, title, pillar, networks });

export const scenarioPosts: ScenarioPost[] = [
  p('A', 'Réforme du droit des contrats', 'expertise'),
  // B's title and comment carry what CSV must quote: ; , " and a line break.
  p('B', 'Clause de médiation ; « le juge, l’arbitre » et "nous"', 'expertise', ['linkedin', 'x']),
  p('C', 'Actualité jurisprudentielle', 'actualite'),
  p('D', 'Portrait d’équipe', 'cabinet'),
  p('E', 'Webinaire', 'actualite'),
  p('F', 'Échec', null, ['x']),
  p('G', 'Manquée', null),
  p('H', 'Déplacée en novembre', 'cabinet'),
  p('I', 'Dernier soir d’octobre', 'cabinet'),
  p('J', 'Premier matin de novembre', 'cabinet'),
  p('K', 'Retirée', null),
  p('L', 'Créée le 1er octobre à 0 h 30', null),
  p('M', 'Créée le 30 septembre à 23 h 30', null),
];

export type AddEntry = (key: string, iso: string, action: AuditAction, details?: Record<string, unknown>, other?: boolean) => void;

const at = (iso: string): number => Date.parse(iso);

export function octoberScenario(add: AddEntry): void {
  // A: created in September, approved first time in 2 h, published 5 Oct.
  add('A', '2026-09-28T08:00:00Z', 'created');
  add('A', '2026-10-01T07:00:00Z', 'requestSignoff', {
    requestId: 'rA1',
    deadlineAt: at('2026-10-02T07:00:00Z'),
    findings: { error: 0, warning: 2, info: 1, byKind: { sentenceLength: 2, bannedTerm: 1 } },
    override: null,
  });
  add('A', '2026-10-01T09:00:00Z', 'approve', { requestId: 'rA1', requestedAt: at('2026-10-01T07:00:00Z'), deadlineAt: at('2026-10-02T07:00:00Z'), comment: null });
  add('A', '2026-10-01T10:00:00Z', 'schedule');
  add('A', '2026-10-05T08:00:00Z', 'published', { network: 'linkedin', remoteId: 'a1', url: 'https://www.linkedin.com/feed/update/urn:li:activity:1' });
  // B: changes requested late (26 h, deadline 24 h), approved after changes in 24 h, published on two networks.
  add('B', '2026-10-02T08:00:00Z', 'created');
  add('B', '2026-10-02T09:00:00Z', 'requestSignoff', {
    requestId: 'rB1',
    deadlineAt: at('2026-10-03T09:00:00Z'),
    findings: { error: 1, warning: 0, info: 0, byKind: { forbiddenTopic: 1 } },
    override: { justification: 'Citation exacte de l’arrêt, validée par l’associée.', findingIds: ['f1'] },
  });
  add('B', '2026-10-03T11:00:00Z', 'requestChanges', { requestId: 'rB1', requestedAt: at('2026-10-02T09:00:00Z'), deadlineAt: at('2026-10-03T09:00:00Z'), comment: 'Raccourcir.\nEt citer l’arrêt.' });
  add('B', '2026-10-04T09:00:00Z', 'requestSignoff', { requestId: 'rB2', deadlineAt: at('2026-10-06T09:00:00Z'), findings: { error: 0, warning: 0, info: 0, byKind: {} }, override: null });
  add('B', '2026-10-05T09:00:00Z', 'approve', { requestId: 'rB2', requestedAt: at('2026-10-04T09:00:00Z'), deadlineAt: at('2026-10-06T09:00:00Z'), comment: null });
  add('B', '2026-10-07T10:00:00Z', 'published', { network: 'linkedin', remoteId: 'b1', url: 'https://www.linkedin.com/feed/update/urn:li:activity:2' });
  add('B', '2026-10-07T10:00:00Z', 'published', { network: 'x', remoteId: 'b2', url: 'https://x.com/cdupont/status/2' });
  // C: rejected in 4 h, on time.
  add('C', '2026-10-06T08:00:00Z', 'created');
  add('C', '2026-10-06T09:00:00Z', 'requestSignoff', { requestId: 'rC1', deadlineAt: at('2026-10-08T09:00:00Z'), findings: { error: 0, warning: 0, info: 0, byKind: {} }, override: null });
  add('C', '2026-10-06T13:00:00Z', 'reject', { requestId: 'rC1', requestedAt: at('2026-10-06T09:00:00Z'), deadlineAt: at('2026-10-08T09:00:00Z'), comment: 'Hors ligne' });
  // D: the request expires unanswered, then the post is held.
  add('D', '2026-10-10T08:00:00Z', 'created');
  add('D', '2026-10-12T08:00:00Z', 'requestSignoff', { requestId: 'rD1', deadlineAt: at('2026-10-13T08:00:00Z'), findings: { error: 0, warning: 0, info: 0, byKind: {} }, override: null });
  add('D', '2026-10-13T08:00:00Z', 'expire', { requestId: 'rD1' });
  add('D', '2026-10-14T08:00:00Z', 'hold');
  // E: approved in 8 h with no deadline (not in the on-time rate), published on the DST night: 01:30Z = 02:30 the second time.
  add('E', '2026-10-15T08:00:00Z', 'created');
  add('E', '2026-10-15T09:00:00Z', 'requestSignoff', { requestId: 'rE1', deadlineAt: null, findings: { error: 0, warning: 0, info: 0, byKind: {} }, override: null });
  add('E', '2026-10-15T17:00:00Z', 'approve', { requestId: 'rE1', requestedAt: at('2026-10-15T09:00:00Z'), deadlineAt: null, comment: null });
  add('E', '2026-10-25T01:30:00Z', 'published', { network: 'linkedin', remoteId: 'e1', url: null });
  // F fails, G is missed.
  add('F', '2026-10-20T08:00:00Z', 'publishFailed', { network: 'x' });
  add('G', '2026-10-21T08:00:00Z', 'missed');
  // H: planned for 30 Oct, moved to 2 Nov and published then: November's, not October's.
  add('H', '2026-10-20T09:00:00Z', 'moved', { fromInstant: at('2026-10-30T09:00:00Z'), toInstant: at('2026-11-02T09:00:00Z'), zone: 'Europe/Paris' });
  add('H', '2026-11-02T09:00:00Z', 'published', { network: 'linkedin', remoteId: 'h1', url: null });
  // I: 31 Oct 23:30 in Paris (22:30Z) is October; J: 23:30Z is 1 Nov 00:30 in Paris.
  add('I', '2026-10-31T22:30:00Z', 'published', { network: 'linkedin', remoteId: 'i1', url: null });
  add('J', '2026-10-31T23:30:00Z', 'published', { network: 'linkedin', remoteId: 'j1', url: null });
  // K: withdrawn two hours after the request.
  add('K', '2026-10-22T08:00:00Z', 'requestSignoff', { requestId: 'rK1', deadlineAt: at('2026-10-23T08:00:00Z'), findings: { error: 0, warning: 0, info: 0, byKind: {} }, override: null });
  add('K', '2026-10-22T10:00:00Z', 'withdraw');
  // L: 1 Oct 00:30 in Paris; M: 30 Sept 23:30 in Paris.
  add('L', '2026-09-30T22:30:00Z', 'created');
  add('M', '2026-09-30T21:30:00Z', 'created');
  // Another partner's decision in the month: not ours.
  add('Z', '2026-10-10T10:00:00Z', 'approve', { requestId: 'rZ', requestedAt: at('2026-10-10T09:00:00Z'), deadlineAt: null, comment: null }, true);
}
