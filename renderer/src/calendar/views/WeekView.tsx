import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekDays } from '../../../../shared/calendar/grid';
import { useDateFormat } from '../../ui/useDateFormat';
import { DropCell } from '../DropCell';
import { EntryChip } from '../EntryChip';
import { groupByHour } from '../grouping';
import { cellShown } from '../windowing';
import { DayHeader } from './DayHeader';
import { SlotMarkerButton } from './SlotMarkerButton';
import type { ViewProps } from './types';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Posts drawn in an hour cell before "+N" (an agency’s busy hour holds a dozen). */
const MAX_IN_CELL = 2;
const pad = (n: number) => String(n).padStart(2, '0');

/** A time grid: 7 days × 24 hours in the viewer's zone; working hours in view on open. */
export function WeekView(props: ViewProps) {
  const { t } = useTranslation();
  const { weekdayShort, longDate } = useDateFormat();
  const days = weekDays(props.anchor);
  const byHour = useMemo(() => groupByHour(props.entries, props.viewerZone), [props.entries, props.viewerZone]);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = scroller.current?.querySelector('[data-hour="7"]');
    if (first instanceof HTMLElement && scroller.current) scroller.current.scrollTop = first.offsetTop - 40;
  }, []);
  return (
    // The scroller takes focus so keyboard users can scroll it even in a week with nothing to focus.
    <div className="week-view" tabIndex={0} ref={scroller}>
      <div role="table" aria-label={t('calendarUi.views.week')}>
        <div className="week-row header" role="row">
          <div className="hour-label" role="cell" />
          {days.map((date) => (
            <div key={date} role="columnheader" className="week-day-head">
              <DayHeader date={date} label={`${weekdayShort(date)} ${Number(date.slice(8, 10))}`} isToday={date === props.today} warnings={props.dayWarnings.get(date)} />
            </div>
          ))}
        </div>
        {HOURS.map((hour) => (
          <div key={hour} className="week-row" role="row">
            <div className="hour-label" role="rowheader">
              {pad(hour)}:00
            </div>
            {days.map((date, column) => {
              const key = `${date}|${hour}`;
              const { shown, hidden } = cellShown(byHour.get(key) ?? [], opened.has(key), MAX_IN_CELL);
              const label = `${longDate(date)} ${pad(hour)}:00`;
              return (
                <DropCell
                  key={date}
                  target={{ date, hour, label, position: { column, row: hour } }}
                  className={`week-cell${date === props.today ? ' is-today' : ''}`}
                  testId="week-cell"
                  role="cell"
                  onEmptyClick={() => props.onCreate({ date, hour, label })}
                >
                  {(props.slotMarkers.get(`${date}|${hour}`) ?? []).map((marker) => (
                    <SlotMarkerButton key={`${marker.partnerId}|${marker.network}|${marker.instant}`} marker={marker} partner={props.partnerById.get(marker.partnerId)} viewerZone={props.viewerZone} onClick={props.onSlotClick} />
                  ))}
                  {shown.map((entry) => (
                    <EntryChip key={entry.id} entry={entry} partner={props.partnerById.get(entry.partnerId)} viewerZone={props.viewerZone} onOpen={props.onOpen} onNextSlot={props.onNextSlot} highlighted={entry.id === props.highlightId} />
                  ))}
                  {hidden > 0 ? (
                    <button type="button" className="more-in-cell" data-testid="more-in-cell" aria-label={t('calendarUi.moreInCell', { count: hidden, when: label })} onClick={() => setOpened((keys) => new Set(keys).add(key))}>
                      {t('calendarUi.moreShort', { count: hidden })}
                    </button>
                  ) : null}
                </DropCell>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
