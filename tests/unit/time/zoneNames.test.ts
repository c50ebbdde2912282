import { describe, expect, it } from 'vitest';
import { listTimeZones } from '../../../shared/partners/timeZones';
import { zoneCity, zoneTimeName } from '../../../shared/time/zoneNames';

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
});
