import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { addDays } from '../../../../shared/calendar/civil';
import { useDateFormat } from '../../ui/useDateFormat';
import { DropCell } from '../DropCell';
import { EntryChip } from '../EntryChip';
import { WarningBadge } from '../WarningBadge';
import { HolidayLabel } from './DayHeader';
import { useRevealHighlight } from './useRevealHighlight';
import { usePrintedWindow } from './usePrintedWindow';
import { groupByDay } from '../grouping';
import { agendaParts } from '../windowing';
import type { ViewProps } from './types';

export const AGENDA_DAYS = 28;
/** Days of the agenda asked for first, on their own: what its first screen shows. */
export const AGENDA_FIRST_DAYS = 7;
/** Posts per windowed part of a day; a chip is ~44 px, a heading ~28 px. */
const PART_SIZE = 8;
const CHIP_PX = 46;
const HEADING_PX = 30;

/**
 * A list, day by day, four weeks from the anchor; every day is a drop target. Four weeks of an
 * agency hold thousands of posts: only the parts of days near the scrolled-to place are drawn.
 */
// Memoised: the page renders again for what is not the grid (warnings asked, a notice, the search box).
export const AgendaView = memo(function AgendaView(props: ViewProps) {
  const { t } = useTranslation();
  const { longDate } = useDateFormat();
  const root = useRef<HTMLDivElement>(null);
  const parts = useMemo(() => {
    const byDay = groupByDay(props.entries, props.viewerZone);
    return agendaParts(Array.from({ length: AGENDA_DAYS }, (_, i) => addDays(props.anchor, i)), byDay, PART_SIZE);
  }, [props.entries, props.viewerZone, props.anchor]);
  // Plume does not use the React Compiler; the virtualizer re-renders this view as it scrolls.
  const virtualizer = useVirtualizer({
    count: parts.length,
    // The calendar's region scrolls (CalendarPage), not this list.
    getScrollElement: () => root.current?.closest('.calendar-view') ?? null,
    // A screenful is drawn in the first pass, before the region has been measured.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    estimateSize: (index) => (parts[index]?.part === 0 ? HEADING_PX : 8) + Math.max(1, parts[index]?.entries.length ?? 0) * CHIP_PX,
    getItemKey: (index) => parts[index]?.key ?? index,
    overscan: 3,
  });
  // A post picked in the search: the part of its day that holds it scrolled to (a busy day is screens long), then the post focused.
  const { highlightId } = props;
  const highlightPart = highlightId === null ? -1 : parts.findIndex((part) => part.entries.some((entry) => entry.id === highlightId));
  useRevealHighlight({ highlightId, anchor: props.anchor, index: highlightPart, virtualizer, root });
  const drawn = usePrintedWindow(virtualizer, parts.length);
  // The day at the top of the scrolled list, kept in view once its own heading has gone up (a busy day is screens long).
  // The list starts at the region's top (the line below takes no height), so its offsets are the region's.
  const offset = virtualizer.scrollOffset ?? 0;
  const topItem = offset > 0 ? virtualizer.getVirtualItems().find((item) => item.end > offset) : undefined;
  const topPart = topItem ? parts[topItem.index] : undefined;
  const currentDay = topItem && topPart && (topPart.part > 0 || offset > topItem.start + HEADING_PX / 2) ? topPart.date : null;
  return (
    <div className="agenda-view" role="region" aria-label={t('calendarUi.views.agenda')} ref={root}>
      {props.entries.length === 0 && !props.pendingFrom ? <p className="empty">{t('calendarUi.empty')}</p> : null}
      {/* A repeat of a heading a screen reader has already met in the list: shown, not read twice. */}
      <div className="agenda-current-day" aria-hidden="true">
        {currentDay ? (
          <span className="agenda-date" data-testid="agenda-current-day">
            {longDate(currentDay)}
          </span>
        ) : null}
      </div>
      <div className="window" style={{ height: virtualizer.getTotalSize() }}>
        {drawn.map((item) => {
          const part = parts[item.index];
          if (!part) return null;
          const { date, entries } = part;
          const label = longDate(date);
          const pending = props.pendingFrom != null && date >= props.pendingFrom && entries.length === 0;
          const dayEntries = part.part === 0 && entries.length === 0 && !pending;
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="window-item" style={{ transform: `translateY(${item.start}px)` }}>
              <DropCell
                target={{ date, label, part: part.part, position: { column: 0, row: part.dayIndex, rowDays: 1 } }}
                className={`agenda-day${date === props.today ? ' is-today' : ''}${dayEntries ? ' empty-day' : ''}${part.part > 0 ? ' continued' : ''}`}
                testId="agenda-day"
                onEmptyClick={() => props.onCreate({ date, label })}
              >
                {part.part === 0 ? (
                  <h3 className="agenda-date">
                    {label}
                    <HolidayLabel date={date} />
                    {props.dayWarnings.get(date) ? <WarningBadge count={props.dayWarnings.get(date) ?? 0} testId="day-warnings" /> : null}
                  </h3>
                ) : null}
                {pending ? (
                  <p className="muted small" data-testid="agenda-day-loading" aria-busy="true">
                    {t('calendarUi.loadingDay')}
                  </p>
                ) : null}
                {entries.map((entry) => (
                  <EntryChip key={entry.id} entry={entry} partner={props.partnerById.get(entry.partnerId)} viewerZone={props.viewerZone} onOpen={props.onOpen} onNextSlot={props.onNextSlot} highlighted={entry.id === props.highlightId} />
                ))}
              </DropCell>
            </div>
          );
        })}
      </div>
    </div>
  );
});
