import { useTranslation } from 'react-i18next';
import { weekDays } from '../../../../shared/calendar/grid';
import { localParts } from '../../../../shared/calendar/zonedTime';
import { useDateFormat } from '../../ui/useDateFormat';
import { DropCell } from '../DropCell';
import { EntryChip } from '../EntryChip';
import { WarningBadge } from '../WarningBadge';
import { zoneCity } from '../time';
import { DayHeader } from './DayHeader';
import type { ViewProps } from './types';

/** One row per partner, the week's days across: who posts what, at a glance. */
export function LanesView(props: ViewProps) {
  const { t } = useTranslation();
  const { weekdayShort, longDate } = useDateFormat();
  const days = weekDays(props.anchor);
  const byLane = new Map<string, typeof props.entries>();
  for (const entry of props.entries) {
    if (entry.scheduledAt === null) continue;
    const key = `${entry.partnerId}|${localParts(entry.scheduledAt, props.viewerZone).date}`;
    byLane.set(key, [...(byLane.get(key) ?? []), entry]);
  }
  return (
    <div className="lanes-view" role="table" aria-label={t('calendarUi.views.lanes')}>
      <div className="lane header" role="row">
        <div className="lane-name" role="cell" />
        {days.map((date) => (
          <div key={date} role="columnheader" className="lane-day-head">
            <DayHeader date={date} label={`${weekdayShort(date)} ${Number(date.slice(8, 10))}`} isToday={date === props.today} warnings={props.dayWarnings.get(date)} />
          </div>
        ))}
      </div>
      {props.partners.map((partner, row) => (
        <div key={partner.id} className="lane" role="row" data-testid="lane" data-partner={partner.id}>
          <div className="lane-name" role="rowheader" style={{ borderLeftColor: partner.color }}>
            <strong>{partner.displayName}</strong>
            <span className="muted small">{zoneCity(partner.timeZone)}</span>
            {props.partnerWarnings.get(partner.id) ? <WarningBadge count={props.partnerWarnings.get(partner.id) ?? 0} testId="lane-warnings" /> : null}
          </div>
          {days.map((date, column) => {
            const label = `${partner.displayName}, ${longDate(date)}`;
            return (
              <DropCell
                key={date}
                target={{ date, partnerId: partner.id, label, position: { column, row } }}
                className={`lane-cell${date === props.today ? ' is-today' : ''}`}
                testId="lane-cell"
                role="cell"
                onEmptyClick={() => props.onCreate({ date, partnerId: partner.id, label })}
              >
                {(byLane.get(`${partner.id}|${date}`) ?? []).map((entry) => (
                  <EntryChip key={entry.id} entry={entry} partner={partner} viewerZone={props.viewerZone} onOpen={props.onOpen} onNextSlot={props.onNextSlot} highlighted={entry.id === props.highlightId} />
                ))}
              </DropCell>
            );
          })}
        </div>
      ))}
    </div>
  );
}
