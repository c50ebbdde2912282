import { addDays, localDate } from './civil';
import type { LocalDate } from './civil';
import { easterSunday } from './easter';

/**
 * French public holidays (jours fériés, Code du travail art. L3133-1), with the two extra
 * days of Alsace-Moselle (art. L3134-13) behind a flag. Current law is applied to every
 * year. Overseas departments' own days (abolition of slavery) are not included.
 * Names are in `messages.ts` under `calendar.holidays.<id>`.
 */
export const frenchHolidayIds = [
  'newYearsDay',
  'goodFriday',
  'easterMonday',
  'labourDay',
  'victoryInEuropeDay',
  'ascensionDay',
  'whitMonday',
  'bastilleDay',
  'assumptionDay',
  'allSaintsDay',
  'armisticeDay',
  'christmasDay',
  'stStephensDay',
] as const;
export type FrenchHolidayId = (typeof frenchHolidayIds)[number];

export interface FrenchHoliday {
  id: FrenchHolidayId;
  date: LocalDate;
  /** True for the Alsace-Moselle days. */
  regional: boolean;
}

export interface FrenchHolidayOptions {
  /** Add Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle). */
  alsaceMoselle?: boolean;
}

/** The year's holidays, in date order. */
export function frenchPublicHolidays(year: number, options: FrenchHolidayOptions = {}): FrenchHoliday[] {
  const easter = easterSunday(year);
  const national = (id: FrenchHolidayId, date: LocalDate): FrenchHoliday => ({ id, date, regional: false });
  const regional = (id: FrenchHolidayId, date: LocalDate): FrenchHoliday => ({ id, date, regional: true });
  const holidays = [
    national('newYearsDay', localDate(year, 1, 1)),
    national('easterMonday', addDays(easter, 1)),
    national('labourDay', localDate(year, 5, 1)),
    national('victoryInEuropeDay', localDate(year, 5, 8)),
    national('ascensionDay', addDays(easter, 39)),
    national('whitMonday', addDays(easter, 50)),
    national('bastilleDay', localDate(year, 7, 14)),
    national('assumptionDay', localDate(year, 8, 15)),
    national('allSaintsDay', localDate(year, 11, 1)),
    national('armisticeDay', localDate(year, 11, 11)),
    national('christmasDay', localDate(year, 12, 25)),
  ];
  if (options.alsaceMoselle === true) {
    holidays.push(regional('goodFriday', addDays(easter, -2)), regional('stStephensDay', localDate(year, 12, 26)));
  }
  // Ascension can fall on 1 or 8 May (2008: 1 May): both stay listed, the sort keeps them adjacent.
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The holidays on a local date (two can coincide, e.g. Ascension on 1 May 2008). */
export function frenchHolidaysOn(date: LocalDate, options: FrenchHolidayOptions = {}): FrenchHoliday[] {
  return frenchPublicHolidays(Number(date.slice(0, 4)), options).filter((holiday) => holiday.date === date);
}

/**
 * Zones of France, metropolitan and overseas, whose partners keep French public holidays. A
 * partner has no country yet, only a zone: French holidays are for these zones alone, and a
 * partner elsewhere (Montréal, Casablanca, Tokyo) gets no holiday warning rather than France's.
 */
const FRENCH_ZONES: ReadonlySet<string> = new Set([
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'America/Miquelon',
  'America/St_Barthelemy',
  'America/Marigot',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Indian/Kerguelen',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Pacific/Marquesas',
  'Pacific/Gambier',
  'Pacific/Wallis',
]);

/** Whether a partner in `zone` keeps French public holidays (see FRENCH_ZONES). */
export function observesFrenchHolidays(zone: string): boolean {
  return FRENCH_ZONES.has(zone);
}
