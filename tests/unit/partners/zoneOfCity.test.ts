import { describe, expect, it } from 'vitest';
import { PartnerInput } from '../../../shared/partners/schema';
import { zoneOfCity } from '../../../shared/partners/timeZones';

describe('a time zone typed as a city', () => {
  it('names the zone of a city as people type it, French or English, accents and case aside', () => {
    expect(zoneOfCity('Paris')).toBe('Europe/Paris');
    expect(zoneOfCity('paris')).toBe('Europe/Paris');
    expect(zoneOfCity('Montréal')).toBe('America/Montreal');
    expect(zoneOfCity('montreal')).toBe('America/Montreal');
    expect(zoneOfCity('Londres')).toBe('Europe/London');
    expect(zoneOfCity('Le Caire')).toBe('Africa/Cairo');
    expect(zoneOfCity('New York')).toBe('America/New_York');
    expect(zoneOfCity('Kyiv')).toBe('Europe/Kyiv');
    expect(zoneOfCity('Atlantide')).toBeNull();
    expect(zoneOfCity('')).toBeNull();
  });

  it('is what a partner stores: « Paris » is Europe/Paris, an unknown place still refused', () => {
    const base = { displayName: 'Me Claire Dupont', role: '', organisation: '', locale: 'fr' as const };
    const paris = PartnerInput.safeParse({ ...base, timeZone: 'Paris' });
    expect(paris.success && paris.data.timeZone).toBe('Europe/Paris');
    expect(PartnerInput.safeParse({ ...base, timeZone: 'Atlantide' }).success).toBe(false);
  });
});
