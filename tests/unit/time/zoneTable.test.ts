import { tzOffset } from '@date-fns/tz';
import { afterEach, describe, expect, it } from 'vitest';
import { ZoneTable, offsetInTable } from '../../../shared/time/zoneTable';
import { registerZoneTables, setZoneTableSource, zoneOffset, zoneTable } from '../../../shared/time/zoneData';
import { formatInZone } from '../../../shared/time/wallClock';
import { localParts, resolveLocalTime } from '../../../shared/calendar/zonedTime';
import { localClock } from '../../../shared/reports/localClock';
import { reportFormat } from '../../../shared/reports/format';
import { formatInstant } from '../../../electron/core/signoff/email/formatInstant';
import { installNodeZoneData, nodeZoneTable } from '../../../electron/core/time/nodeZoneTables';
import { enGB } from 'date-fns/locale';

const HOUR = 3_600_000;
const MINUTE = 60_000;

// Zones with every kind of rule: EU and US DST, southern hemisphere, half-hour and 45-minute
// offsets, a half-hour DST change, Ramadan suspensions, zones that dropped DST, none at all.
const zones = [
  'Europe/Paris', 'Europe/London', 'Europe/Dublin', 'Europe/Moscow', 'Europe/Istanbul', 'Europe/Kyiv',
  'America/New_York', 'America/Toronto', 'America/Montreal', 'America/Sao_Paulo', 'America/Santiago', 'America/Havana',
  'America/Mexico_City', 'America/St_Johns', 'Africa/Casablanca', 'Africa/Cairo', 'Africa/El_Aaiun', 'Asia/Gaza',
  'Asia/Beirut', 'Asia/Tehran', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Australia/Sydney',
  'Pacific/Auckland', 'Pacific/Chatham', 'Asia/Tokyo', 'UTC',
];

describe('zone tables built from Node’s tz data', () => {
  for (const zone of zones) {
    it(`give Node’s offset in ${zone} every 7 hours of 2025–2030 and either side of each change`, () => {
      const table = nodeZoneTable(zone);
      for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2031, 0, 1); at += 7 * HOUR) {
        expect(offsetInTable(table, at), new Date(at).toISOString()).toBe(tzOffset(zone, new Date(at)));
      }
      for (const at of table.transitions) {
        expect(offsetInTable(table, at - 1)).toBe(tzOffset(zone, new Date(at - 1)));
        expect(offsetInTable(table, at)).toBe(tzOffset(zone, new Date(at)));
      }
    });
  }

  it('come through the contract’s schema unchanged (what the UI receives)', () => {
    const table = nodeZoneTable('Africa/Casablanca');
    expect(ZoneTable.parse(JSON.parse(JSON.stringify(table)))).toEqual(table);
  });

  it('keep Casablanca at UTC+1 outside Ramadan and UTC+0 during it', () => {
    const table = nodeZoneTable('Africa/Casablanca');
    expect(offsetInTable(table, Date.parse('2027-01-20T10:00:00Z'))).toBe(60);
    expect(offsetInTable(table, Date.parse('2027-02-20T10:00:00Z'))).toBe(0);
    expect(offsetInTable(table, Date.parse('2027-03-20T10:00:00Z'))).toBe(60);
  });
});

/**
 * The UI's situation: tables served by core, and a runtime whose own Intl says Casablanca is
 * UTC+0 all year (Debian's Chromium). Plume's times must not move.
 */
describe('times in a zone when the runtime’s own zone data disagrees', () => {
  const Original = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = Original;
    installNodeZoneData();
  });

  function runtimeDisagrees(): void {
    const served = ZoneTable.parse(JSON.parse(JSON.stringify(nodeZoneTable('Africa/Casablanca'))));
    registerZoneTables([served, nodeZoneTable('Europe/Paris')]);
    setZoneTableSource(null);
    const patched = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return new Original(locales, options?.timeZone === 'Africa/Casablanca' ? { ...options, timeZone: 'UTC' } : options);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = patched;
    // The runtime really does disagree now.
    const runtimeSays = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', hour: '2-digit', minute: '2-digit' });
    expect(runtimeSays.format(Date.parse('2027-01-20T10:00:00Z'))).toBe('10:00');
  }

  const at = Date.parse('2027-01-20T10:00:00Z'); // 11:00 in Paris

  it('read 11:00 in Casablanca for an 11:00 Paris post on 2027-01-20: calendar, e-mail and report alike', () => {
    runtimeDisagrees();
    expect(localParts(at, 'Europe/Paris').time).toBe('11:00');
    expect(localParts(at, 'Africa/Casablanca')).toEqual({ date: '2027-01-20', time: '11:00', weekday: 3, offsetMinutes: 60 });
    expect(formatInstant(at, 'Africa/Casablanca', 'fr')).toBe('mercredi 20 janvier 2027 à 11:00 (heure de Casablanca, UTC+01:00)');
    expect(formatInstant(at, 'Africa/Casablanca', 'en')).toBe('Wednesday 20 January 2027 at 11:00 (Casablanca time, UTC+01:00)');
    expect(reportFormat('fr', 'Africa/Casablanca').dayTime(at)).toBe('mer. 20 janv., 11:00');
    expect(localClock(at, 'Africa/Casablanca').time).toBe('11:00');
    expect(formatInZone(at, 'Africa/Casablanca', 'p', enGB)).toBe('11:00');
  });

  it('find Casablanca’s Ramadan changes from the served table: 03:00 → 02:00 repeats, 02:00 → 03:00 skips', () => {
    runtimeDisagrees();
    const table = zoneTable('Africa/Casablanca');
    const [intoRamadan, outOfRamadan] = table.transitions.filter((t) => t >= Date.UTC(2027, 0, 1) && t < Date.UTC(2028, 0, 1));
    if (intoRamadan === undefined || outOfRamadan === undefined) throw new Error('no Ramadan changes in 2027');
    const repeated = localParts(intoRamadan - MINUTE, 'Africa/Casablanca');
    const resolution = resolveLocalTime({ date: repeated.date, time: repeated.time }, 'Africa/Casablanca');
    expect(resolution.kind).toBe('ambiguous');
    const before = localParts(outOfRamadan - MINUTE, 'Africa/Casablanca');
    const skipped = { date: before.date, time: `${String(Number(before.time.slice(0, 2)) + 1).padStart(2, '0')}:30` };
    expect(resolveLocalTime(skipped, 'Africa/Casablanca').kind).toBe('gap');
  });

  it('resolve Paris’s DST gap and overlap from the served table', () => {
    runtimeDisagrees();
    const gap = resolveLocalTime({ date: '2026-03-29', time: '02:30' }, 'Europe/Paris');
    expect(gap).toMatchObject({ kind: 'gap', gapStart: '02:00', gapEnd: '03:00', instantAfter: Date.parse('2026-03-29T01:00:00Z') });
    const overlap = resolveLocalTime({ date: '2026-10-25', time: '02:30' }, 'Europe/Paris');
    expect(overlap).toMatchObject({ kind: 'ambiguous', earlier: { offsetMinutes: 120 }, later: { offsetMinutes: 60 } });
  });

  it('refuse a zone core has not served rather than ask the runtime', () => {
    runtimeDisagrees();
    expect(() => zoneOffset('Asia/Tokyo', at)).toThrow(/No time-zone data for Asia\/Tokyo/);
  });
});
