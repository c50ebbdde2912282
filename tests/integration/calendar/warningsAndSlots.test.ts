import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CadencePolicyInput } from '../../../shared/calendar/cadencePolicy';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const at = (iso: string) => Date.parse(iso);
const kinds = (list: { warning: { kind: string } }[]) => list.map((w) => w.warning.kind);

async function partner(name: string, timeZone: string, cadence?: CadencePolicyInput) {
  const created = await t.call('partners.create', { displayName: name, timeZone });
  // The cadence lives in the partner's editorial line; the calendar reads it from there.
  if (cadence) await t.call('editorial.savePartnerLine', { partnerId: created.id, baseVersion: null, line: { cadence } });
  return created;
}

async function scheduled(partnerId: string, iso: string, networks: ('linkedin' | 'x')[] = ['linkedin']) {
  const post = await t.call('posts.create', { partnerId, networks });
  return t.call('calendar.schedule', { id: post.id, scheduledAt: at(iso), zone: 'Europe/Paris' });
}

describe('calendar warnings from the editorial lines', () => {
  it('reports a cadence gap per ISO week and network, judged in the partner’s zone', async () => {
    const dupont = await partner('Me Dupont', 'Europe/Paris', { postsPerWeek: [{ network: 'linkedin', min: 2 }] });
    // Sunday 7 June 23:30 UTC is already Monday 8 June in Paris: it counts in the week of the 8th.
    await scheduled(dupont.id, '2026-06-07T22:30:00Z');
    const warnings = await t.call('calendar.warnings', { from: '2026-06-01', to: '2026-06-14' });
    const gaps = warnings.filter((w) => w.warning.kind === 'cadenceShortfall');
    expect(gaps.map((w) => w.partnerId)).toEqual([dupont.id, dupont.id]);
    expect(gaps.map((w) => w.warning)).toEqual([
      expect.objectContaining({ weekStart: '2026-06-01', network: 'linkedin', count: 0, min: 2 }),
      expect.objectContaining({ weekStart: '2026-06-08', network: 'linkedin', count: 1, min: 2 }),
    ]);
  });

  it('flags quiet days, quiet hours, blackout dates and holidays, and uses the default policy without a line', async () => {
    const dupont = await partner('Me Dupont', 'Europe/Paris', {
      quietDays: [7],
      quietHours: { from: '20:00', to: '08:00' },
      blackoutDates: ['2026-06-10'],
      maxPerDay: 1,
    });
    const benali = await partner('Me Benali', 'Africa/Casablanca');
    await scheduled(dupont.id, '2026-06-07T08:00:00Z'); // Sunday 10:00 in Paris
    await scheduled(dupont.id, '2026-06-09T19:00:00Z'); // Tuesday 21:00 in Paris
    await scheduled(dupont.id, '2026-06-10T08:00:00Z');
    await scheduled(dupont.id, '2026-06-10T09:00:00Z');
    await scheduled(benali.id, '2026-07-14T09:00:00Z'); // Bastille Day: not a holiday in Casablanca; quiet days mean nothing to her default policy
    await scheduled(benali.id, '2026-06-07T08:00:00Z');
    await scheduled(dupont.id, '2026-07-14T09:00:00Z'); // Bastille Day, 11:00 in Paris

    const june = await t.call('calendar.warnings', { from: '2026-06-01', to: '2026-06-30' });
    expect(june.every((w) => w.partnerId === dupont.id)).toBe(true);
    expect(kinds(june)).toEqual(['quietDay', 'quietHours', 'dailyLimitExceeded', 'blackoutDate', 'blackoutDate']);
    // French holidays are for partners in France: none for the partner in Casablanca.
    expect(await t.call('calendar.warnings', { from: '2026-07-01', to: '2026-07-31', partnerIds: [benali.id] })).toEqual([]);
    const july = await t.call('calendar.warnings', { from: '2026-07-01', to: '2026-07-31', partnerIds: [dupont.id] });
    expect(july.filter((w) => w.warning.kind === 'frenchHoliday')).toHaveLength(1);
    expect(july.find((w) => w.warning.kind === 'frenchHoliday')).toMatchObject({ partnerId: dupont.id, warning: { kind: 'frenchHoliday', holiday: 'bastilleDay', date: '2026-07-14' } });
  });

  it('follows a line saved later, and leaves archived partners out', async () => {
    const dupont = await partner('Me Dupont', 'Europe/Paris');
    expect(await t.call('calendar.warnings', { from: '2026-06-01', to: '2026-06-07' })).toEqual([]);
    await t.call('editorial.savePartnerLine', { partnerId: dupont.id, baseVersion: null, line: { cadence: { postsPerWeek: [{ network: 'x', min: 1 }] } } });
    expect(kinds(await t.call('calendar.warnings', { from: '2026-06-01', to: '2026-06-07' }))).toEqual(['cadenceShortfall']);
    await t.call('partners.setArchived', { id: dupont.id, archived: true });
    expect(await t.call('calendar.warnings', { from: '2026-06-01', to: '2026-06-07' })).toEqual([]);
  });

  it('refuses a reversed range', async () => {
    expect((await t.raw('calendar.warnings', { from: '2026-06-30', to: '2026-06-01' })).ok).toBe(false);
  });
});

describe('posting slots and the next free slot', () => {
  // The test clock stands at Tuesday 2026-11-24 09:00 UTC (10:00 in Paris).
  const tueThu = [
    { network: 'linkedin', weekday: 2, time: '08:30' },
    { network: 'linkedin', weekday: 4, time: '08:30' },
  ] as const;

  it('lists each partner’s slots from their line, with their zone', async () => {
    const dupont = await partner('Me Dupont', 'Europe/Paris', { slots: [...tueThu] });
    const benali = await partner('Me Benali', 'Africa/Casablanca');
    expect(await t.call('calendar.slots', {})).toEqual([
      { partnerId: benali.id, timeZone: 'Africa/Casablanca', slots: [] },
      { partnerId: dupont.id, timeZone: 'Europe/Paris', slots: [...tueThu] },
    ]);
  });

  it('proposes the next slot not taken by the partner’s other posts, in the partner’s zone', async () => {
    const dupont = await partner('Me Dupont', 'Europe/Paris', { slots: [...tueThu] });
    const draft = await t.call('posts.create', { partnerId: dupont.id, networks: ['linkedin'] });
    // Tuesday's 08:30 has passed: Thursday 26 November, 08:30 in Paris (UTC+1).
    expect(await t.call('calendar.nextSlot', { id: draft.id })).toMatchObject({
      kind: 'slot',
      instant: at('2026-11-26T07:30:00Z'),
      zone: 'Europe/Paris',
      date: '2026-11-26',
      time: '08:30',
      network: 'linkedin',
      adjustment: 'exact',
    });
    await scheduled(dupont.id, '2026-11-26T07:30:00Z');
    expect(await t.call('calendar.nextSlot', { id: draft.id })).toMatchObject({ kind: 'slot', instant: at('2026-12-01T07:30:00Z') });
    // Its own time does not block it.
    await t.call('calendar.schedule', { id: draft.id, scheduledAt: at('2026-12-01T07:30:00Z'), zone: 'Europe/Paris' });
    expect(await t.call('calendar.nextSlot', { id: draft.id })).toMatchObject({ kind: 'slot', instant: at('2026-12-01T07:30:00Z') });
  });

  it('uses the partner’s own zone: 08:30 in Casablanca is 07:30 UTC in winter', async () => {
    const benali = await partner('Me Benali', 'Africa/Casablanca', { slots: [...tueThu] });
    const draft = await t.call('posts.create', { partnerId: benali.id, networks: ['linkedin'] });
    expect(await t.call('calendar.nextSlot', { id: draft.id })).toMatchObject({ kind: 'slot', instant: at('2026-11-26T07:30:00Z'), zone: 'Africa/Casablanca' });
  });

  it('says when there is no slot for the post’s networks, or none free', async () => {
    const dupont = await partner('Me Dupont', 'Europe/Paris', { slots: [...tueThu], quietDays: [2, 4] });
    const onX = await t.call('posts.create', { partnerId: dupont.id, networks: ['x'] });
    expect(await t.call('calendar.nextSlot', { id: onX.id })).toEqual({ kind: 'noSlots' });
    const onLinkedIn = await t.call('posts.create', { partnerId: dupont.id, networks: ['linkedin'] });
    expect(await t.call('calendar.nextSlot', { id: onLinkedIn.id })).toEqual({ kind: 'noneFree', horizonDays: 28 });
    const nobody = await partner('Me Martin', 'Europe/Paris');
    const other = await t.call('posts.create', { partnerId: nobody.id, networks: ['linkedin'] });
    expect(await t.call('calendar.nextSlot', { id: other.id })).toEqual({ kind: 'noSlots' });
  });
});
