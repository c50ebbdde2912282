import { useTranslation } from 'react-i18next';
import { frenchHolidaysOn } from '../../../../shared/calendar/holidays';
import { WarningBadge } from '../WarningBadge';

/** The French public holiday of that date, if any (month, week, lanes and agenda alike). */
export function HolidayLabel({ date }: { date: string }) {
  const { t } = useTranslation();
  const holiday = frenchHolidaysOn(date)[0];
  if (!holiday) return null;
  const name = t(`calendar.holidays.${holiday.id}`);
  return (
    <span className="holiday" title={t('calendarUi.holiday', { name })} data-testid="holiday">
      {name}
    </span>
  );
}

/** Day number (or a longer label) with the French public holiday of that date and its editorial-line warnings, if any. */
export function DayHeader({ date, label, isToday, warnings = 0 }: { date: string; label: string; isToday: boolean; warnings?: number }) {
  return (
    <div className={isToday ? 'day-header today' : 'day-header'}>
      <span className="day-number" aria-current={isToday ? 'date' : undefined}>
        {label}
      </span>
      <HolidayLabel date={date} />
      {warnings > 0 ? <WarningBadge count={warnings} testId="day-warnings" /> : null}
    </div>
  );
}
