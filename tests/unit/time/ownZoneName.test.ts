import { describe, expect, it } from 'vitest';
import { ownZoneTimeName } from '../../../shared/time/zoneNames';

/**
 * The user's own zone comes from the browser, which resolves a tz link to the zone it points to:
 * a user in Montréal gets America/Toronto. The label never names a city the user may not be in.
 */
describe('the name of the user’s own zone', () => {
  it('is the region’s for a zone that absorbed other cities: a Montréal user is never told « heure de Toronto »', () => {
    expect(ownZoneTimeName('America/Toronto', 'fr')).toBe('heure de l’Est');
    expect(ownZoneTimeName('America/Toronto', 'en')).toBe('Eastern time');
    expect(ownZoneTimeName('Asia/Shanghai', 'fr')).toBe('heure de la Chine');
    expect(ownZoneTimeName('Europe/London', 'en')).toBe('UK time');
  });

  it('is the city’s for a zone that names only its own city', () => {
    expect(ownZoneTimeName('Europe/Paris', 'fr')).toBe('heure de Paris');
    expect(ownZoneTimeName('America/Montreal', 'fr')).toBe('heure de Montréal');
    expect(ownZoneTimeName('Africa/Casablanca', 'en')).toBe('Casablanca time');
  });
});
