import { describe, expect, it } from 'vitest';
import { PartnerInput } from '../../../shared/partners/schema';
import { canonicalTimeZone, listTimeZones } from '../../../shared/partners/timeZones';

const storedZone = (timeZone: string) => PartnerInput.parse({ displayName: 'Me Julien Tremblay', timeZone, locale: 'fr' }).timeZone;

describe('a partner’s time zone as stored', () => {
  it('is spelled as the tz database spells it, whatever the case and spaces typed', () => {
    expect(storedZone(' europe/paris ')).toBe('Europe/Paris');
    expect(storedZone('AMERICA/NEW_YORK')).toBe('America/New_York');
  });

  it('keeps a zone that is another’s alias as written: Montréal is not « heure de Toronto »', () => {
    expect(storedZone('America/Montreal')).toBe('America/Montreal');
    expect(storedZone('US/Eastern')).toBe('US/Eastern');
  });

  it('uses the names of today for renamed cities, typed either way', () => {
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('europe/kiev')).toBe('Europe/Kyiv');
  });

  it('offers the renamed cities under their name of today in the zone picker', () => {
    const zones = listTimeZones();
    expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Europe/Paris', 'UTC']));
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).not.toContain('Europe/Kiev');
  });
});
