import { describe, expect, it } from 'vitest';
import { seededCoreForEachTest } from './seed';

const fixture = seededCoreForEachTest();

async function parisOctober() {
  const doc = await fixture.t.call('reports.build', { month: '2026-10', partnerId: fixture.seeded.paris.id });
  if (doc.kind !== 'partner') throw new Error('expected a partner report');
  return doc.report;
}

describe('cadence and pillar targets in the report', () => {
  it('come from the partner’s editorial line (no line: no target, said so)', async () => {
    expect((await parisOctober()).cadence).toBeNull();

    await fixture.t.call('editorial.savePartnerLine', {
      partnerId: fixture.seeded.paris.id,
      baseVersion: null,
      line: {
        cadence: {
          postsPerWeek: [{ network: 'linkedin', min: 1, max: 2 }],
          maxPerDay: 1,
          pillarTargets: [
            { pillar: 'expertise', share: 0.4 },
            { pillar: 'actualite', share: 0.4 },
            { pillar: 'cabinet', share: 0.2 },
          ],
        },
      },
    });
    const report = await parisOctober();
    // The figures of tests/unit/reports/aggregate.test.ts, worked out by hand: W41 2 ✓, W42 0 ✗, W43 1 ✓.
    expect(report.cadence?.targets).toEqual([
      { network: 'linkedin', min: 1, max: 2, published: 4, averagePerWeek: 28 / 31, weeksJudged: 3, weeksOnTarget: 2, weeksBelow: 1, weeksAbove: 0 },
    ]);
    expect(report.cadence?.maxPerDay).toEqual({ max: 1, daysOver: [{ date: '2026-10-07', count: 2 }] });
    expect(report.pillars.rows.map((r) => [r.pillar, r.count, r.target])).toEqual([
      ['expertise', 2, 0.4],
      ['actualite', 1, 0.4],
      ['cabinet', 1, 0.2],
    ]);
    // London has no line of its own: still no target.
    const london = await fixture.t.call('reports.build', { month: '2026-10', partnerId: fixture.seeded.london.id });
    expect(london.kind === 'partner' ? london.report.cadence : 'not a partner report').toBeNull();
  });
});
