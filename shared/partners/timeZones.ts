import { namedZones, zoneCity } from '../time/zoneNames';

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
 * Zones the tz database renamed, which ICU still lists (and resolves to) under the old name:
 * a user in Kolkata or Kyiv picks and sees their city's name of today.
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/**
 * The zone as the tz database spells it ("europe/paris" → "Europe/Paris"): stored and shown
 * that way, so the city reads right and two partners in one zone compare equal. A zone that is
 * another's alias is kept as written: ICU would resolve "America/Montreal" to "America/Toronto"
 * (« heure de Toronto » for a partner in Montréal) and "Asia/Kolkata" to the old "Asia/Calcutta".
 * Call on a valid zone only.
 */
export function canonicalTimeZone(zone: string): string {
  const typed = zone.trim();
  const resolved = new Intl.DateTimeFormat('en', { timeZone: typed }).resolvedOptions().timeZone;
  const spelled = resolved.toLowerCase() === typed.toLowerCase() ? resolved : (knownSpellings().get(typed.toLowerCase()) ?? typed);
  return RENAMED[spelled] ?? spelled;
}

let spellings: Map<string, string> | null = null;
/** Each zone name known here (the runtime's, today's names, the aliases zoneNames.ts names), by its lower case. */
function knownSpellings(): Map<string, string> {
  spellings ??= new Map([...Intl.supportedValuesOf('timeZone'), ...Object.values(RENAMED), ...namedZones()].map((name) => [name.toLowerCase(), name]));
  return spellings;
}

/** Every zone the runtime knows, renamed ones under their name of today, for the zone picker. */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone').map((zone) => RENAMED[zone] ?? zone);
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** A place name as typed, for comparing: no case, no accents, no punctuation between words. */
const placeKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let cities: Map<string, string | null> | null = null;
/**
 * The zone a city's name names, as people type it in French or English (« Paris », « Montréal »,
 * « Londres », « New York », « le caire »): the zone whose city reads so, when only one does.
 * Null for a name no zone has, or several have.
 */
export function zoneOfCity(typed: string): string | null {
  if (cities === null) {
    const found = new Map<string, string | null>();
    const add = (name: string, zone: string) => {
      const key = placeKey(name);
      if (key === '') return;
      const known = found.get(key);
      found.set(key, known === undefined || known === zone ? zone : null);
    };
    for (const zone of [...listTimeZones(), ...namedZones()]) {
      if (!zone.includes('/')) continue;
      add(zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' '), RENAMED[zone] ?? zone);
      add(zoneCity(zone, 'fr'), RENAMED[zone] ?? zone);
      add(zoneCity(zone, 'en'), RENAMED[zone] ?? zone);
    }
    cities = found;
  }
  return cities.get(placeKey(typed)) ?? null;
}
