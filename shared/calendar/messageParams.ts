import { networkLabels } from '../posts/networks';
import type { LocalDate, LocalMonth } from './civil';
import type { FrenchHolidayId } from './holidays';
import type { SlotOccurrence } from './slots';
import type { CalendarWarning } from './warnings';
import { formatOffset } from './zonedTime';
import type { AmbiguousTime, GapTime } from './zonedTime';

/**
 * Calendar results → an i18n key of `messages.ts` and its interpolation values. Dates stay
 * 'YYYY-MM-DD' unless the UI passes its own locale-aware formatters.
 */

export type MessageValues = Record<string, string | number>;

export interface MessageDescriptor {
  key: string;
  values: MessageValues;
}

export interface MessageFormatters {
  formatDate?: (date: LocalDate) => string;
  formatMonth?: (month: LocalMonth) => string;
  /** i18next's `t`, for nested names (holidays); without it the holiday id is shown. */
  translate?: (key: string) => string;
}

export interface WarningMessageContext extends MessageFormatters {
  /** The partner's display name ("Me Dupont"). */
  partner: string;
}

export const holidayNameKey = (id: FrenchHolidayId): string => `calendar.holidays.${id}`;

const identity = (value: string): string => value;

export function warningMessage(warning: CalendarWarning, context: WarningMessageContext): MessageDescriptor {
  const date = context.formatDate ?? identity;
  const month = context.formatMonth ?? identity;
  const key = `calendar.warnings.${warning.kind}`;
  const partner = context.partner;
  switch (warning.kind) {
    case 'cadenceShortfall':
      // Plural on the minimum: "0 of 2 LinkedIn posts".
      return { key, values: { partner, network: networkLabels[warning.network], weekStart: date(warning.weekStart), actual: warning.count, count: warning.min } };
    case 'cadenceExcess':
      return { key, values: { partner, network: networkLabels[warning.network], weekStart: date(warning.weekStart), count: warning.count, max: warning.max } };
    case 'dailyLimitExceeded':
      return { key, values: { partner, date: date(warning.date), count: warning.count, max: warning.max } };
    case 'quietDay':
      return { key, values: { partner, date: date(warning.date), time: warning.time } };
    case 'quietHours':
      return { key, values: { partner, date: date(warning.date), time: warning.time, from: warning.from, to: warning.to } };
    case 'frenchHoliday': {
      const holiday = context.translate ? context.translate(holidayNameKey(warning.holiday)) : warning.holiday;
      return { key, values: { partner, date: date(warning.date), holiday } };
    }
    case 'blackoutDate':
      return { key, values: { partner, date: date(warning.date) } };
    case 'pillarOffTarget':
      return {
        key,
        values: {
          partner,
          month: month(warning.month),
          pillar: warning.pillar,
          actualPercent: warning.actualPercent,
          targetPercent: warning.targetPercent,
          count: warning.count,
          total: warning.total,
        },
      };
  }
}

/** The explanation and the two choices to show when a chosen wall time falls on a DST edge. */
export function dstMessages(
  resolution: GapTime | AmbiguousTime,
  zone: string,
  formatters: MessageFormatters = {},
): { explanation: MessageDescriptor; options: [MessageDescriptor, MessageDescriptor] } {
  const date = (formatters.formatDate ?? identity)(resolution.requested.date);
  const base = { date, time: resolution.requested.time, zone };
  if (resolution.kind === 'gap') {
    const values = { ...base, gapStart: resolution.gapStart, gapEnd: resolution.gapEnd, shiftedTime: resolution.shiftedTime, gapMinutes: resolution.gapMinutes };
    return {
      explanation: { key: 'calendar.dst.gap', values },
      options: [
        { key: 'calendar.dst.gapChooseAfter', values },
        { key: 'calendar.dst.gapChooseShifted', values },
      ],
    };
  }
  const values = { ...base, earlierOffset: formatOffset(resolution.earlier.offsetMinutes), laterOffset: formatOffset(resolution.later.offsetMinutes) };
  return {
    explanation: { key: 'calendar.dst.ambiguous', values },
    options: [
      { key: 'calendar.dst.ambiguousEarlier', values },
      { key: 'calendar.dst.ambiguousLater', values },
    ],
  };
}

/** Why a slot is not at its usual time that day, or null when it is. */
export function slotAdjustmentMessage(
  slot: Pick<SlotOccurrence, 'adjustment' | 'date' | 'time' | 'actualTime' | 'offsetMinutes'>,
  formatters: MessageFormatters = {}): MessageDescriptor | null {
  if (slot.adjustment === 'exact') return null;
  const values = { date: (formatters.formatDate ?? identity)(slot.date), time: slot.time, actualTime: slot.actualTime, offset: formatOffset(slot.offsetMinutes) };
  return { key: `calendar.slots.${slot.adjustment}`, values };
}
