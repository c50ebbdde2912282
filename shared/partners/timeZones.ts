/**
 * IANA zone validation with the runtime's own tz data (ICU), so the list is never stale
 * in our code. `Intl.supportedValuesOf` omits some valid aliases (e.g. "UTC"), hence the
 * DateTimeFormat probe as the source of truth.
 */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone as the tz database spells it ("europe/paris" → "Europe/Paris"): stored and shown
 * that way, so the city reads right and two partners in one zone compare equal. Call on a
 * valid zone only.
 */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}
