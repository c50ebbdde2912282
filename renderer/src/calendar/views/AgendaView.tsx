import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../shared/calendar/civil';
import { useDateFormat } from '../../ui/useDateFormat';
import { DropCell } from '../DropCell';
import { EntryChip } from '../EntryChip';
import { WarningBadge } from '../WarningBadge';
import { groupByDay } from '../grouping';
import type { ViewProps } from './types';

export const AGENDA_DAYS = 28;

/** A list, day by day, four weeks from the anchor; every day is a drop target. */
export function AgendaView(props: ViewProps) {
  const { t } = useTranslation();
  const { longDate } = useDateFormat();
  const byDay = groupByDay(props.entries, props.viewerZone);
  const days = Array.from({ length: AGENDA_DAYS }, (_, i) => addDays(props.anchor, i));
  return (
    <div className="agenda-view" role="region" aria-label={t('calendarUi.views.agenda')}>
      {props.entries.length === 0 ? <p className="empty">{t('calendarUi.empty')}</p> : null}
      {days.map((date, row) => {
        const entries = byDay.get(date) ?? [];
        const label = longDate(date);
        return (
          <DropCell key={date} target={{ date, label, position: { column: 0, row } }} className={`agenda-day${date === props.today ? ' is-today' : ''}${entries.length ? '' : ' empty-day'}`} testId="agenda-day" onEmptyClick={() => props.onCreate({ date, label })}>
            <h3 className="agenda-date">
              {label}
              {props.dayWarnings.get(date) ? <WarningBadge count={props.dayWarnings.get(date) ?? 0} testId="day-warnings" /> : null}
            </h3>
            {entries.map((entry) => (
              <EntryChip key={entry.id} entry={entry} partner={props.partnerById.get(entry.partnerId)} viewerZone={props.viewerZone} onOpen={props.onOpen} onNextSlot={props.onNextSlot} highlighted={entry.id === props.highlightId} />
            ))}
          </DropCell>
        );
      })}
    </div>
  );
}
