import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { monthGrid } from '../../../../shared/calendar/grid';
import { routeHash } from '../../app/useRoute';
import { useDateFormat } from '../../ui/useDateFormat';
import { DropCell } from '../DropCell';
import { EntryChip } from '../EntryChip';
import { groupByDay } from '../grouping';
import { DayHeader } from './DayHeader';
import type { ViewProps } from './types';

/** Chips drawn per day; the others are counted ("+N autres", a button to the day in the agenda). Core sends no more than these. */
export const MONTH_CHIPS_PER_DAY = 4;
const MAX_VISIBLE = MONTH_CHIPS_PER_DAY;

// Memoised: the page renders again for what is not the grid (warnings asked, a notice, the search box).
export const MonthView = memo(function MonthView(props: ViewProps) {
  const { t } = useTranslation();
  const { weekdayShort, longDate } = useDateFormat();
  const grid = monthGrid(props.anchor.slice(0, 7), { today: props.today });
  const byDay = useMemo(() => groupByDay(props.entries, props.viewerZone), [props.entries, props.viewerZone]);
  return (
    <div className="month-view" role="table" aria-label={t('calendarUi.views.month')}>
      <div className="month-weekdays" role="row">
        {grid.weeks[0]?.days.map((day) => (
          <div key={day.date} role="columnheader" className="weekday-name">
            {weekdayShort(day.date)}
          </div>
        ))}
      </div>
      {grid.weeks.map((week, row) => (
        // Rows and cells by place: the next month updates them rather than drawing 42 new drop targets.
        <div key={row} className="month-week" role="row">
          {week.days.map((day, column) => {
            const entries = byDay.get(day.date) ?? [];
            const hidden = (props.dayCounts.get(day.date) ?? entries.length) - Math.min(entries.length, MAX_VISIBLE);
            const label = longDate(day.date);
            return (
              <DropCell
                key={column}
                target={{ date: day.date, label, position: { column, row, rowDays: 7 } }}
                className={`month-cell${day.inMonth ? '' : ' outside'}${day.isToday ? ' is-today' : ''}${day.isWeekend ? ' weekend' : ''}`}
                testId="month-cell"
                role="cell"
                onEmptyClick={() => props.onCreate({ date: day.date, label })}
              >
                <DayHeader date={day.date} label={String(day.dayOfMonth)} isToday={day.isToday} warnings={props.dayWarnings.get(day.date)} />
                {entries.slice(0, MAX_VISIBLE).map((entry) => (
                  <EntryChip
                    key={entry.id}
                    entry={entry}
                    partner={props.partnerById.get(entry.partnerId)}
                    viewerZone={props.viewerZone}
                    onOpen={props.onOpen}
                    onNextSlot={props.onNextSlot}
                    highlighted={entry.id === props.highlightId}
                  />
                ))}
                {hidden > 0 ? (
                  // The day's other posts are not in the month's answer: the agenda opens on that day, all of them listed.
                  <button
                    type="button"
                    className="more-in-cell"
                    data-testid="month-more"
                    aria-label={t('calendarUi.moreInCell', { count: hidden, when: label })}
                    onClick={() => {
                      window.location.hash = routeHash({ page: 'calendar', view: 'agenda', date: day.date });
                    }}
                  >
                    {t('calendarUi.moreShort', { count: hidden })}
                  </button>
                ) : null}
                <button type="button" className="add-here" aria-label={t('calendarUi.newHere', { date: label })} onClick={() => props.onCreate({ date: day.date, label })}>
                  +
                </button>
              </DropCell>
            );
          })}
        </div>
      ))}
    </div>
  );
});
