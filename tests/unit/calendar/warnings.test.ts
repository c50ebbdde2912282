import { describe, expect, it } from 'vitest';
import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import type { CadencePolicyInput } from '../../../shared/calendar/cadencePolicy';
import { analysisInstantRange, analysisWindow, calendarWarnings } from '../../../shared/calendar/warnings';
import type { CalendarPost, CalendarWarning, CalendarWarningsInput } from '../../../shared/calendar/warnings';
import type { Network } from '../../../shared/posts/networks';
import type { PostStatus } from '../../../shared/posts/schema';

const at = (iso: string): number => Date.parse(iso);
const PARIS = 'Europe/Paris';
const TORONTO = 'America/Toronto';

function post(id: string, iso: string, networks: Network[] = ['linkedin'], extra: { pillar?: string; status?: PostStatus } = {}): CalendarPost {
  return { id, instant: at(iso), networks, pillar: extra.pillar, status: extra.status ?? 'scheduled' };
}

/** Only the policy under test: holidays are off unless a test turns them on. */
function warn(policy: CadencePolicyInput, posts: CalendarPost[], rest: Partial<CalendarWarningsInput> = {}): CalendarWarning[] {
  return calendarWarnings({
    policy: CadencePolicy.parse({ avoidFrenchHolidays: false, ...policy }),
    zone: PARIS,
    posts,
    range: { from: '2026-03-01', to: '2026-03-31' },
    ...rest,
  });
}

const ofKind = <K extends CalendarWarning['kind']>(warnings: CalendarWarning[], kind: K): Extract<CalendarWarning, { kind: K }>[] =>
  warnings.filter((w): w is Extract<CalendarWarning, { kind: K }> => w.kind === kind);

describe('cadence per ISO week and network', () => {
  const policy: CadencePolicyInput = { postsPerWeek: [{ network: 'linkedin', min: 2, max: 3 }] };
  const range = { from: '2026-03-23', to: '2026-04-05' };

  it('reports a shortfall with the count, the minimum and the posts of the week', () => {
    const warnings = warn(policy, [post('a', '2026-03-24T07:30:00Z'), post('b', '2026-03-31T06:30:00Z'), post('c', '2026-04-02T06:30:00Z')], { range });
    expect(warnings).toEqual([{ kind: 'cadenceShortfall', weekStart: '2026-03-23', weekEnd: '2026-03-29', network: 'linkedin', count: 1, min: 2, postIds: ['a'] }]);
  });

  it('reports an empty week as 0 of the minimum', () => {
    const warnings = warn(policy, [post('b', '2026-03-31T06:30:00Z'), post('c', '2026-04-02T06:30:00Z')], { range });
    expect(ofKind(warnings, 'cadenceShortfall')).toEqual([
      { kind: 'cadenceShortfall', weekStart: '2026-03-23', weekEnd: '2026-03-29', network: 'linkedin', count: 0, min: 2, postIds: [] },
    ]);
  });

  it('reports an excess above the maximum', () => {
    const posts = ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26'].map((d, i) => post(`p${i}`, `${d}T09:00:00Z`));
    expect(ofKind(warn(policy, posts, { range: { from: '2026-03-23', to: '2026-03-29' } }), 'cadenceExcess')).toEqual([
      { kind: 'cadenceExcess', weekStart: '2026-03-23', weekEnd: '2026-03-29', network: 'linkedin', count: 4, max: 3, postIds: ['p0', 'p1', 'p2', 'p3'] },
    ]);
  });

  it('counts a post for each of its networks, and only on those', () => {
    const twoNetworks: CadencePolicyInput = { postsPerWeek: [{ network: 'linkedin', min: 1 }, { network: 'bluesky', min: 1 }, { network: 'x', min: 1 }] };
    const warnings = warn(twoNetworks, [post('a', '2026-03-24T09:00:00Z', ['linkedin', 'bluesky'])], { range: { from: '2026-03-23', to: '2026-03-29' } });
    expect(warnings.map((w) => (w.kind === 'cadenceShortfall' ? w.network : w.kind))).toEqual(['x']);
  });

  it('judges the week in the partner zone: Monday 00:30 in Paris is still Sunday in Toronto', () => {
    const mondayInParis = post('a', '2026-03-29T22:30:00Z'); // Mon 30 March 00:30 CEST, Sun 29 March 18:30 EDT
    const oneAWeek: CadencePolicyInput = { postsPerWeek: [{ network: 'linkedin', min: 1 }] };
    const weeksShort = (zone: string): string[] =>
      ofKind(warn(oneAWeek, [mondayInParis], { zone, range: { from: '2026-03-23', to: '2026-04-05' } }), 'cadenceShortfall').map((w) => w.weekStart);
    expect(weeksShort(PARIS)).toEqual(['2026-03-23']);
    expect(weeksShort(TORONTO)).toEqual(['2026-03-30']);
  });

  it('ignores posts that will not go out, but counts drafts and published ones', () => {
    const oneAWeek: CadencePolicyInput = { postsPerWeek: [{ network: 'linkedin', min: 1, max: 1 }] };
    const range1 = { range: { from: '2026-03-23', to: '2026-03-29' } };
    for (const status of ['withdrawn', 'rejected', 'expired', 'failed'] as const) {
      expect(warn(oneAWeek, [post('a', '2026-03-24T09:00:00Z', ['linkedin'], { status })], range1)).toMatchObject([{ kind: 'cadenceShortfall', count: 0 }]);
    }
    for (const status of ['draft', 'published', 'held'] as const) {
      expect(warn(oneAWeek, [post('a', '2026-03-24T09:00:00Z', ['linkedin'], { status })], range1)).toEqual([]);
    }
  });

  it('judges every week the range touches, whole', () => {
    const oneAWeek: CadencePolicyInput = { postsPerWeek: [{ network: 'linkedin', min: 1 }] };
    // March 2026 touches six ISO weeks (23 Feb → 5 Apr); a post on 3 April still feeds the last one.
    const warnings = warn(oneAWeek, [post('a', '2026-04-03T09:00:00Z')]);
    expect(ofKind(warnings, 'cadenceShortfall').map((w) => w.weekStart)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
  });
});

describe('too many posts on one local day', () => {
  it('counts posts per local day, all networks together', () => {
    const posts = [post('a', '2026-03-10T07:00:00Z', ['linkedin']), post('b', '2026-03-10T11:00:00Z', ['x']), post('c', '2026-03-10T22:30:00Z', ['bluesky'])];
    expect(warn({ maxPerDay: 2 }, posts)).toEqual([{ kind: 'dailyLimitExceeded', date: '2026-03-10', count: 3, max: 2, postIds: ['a', 'b', 'c'] }]);
    // 00:30 on the 11th in Paris, still 19:30 on the 10th in Toronto.
    const late = [...posts.slice(0, 2), post('c', '2026-03-10T23:30:00Z', ['bluesky'])];
    expect(warn({ maxPerDay: 2 }, late)).toEqual([]);
    expect(warn({ maxPerDay: 2 }, late, { zone: TORONTO })).toMatchObject([{ kind: 'dailyLimitExceeded', date: '2026-03-10', count: 3 }]);
  });

  it('says nothing without a daily limit', () => {
    const posts = [post('a', '2026-03-10T07:00:00Z'), post('b', '2026-03-10T08:00:00Z'), post('c', '2026-03-10T09:00:00Z')];
    expect(warn({}, posts)).toEqual([]);
  });
});

describe('quiet days and quiet hours', () => {
  it('flags a post on a quiet weekday', () => {
    expect(warn({ quietDays: [6, 7] }, [post('sat', '2026-03-14T09:00:00Z'), post('mon', '2026-03-16T09:00:00Z')])).toEqual([
      { kind: 'quietDay', date: '2026-03-14', time: '10:00', weekday: 6, postIds: ['sat'] },
    ]);
  });

  it('flags posts in quiet hours wrapping midnight (20:00–08:00), edges included at the start only', () => {
    // Paris is UTC+1 in early March: local = UTC + 1 h.
    const times: [string, string][] = [
      ['19:59', '2026-03-10T18:59:00Z'],
      ['20:00', '2026-03-10T19:00:00Z'],
      ['23:59', '2026-03-10T22:59:00Z'],
      ['00:00', '2026-03-10T23:00:00Z'],
      ['07:59', '2026-03-11T06:59:00Z'],
      ['08:00', '2026-03-11T07:00:00Z'],
    ];
    const warnings = warn({ quietHours: { from: '20:00', to: '08:00' } }, times.map(([label, iso]) => post(label, iso)));
    expect(warnings.map((w) => w.postIds[0])).toEqual(['20:00', '23:59', '00:00', '07:59']);
    expect(warnings[0]).toEqual({ kind: 'quietHours', date: '2026-03-10', time: '20:00', from: '20:00', to: '08:00', postIds: ['20:00'] });
  });

  it('flags posts in quiet hours that do not wrap (12:00–14:00), and none when from = to', () => {
    const posts = [post('11:59', '2026-03-10T10:59:00Z'), post('12:00', '2026-03-10T11:00:00Z'), post('13:59', '2026-03-10T12:59:00Z'), post('14:00', '2026-03-10T13:00:00Z')];
    expect(warn({ quietHours: { from: '12:00', to: '14:00' } }, posts).map((w) => w.postIds[0])).toEqual(['12:00', '13:59']);
    expect(warn({ quietHours: { from: '12:00', to: '12:00' } }, posts)).toEqual([]);
  });

  it('reads the hour in the partner zone', () => {
    const late = post('a', '2026-03-11T01:00:00Z'); // 02:00 in Paris, 21:00 in Toronto
    expect(warn({ quietHours: { from: '22:00', to: '07:00' } }, [late])).toHaveLength(1);
    expect(warn({ quietHours: { from: '22:00', to: '07:00' } }, [late], { zone: TORONTO })).toEqual([]);
  });
});

describe('French public holidays and blackout dates', () => {
  it('flags a post on a holiday when the policy avoids them', () => {
    const ascension = post('a', '2026-05-14T08:00:00Z');
    const range = { from: '2026-05-01', to: '2026-05-31' };
    expect(warn({ avoidFrenchHolidays: true }, [ascension], { range })).toEqual([{ kind: 'frenchHoliday', date: '2026-05-14', time: '10:00', holiday: 'ascensionDay', postIds: ['a'] }]);
    expect(warn({ avoidFrenchHolidays: false }, [ascension], { range })).toEqual([]);
  });

  it('adds Good Friday only for Alsace-Moselle', () => {
    const goodFriday = post('a', '2026-04-03T08:00:00Z');
    const range = { from: '2026-04-01', to: '2026-04-30' };
    expect(warn({ avoidFrenchHolidays: true }, [goodFriday], { range })).toEqual([]);
    expect(warn({ avoidFrenchHolidays: true }, [goodFriday], { range, alsaceMoselle: true })).toMatchObject([{ kind: 'frenchHoliday', holiday: 'goodFriday' }]);
  });

  it('takes the date in the partner zone: 14 July 03:00 UTC is still 13 July in Toronto', () => {
    const early = post('a', '2026-07-14T03:00:00Z');
    const range = { from: '2026-07-01', to: '2026-07-31' };
    expect(warn({ avoidFrenchHolidays: true }, [early], { range })).toMatchObject([{ kind: 'frenchHoliday', date: '2026-07-14' }]);
    expect(warn({ avoidFrenchHolidays: true }, [early], { range, zone: TORONTO })).toEqual([]);
  });

  it('flags blackout dates', () => {
    expect(warn({ blackoutDates: ['2026-03-18'] }, [post('a', '2026-03-18T15:00:00Z'), post('b', '2026-03-19T15:00:00Z')])).toEqual([
      { kind: 'blackoutDate', date: '2026-03-18', time: '16:00', postIds: ['a'] },
    ]);
  });

  it('leaves published posts and posts outside the range alone', () => {
    const policy: CadencePolicyInput = { blackoutDates: ['2026-03-18', '2026-04-01'], quietDays: [3] };
    const posts = [post('done', '2026-03-18T15:00:00Z', ['linkedin'], { status: 'published' }), post('april', '2026-04-01T15:00:00Z')];
    expect(warn(policy, posts)).toEqual([]);
  });
});

describe('pillar mix of the month', () => {
  const targets: CadencePolicyInput = {
    pillarTargets: [
      { pillar: 'expertise', share: 0.5 },
      { pillar: 'culture', share: 0.3 },
      { pillar: 'news', share: 0.2 },
    ],
  };
  const month = (pillars: string[]): CalendarPost[] => pillars.map((pillar, i) => post(`${pillar}${i}`, `2026-03-${String(i + 2).padStart(2, '0')}T09:00:00Z`, ['linkedin'], { pillar }));

  it('flags pillars more than 10 points off target, with the numbers', () => {
    const posts = month(['expertise', 'expertise', 'expertise', 'culture', 'culture', 'culture', 'news', 'news', 'news', 'news']);
    expect(ofKind(warn(targets, posts), 'pillarOffTarget')).toEqual([
      {
        kind: 'pillarOffTarget',
        month: '2026-03',
        pillar: 'expertise',
        count: 3,
        total: 10,
        actualShare: 0.3,
        targetShare: 0.5,
        actualPercent: 30,
        targetPercent: 50,
        deviationPoints: -20,
        postIds: ['expertise0', 'expertise1', 'expertise2'],
      },
      {
        kind: 'pillarOffTarget',
        month: '2026-03',
        pillar: 'news',
        count: 4,
        total: 10,
        actualShare: 0.4,
        targetShare: 0.2,
        actualPercent: 40,
        targetPercent: 20,
        deviationPoints: 20,
        postIds: ['news6', 'news7', 'news8', 'news9'],
      },
    ]);
  });

  it('does not flag exactly 10 points, flags 11', () => {
    const posts = month(['culture', 'culture', 'other', 'other', 'other']); // culture 40 %
    expect(warn({ pillarTargets: [{ pillar: 'culture', share: 0.3 }] }, posts)).toEqual([]);
    expect(warn({ pillarTargets: [{ pillar: 'culture', share: 0.29 }] }, posts)).toMatchObject([{ pillar: 'culture', deviationPoints: 11 }]);
    expect(warn({ pillarTargets: [{ pillar: 'culture', share: 0.3 }] }, posts, { pillarTolerancePoints: 5 })).toHaveLength(1);
  });

  it('counts posts without a pillar in the month total', () => {
    const posts = [...month(['expertise', 'expertise']), post('plain1', '2026-03-20T09:00:00Z'), post('plain2', '2026-03-21T09:00:00Z')];
    expect(warn({ pillarTargets: [{ pillar: 'expertise', share: 0.9 }] }, posts)).toMatchObject([{ count: 2, total: 4, actualPercent: 50, deviationPoints: -40 }]);
  });

  it('says nothing for a month without posts', () => {
    expect(warn(targets, [])).toEqual([]);
  });

  it('gives each month of the range its own mix, months taken in the partner zone', () => {
    const posts = [post('feb', '2026-02-28T23:30:00Z', ['linkedin'], { pillar: 'news' }), post('mar', '2026-03-10T09:00:00Z', ['linkedin'], { pillar: 'expertise' })];
    const warnings = warn({ pillarTargets: [{ pillar: 'news', share: 0.5 }] }, posts, { range: { from: '2026-02-01', to: '2026-03-31' } });
    // 23:30 UTC on 28 Feb is 1 March in Paris: both posts are March's.
    expect(warnings).toEqual([]);
    const inToronto = warn({ pillarTargets: [{ pillar: 'news', share: 0.5 }] }, posts, { zone: TORONTO, range: { from: '2026-02-01', to: '2026-03-31' } });
    expect(inToronto.map((w) => (w.kind === 'pillarOffTarget' ? `${w.month} ${w.actualPercent}` : w.kind))).toEqual(['2026-02 100', '2026-03 0']);
  });
});

describe('the whole picture', () => {
  it('orders warnings by date, then kind', () => {
    const policy: CadencePolicyInput = {
      postsPerWeek: [{ network: 'linkedin', min: 1 }],
      quietDays: [7],
      blackoutDates: ['2026-03-29'],
      maxPerDay: 1,
    };
    const posts = [post('s1', '2026-03-29T08:00:00Z'), post('s2', '2026-03-29T09:00:00Z'), post('w', '2026-03-25T09:00:00Z')];
    const warnings = warn(policy, posts, { range: { from: '2026-03-23', to: '2026-04-05' } });
    expect(warnings.map((w) => `${w.kind} ${w.postIds.join(',')}`)).toEqual([
      'dailyLimitExceeded s1,s2',
      'quietDay s1',
      'quietDay s2',
      'blackoutDate s1',
      'blackoutDate s2',
      'cadenceShortfall ',
    ]);
  });
});

describe('the window to load posts for', () => {
  it('covers whole ISO weeks and whole months', () => {
    expect(analysisWindow({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-23', to: '2026-04-05' });
    expect(analysisWindow({ from: '2026-03-30', to: '2026-04-05' })).toEqual({ from: '2026-03-01', to: '2026-04-30' });
    expect(analysisWindow({ from: '2026-06-01', to: '2026-06-30' })).toEqual({ from: '2026-06-01', to: '2026-07-05' });
  });

  it('gives the instants of that window in the partner zone', () => {
    expect(analysisInstantRange({ from: '2026-03-01', to: '2026-03-31' }, PARIS)).toEqual({ from: at('2026-02-22T23:00:00Z'), to: at('2026-04-05T22:00:00Z') });
  });
});
