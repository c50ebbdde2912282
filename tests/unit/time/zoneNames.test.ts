import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, listTimeZones } from '../../../shared/partners/timeZones';
import { zoneCity, zoneTimeName } from '../../../shared/time/zoneNames';
import { PartnerInput } from '../../../shared/partners/schema';

describe('zone names', () => {
  it('name Montreal’s zone one way per language, with its accent in French', () => {
    expect(zoneTimeName('America/Montreal', 'fr')).toBe('heure de Montréal');
    expect(zoneTimeName('America/Montreal', 'en')).toBe('Montreal time');
  });

  it('elide and contract French as it is written: heure d’Alger, heure du Caire', () => {
    expect(zoneTimeName('Africa/Algiers', 'fr')).toBe('heure d’Alger');
    expect(zoneTimeName('Europe/Amsterdam', 'fr')).toBe('heure d’Amsterdam');
    expect(zoneTimeName('Africa/Cairo', 'fr')).toBe('heure du Caire');
    expect(zoneTimeName('Africa/Cairo', 'en')).toBe('Cairo time');
    expect(zoneTimeName('Africa/Casablanca', 'fr')).toBe('heure de Casablanca');
  });

  it('never give an IANA id for any zone Plume offers', () => {
    for (const zone of listTimeZones()) {
      for (const locale of ['fr', 'en'] as const) {
        const city = zoneCity(zone, locale);
        expect(city, zone).not.toMatch(/[/_]/);
        expect(city.length, zone).toBeGreaterThan(0);
      }
    }
  });

  it('read the fixed-offset zones with UTC and the sign people expect (Etc/GMT+5 is five hours behind)', () => {
    expect(zoneCity('Etc/GMT+5', 'fr')).toBe('UTC\u22125');
    expect(zoneCity('Etc/GMT-3', 'en')).toBe('UTC+3');
    expect(zoneTimeName('Etc/GMT+5', 'fr')).toBe('heure UTC\u22125');
    expect(zoneTimeName('Etc/UTC', 'fr')).toBe('heure UTC');
    expect(zoneTimeName('UTC', 'en')).toBe('UTC time');
  });
});

describe('a partner’s time zone as typed', () => {
  it('is stored as the tz database spells it, spaces trimmed, so the city reads right', () => {
    expect(PartnerInput.shape.timeZone.parse('europe/paris')).toBe('Europe/Paris');
    expect(PartnerInput.shape.timeZone.parse(' Europe/Paris ')).toBe('Europe/Paris');
    expect(PartnerInput.shape.timeZone.parse('america/MONTREAL')).toBe('America/Montreal');
    expect(PartnerInput.shape.timeZone.safeParse('Europe/Atlantis').success).toBe(false);
  });

  it('keeps a zone that is another’s alias as written: Montréal is not « heure de Toronto »', () => {
    expect(PartnerInput.shape.timeZone.parse('America/Montreal')).toBe('America/Montreal');
    expect(PartnerInput.shape.timeZone.parse('US/Eastern')).toBe('US/Eastern');
  });

  it('uses the names of today for renamed cities, typed either way, and offers them so in the zone picker', () => {
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('europe/kiev')).toBe('Europe/Kyiv');
    const zones = listTimeZones();
    expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Europe/Paris', 'UTC']));
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).not.toContain('Europe/Kiev');
  });
});
