import { useTranslation } from 'react-i18next';
import { frenchHolidaysOn } from '../../../../shared/calendar/holidays';
import { WarningBadge } from '../WarningBadge';

/** Day number (or a longer label) with the French public holiday of that date and its editorial-line warnings, if any. */
export function DayHeader({ date, label, isToday, warnings = 0 }: { date: string; label: string; isToday: boolean; warnings?: number }) {
  const { t } = useTranslation();
  const holiday = frenchHolidaysOn(date)[0];
  return (
    <div className={isToday ? 'day-header today' : 'day-header'}>
      <span className="day-number" aria-current={isToday ? 'date' : undefined}>
        {label}
      </span>
      {holiday ? (
        <span className="holiday" title={t('calendarUi.holiday', { name: t(`calendar.holidays.${holiday.id}`) })}>
          {t(`calendar.holidays.${holiday.id}`)}
        </span>
      ) : null}
      {warnings > 0 ? <WarningBadge count={warnings} testId="day-warnings" /> : null}
    </div>
  );
}
