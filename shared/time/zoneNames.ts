import type { Locale } from '../partners/schema';

/**
 * A zone named as people say it, in French or English: "Montréal", "Le Caire" / "Cairo",
 * never a raw IANA id. Cities whose name differs from the id's last segment (accents,
 * exonyms) are listed; any other zone reads as that segment with spaces ("Buenos Aires").
 */
const CITY: Record<string, { fr?: string; en?: string }> = {
  'America/Montreal': { fr: 'Montréal', en: 'Montreal' },
  'America/Toronto': { fr: 'Toronto' },
  'America/Mexico_City': { fr: 'Mexico', en: 'Mexico City' },
  'America/Sao_Paulo': { fr: 'São Paulo', en: 'São Paulo' },
  'America/Bogota': { fr: 'Bogotá', en: 'Bogotá' },
  'America/Asuncion': { fr: 'Asunción', en: 'Asunción' },
  'America/Havana': { fr: 'La Havane', en: 'Havana' },
  'America/St_Johns': { fr: 'Saint-Jean de Terre-Neuve', en: 'St. John’s' },
  'America/Port-au-Prince': { fr: 'Port-au-Prince', en: 'Port-au-Prince' },
  'America/Guadeloupe': { fr: 'Guadeloupe' },
  'America/Martinique': { fr: 'Martinique' },
  'America/Cayenne': { fr: 'Cayenne' },
  'America/Miquelon': { fr: 'Saint-Pierre-et-Miquelon', en: 'Saint Pierre and Miquelon' },
  'Atlantic/Azores': { fr: 'Açores', en: 'Azores' },
  'Atlantic/Canary': { fr: 'Canaries', en: 'Canary Islands' },
  'Atlantic/Cape_Verde': { fr: 'Cap-Vert', en: 'Cape Verde' },
  'Atlantic/Reykjavik': { fr: 'Reykjavik', en: 'Reykjavík' },
  'Europe/Andorra': { fr: 'Andorre' },
  'Europe/Athens': { fr: 'Athènes' },
  'Europe/Brussels': { fr: 'Bruxelles' },
  'Europe/Bucharest': { fr: 'Bucarest' },
  'Europe/Copenhagen': { fr: 'Copenhague' },
  'Europe/Kiev': { fr: 'Kiev', en: 'Kyiv' },
  'Europe/Kyiv': { fr: 'Kiev', en: 'Kyiv' },
  'Europe/Lisbon': { fr: 'Lisbonne' },
  'Europe/London': { fr: 'Londres' },
  'Europe/Malta': { fr: 'Malte' },
  'Europe/Moscow': { fr: 'Moscou' },
  'Europe/Prague': { fr: 'Prague' },
  'Europe/Tirane': { fr: 'Tirana', en: 'Tirana' },
  'Europe/Vienna': { fr: 'Vienne' },
  'Europe/Warsaw': { fr: 'Varsovie' },
  'Europe/Zurich': { fr: 'Zurich' },
  'Africa/Algiers': { fr: 'Alger' },
  'Africa/Cairo': { fr: 'Le Caire' },
  'Africa/Tripoli': { fr: 'Tripoli' },
  'Asia/Baghdad': { fr: 'Bagdad' },
  'Asia/Beirut': { fr: 'Beyrouth' },
  'Asia/Calcutta': { fr: 'Calcutta', en: 'Kolkata' },
  'Asia/Kolkata': { fr: 'Calcutta' },
  'Asia/Damascus': { fr: 'Damas' },
  'Asia/Dubai': { fr: 'Dubaï' },
  'Asia/Ho_Chi_Minh': { fr: 'Hô-Chi-Minh-Ville', en: 'Ho Chi Minh City' },
  'Asia/Jerusalem': { fr: 'Jérusalem' },
  'Asia/Kathmandu': { fr: 'Katmandou' },
  'Asia/Kuwait': { fr: 'Koweït' },
  'Asia/Riyadh': { fr: 'Riyad' },
  'Asia/Seoul': { fr: 'Séoul' },
  'Asia/Singapore': { fr: 'Singapour' },
  'Asia/Tehran': { fr: 'Téhéran' },
  'Indian/Mauritius': { fr: 'Maurice' },
  'Indian/Reunion': { fr: 'La Réunion', en: 'Réunion' },
  'Pacific/Noumea': { fr: 'Nouméa', en: 'Nouméa' },
  'Antarctica/DumontDUrville': { fr: 'Dumont d’Urville', en: 'Dumont d’Urville' },
};

/**
 * The tz database's fixed-offset zones: "Etc/GMT+5" is five hours *behind* UTC (POSIX signs),
 * so it reads "UTC−5"; "Etc/UTC", "UTC" and their like read "UTC".
 */
function fixedOffsetName(zone: string): string | null {
  if (/^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal|Greenwich)(?:[+-]0)?$/.test(zone)) return 'UTC';
  const offset = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  return offset ? `UTC${offset[1] === '+' ? '\u2212' : '+'}${String(Number(offset[2]))}` : null;
}

/** The city (or place) a zone is named after, in `locale`. */
/** Zones this file names, aliases among them (America/Montreal): known spellings for `canonicalTimeZone`. */
export const namedZones = (): string[] => Object.keys(CITY);

export function zoneCity(zone: string, locale: Locale): string {
  const fixed = fixedOffsetName(zone);
  if (fixed) return fixed;
  const named = CITY[zone]?.[locale];
  if (named) return named;
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
}

const ELIDES = /^[AEIOUYÀÂÉÈÊÎÔÛ]/i;

/** "heure de Montréal", "heure d’Alger", "heure du Caire"; "Montreal time". */
export function zoneTimeName(zone: string, locale: Locale): string {
  const city = zoneCity(zone, locale);
  if (locale === 'en') return `${city} time`;
  if (fixedOffsetName(zone)) return `heure ${city}`;
  if (city.startsWith('Le ')) return `heure du ${city.slice(3)}`;
  return ELIDES.test(city) ? `heure d’${city}` : `heure de ${city}`;
}

/**
 * Zones the tz database merged other cities into (America/Montreal is a link to America/Toronto),
 * named by their region. The browser gives the user's own zone already resolved, so a user in
 * Montréal is « in » America/Toronto: naming the city there would name another city.
 */
const MERGED_REGION: Record<string, { fr: string; en: string }> = {
  'America/Toronto': { fr: 'heure de l’Est', en: 'Eastern time' },
  'America/Iqaluit': { fr: 'heure de l’Est', en: 'Eastern time' },
  'America/Winnipeg': { fr: 'heure du Centre', en: 'Central time' },
  'America/Edmonton': { fr: 'heure des Rocheuses', en: 'Mountain time' },
  'America/Tijuana': { fr: 'heure du Pacifique', en: 'Pacific time' },
  'Europe/London': { fr: 'heure du Royaume-Uni', en: 'UK time' },
  'Europe/Kiev': { fr: 'heure de l’Ukraine', en: 'Ukraine time' },
  'Europe/Kyiv': { fr: 'heure de l’Ukraine', en: 'Ukraine time' },
  'Europe/Chisinau': { fr: 'heure de la Moldavie', en: 'Moldova time' },
  'Asia/Shanghai': { fr: 'heure de la Chine', en: 'China time' },
  'Australia/Hobart': { fr: 'heure de Tasmanie', en: 'Tasmania time' },
};

/**
 * The user's own zone, as the browser names it: the region's name (« heure de l’Est » /
 * "Eastern time") for a zone that stands for several cities, else its city's (« heure de Paris »).
 * A partner's zone is stored as chosen (America/Montreal stays Montréal): `zoneTimeName`.
 */
export function ownZoneTimeName(zone: string, locale: Locale): string {
  return MERGED_REGION[zone]?.[locale] ?? zoneTimeName(zone, locale);
}
