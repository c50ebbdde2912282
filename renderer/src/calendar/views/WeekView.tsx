import { memo, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { weekDays } from '../../../../shared/calendar/grid';
import { localParts } from '../../../../shared/calendar/zonedTime';
import { useDateFormat } from '../../ui/useDateFormat';
import { DropCell } from '../DropCell';
import { EntryChip } from '../EntryChip';
import { groupByHour } from '../grouping';
import { cellShown, lastRowToFill, rowsInView } from '../windowing';
import { DayHeader } from './DayHeader';
import { SlotMarkerButton } from './SlotMarkerButton';
import type { ViewProps } from './types';
import type { CalendarEntry } from '../../../../shared/calendar/entries';
import type { Partner } from '../../../../shared/partners/schema';
import type { DropTarget } from '../DropCell';
import type { SlotMarker } from '../slotMarkers';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Posts drawn in an hour cell before "+N" (an agency’s busy hour holds a dozen). */
const MAX_IN_CELL = 2;
/** The hour in view when the week opens: the working day. */
const FIRST_WORKING_HOUR = 7;
/** An empty hour's height, and a chip's, a slot's and a "+N"'s until one was measured (px, with gaps). */
const EMPTY_ROW_PX = 45;
const CHIP_PX = 40;
const SLOT_PX = 20;
const MORE_PX = 20;
const pad = (n: number) => String(n).padStart(2, '0');
const NONE: readonly CalendarEntry[] = [];
const NO_MARKERS: readonly SlotMarker[] = [];

interface RowRange {
  from: number;
  to: number;
}

/** What the week's last layout showed: the rows drawn for `anchor`, the top row, the heights it measured. */
interface Measured {
  anchor: string | null;
  drawn: RowRange | null;
  top: number;
  viewport: number;
  chipPx: number;
}

/**
 * A time grid: 7 days × 24 hours in the viewer's zone; working hours in view on open.
 *
 * A busy week holds hundreds of posts: the hours on screen are drawn first, the others (every
 * hour cell is there from the start, as a drop target) get their posts right after the first
 * paint, in a transition the browser can interrupt. Scrolling before then draws what comes into
 * view at once.
 */
// Memoised: the page renders again for what is not the grid (warnings asked, a notice, the search box).
export const WeekView = memo(function WeekView(props: ViewProps) {
  const { t } = useTranslation();
  const { weekdayShort, longDate } = useDateFormat();
  const { anchor, entries, viewerZone, highlightId } = props;
  const days = useMemo(() => weekDays(anchor), [anchor]);
  // Each day's long name once per render, not once per hour cell (168 date formats).
  const dayNames = days.map((date) => longDate(date));
  const byHour = useMemo(() => groupByHour(entries, viewerZone), [entries, viewerZone]);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const openCell = useCallback((key: string) => setOpened((keys) => new Set(keys).add(key)), []);
  const scroller = useRef<HTMLDivElement>(null);

  // Which week is drawn in full; before that, which of its rows are, and what the last layout showed.
  const [fullWeek, setFullWeek] = useState<string | null>(null);
  const [measured, setMeasured] = useState<Measured>(() => ({ anchor: null, drawn: null, top: FIRST_WORKING_HOUR, viewport: window.innerHeight, chipPx: CHIP_PX }));
  const highlighted = highlightId === null ? undefined : entries.find((entry) => entry.id === highlightId && entry.scheduledAt !== null);
  const highlightParts = highlighted?.scheduledAt == null ? null : localParts(highlighted.scheduledAt, viewerZone);
  const highlightHour = highlightParts === null ? null : Number(highlightParts.time.slice(0, 2));
  // A post picked in the search is shown even behind its hour's "+N autres": that hour opens.
  const highlightCell = highlightParts === null ? null : `${highlightParts.date}|${highlightHour ?? 0}`;
  // The first hour fully in view, and the week's posts above it (the week opens at the working day).
  const [topHour, setTopHour] = useState(FIRST_WORKING_HOUR);
  const early = useMemo(() => {
    let count = 0;
    let firstHour: number | null = null;
    for (const date of days) {
      for (let hour = 0; hour < topHour; hour++) {
        const n = byHour.get(`${date}|${hour}`)?.length ?? 0;
        count += n;
        if (n > 0 && (firstHour === null || hour < firstHour)) firstHour = hour;
      }
    }
    return { count, firstHour };
  }, [days, byHour, topHour]);
  const full = fullWeek === anchor;

  // A week not drawn before starts from the hour in view, down as far as its own posts fill the screen.
  const { slotMarkers } = props;
  const firstGuess = useCallback(
    (top: number, viewport: number, chipPx: number): RowRange => {
      const heights = HOURS.map((hour) =>
        Math.max(
          EMPTY_ROW_PX,
          ...days.map((date) => {
            const count = byHour.get(`${date}|${hour}`)?.length ?? 0;
            const slots = slotMarkers.get(`${date}|${hour}`)?.length ?? 0;
            return 6 + Math.min(count, MAX_IN_CELL) * chipPx + slots * SLOT_PX + (count > MAX_IN_CELL ? MORE_PX : 0);
          }),
        ),
      );
      return { from: top, to: lastRowToFill(top, heights, viewport) };
    },
    [days, byHour, slotMarkers],
  );
  const drawnFirst = measured.anchor === anchor && measured.drawn ? measured.drawn : firstGuess(measured.top, measured.viewport, measured.chipPx);
  const drawn = (hour: number) => full || (hour >= drawnFirst.from && hour <= drawnFirst.to) || hour === highlightHour;

  /** Draws the visible rows not drawn yet (before the paint when called from a layout effect). */
  const drawInView = useCallback(() => {
    const root = scroller.current;
    if (!root) return;
    const rows = Array.from(root.querySelectorAll<HTMLElement>('[data-week-hour]'), (row) => ({ top: row.offsetTop, height: row.offsetHeight }));
    const header = root.querySelector<HTMLElement>('.week-row.header')?.offsetHeight ?? 0;
    const inView = rowsInView(rows, root.scrollTop + header, root.scrollTop + root.clientHeight);
    if (!inView) return;
    const chip = root.querySelector<HTMLElement>('.entry-chip');
    const chipPx = chip && chip.offsetHeight > 0 ? chip.offsetHeight + 2 : null;
    const viewport = root.clientHeight - header;
    if (entries.length === 0) {
      // Nothing to draw yet (an empty week, or its posts still on their way): keep where the
      // screen is, and choose the rows once the posts are here.
      setMeasured((current) => (current.top === inView.from && current.viewport === viewport && current.anchor === null ? current : { ...current, anchor: null, drawn: null, top: inView.from, viewport }));
      return;
    }
    setMeasured((current) => {
      const used = current.anchor === anchor && current.drawn ? current.drawn : firstGuess(current.top, current.viewport, current.chipPx);
      if (current.anchor === anchor && inView.from >= used.from && inView.to <= used.to) return current;
      return {
        anchor,
        drawn: { from: Math.min(used.from, inView.from), to: Math.max(used.to, inView.to) },
        top: inView.from,
        viewport,
        chipPx: chipPx ?? current.chipPx,
      };
    });
  }, [anchor, entries.length, firstGuess]);

  /** Notes the first hour fully in view (what "N publications avant HH:00" counts from). */
  const noteTopHour = useCallback(() => {
    const root = scroller.current;
    if (!root) return;
    const header = root.querySelector<HTMLElement>('.week-row.header')?.offsetHeight ?? 0;
    const rows = Array.from(root.querySelectorAll<HTMLElement>('[data-week-hour]'));
    const first = rows.find((row) => row.offsetTop >= root.scrollTop + header - 1);
    setTopHour(first ? Number(first.dataset.weekHour) : 0);
  }, []);
  const onScroll = useCallback(() => {
    noteTopHour();
    if (!full) drawInView();
  }, [full, noteTopHour, drawInView]);
  const showEarly = () => {
    const root = scroller.current;
    if (!root || early.firstHour === null) return;
    const row = root.querySelector<HTMLElement>(`[data-week-hour="${early.firstHour}"]`);
    const header = root.querySelector<HTMLElement>('.week-row.header')?.offsetHeight ?? 0;
    if (row) root.scrollTop = row.offsetTop - header;
    noteTopHour();
  };

  // The working day in view on open, before the first paint.
  useLayoutEffect(() => {
    const first = scroller.current?.querySelector(`[data-week-hour="${FIRST_WORKING_HOUR}"]`);
    if (first instanceof HTMLElement && scroller.current) scroller.current.scrollTop = first.offsetTop - 40;
  }, []);

  // Measured once laid out, drawn before the paint: the documented use of a layout effect.
  useLayoutEffect(() => {
    if (!full) drawInView();
  }, [full, drawInView, entries]);

  // A post picked in the search: its hour scrolled into view, then the post itself, focused.
  useLayoutEffect(() => {
    if (highlightHour === null) return;
    scroller.current?.querySelector(`[data-week-hour="${highlightHour}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [highlightHour, anchor]);
  const highlightShown = highlighted !== undefined;
  useEffect(() => {
    if (!highlightShown || highlightId === null) return;
    const handle = scroller.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(highlightId)}"] .entry-handle`);
    if (!handle) return;
    handle.focus({ preventScroll: true });
    handle.scrollIntoView({ block: 'center' });
  }, [highlightShown, highlightId, anchor]);

  // The rest of the week once the first screen is painted (nothing to wait for in an empty week).
  const hasEntries = entries.length > 0;
  useEffect(() => {
    if (full || !hasEntries) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setFullWeek(anchor)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [anchor, full, hasEntries]);

  return (
    // The scroller takes focus so keyboard users can scroll it even in a week with nothing to focus.
    <div className="week-view" tabIndex={0} ref={scroller} onScroll={onScroll}>
      <div role="table" aria-label={t('calendarUi.views.week')} aria-busy={!full && hasEntries}>
        <div className="week-row header" role="row">
          <div className="hour-label" role="cell" />
          {days.map((date) => (
            <div key={date} role="columnheader" className="week-day-head">
              <DayHeader date={date} label={`${weekdayShort(date)} ${Number(date.slice(8, 10))}`} isToday={date === props.today} warnings={props.dayWarnings.get(date)} />
            </div>
          ))}
          {early.count > 0 ? (
            <div role="cell" className="week-early">
              <button type="button" className="more-in-cell" data-testid="week-early" onClick={showEarly}>
                {t('calendarUi.earlier', { count: early.count, time: `${pad(topHour)}:00` })}
              </button>
            </div>
          ) : null}
        </div>
        {HOURS.map((hour) => {
          const rowDrawn = drawn(hour);
          return (
            <div key={hour} className="week-row" role="row" data-week-hour={hour}>
              <div className="hour-label" role="rowheader">
                {pad(hour)}:00
              </div>
              {days.map((date, column) => {
                const key = `${date}|${hour}`;
                return (
                  <WeekCell
                    // By column: the next week updates these cells rather than drawing 168 new ones.
                    key={column}
                    date={date}
                    hour={hour}
                    column={column}
                    label={`${dayNames[column] ?? date} ${pad(hour)}:00`}
                    isToday={date === props.today}
                    drawn={rowDrawn}
                    entries={byHour.get(key) ?? NONE}
                    markers={props.slotMarkers.get(key) ?? NO_MARKERS}
                    opened={opened.has(key) || key === highlightCell}
                    onOpenCell={openCell}
                    highlightId={highlightId}
                    partnerById={props.partnerById}
                    viewerZone={viewerZone}
                    onOpen={props.onOpen}
                    onNextSlot={props.onNextSlot}
                    onCreate={props.onCreate}
                    onSlotClick={props.onSlotClick}
                    t={t}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
});

interface WeekCellProps {
  date: string;
  hour: number;
  column: number;
  label: string;
  isToday: boolean;
  /** False while the hour waits to be drawn (off screen, first paint): the cell is there, empty. */
  drawn: boolean;
  entries: readonly CalendarEntry[];
  markers: readonly SlotMarker[];
  opened: boolean;
  onOpenCell: (key: string) => void;
  highlightId: string | null;
  partnerById: ReadonlyMap<string, Partner>;
  viewerZone: string;
  onOpen: (entry: CalendarEntry) => void;
  onNextSlot: (entry: CalendarEntry) => void;
  onCreate: (target: DropTarget) => void;
  onSlotClick: (marker: SlotMarker) => void;
  /** The week's translation function: one i18next subscription for the week, not one per cell (168). */
  t: TFunction;
}

/**
 * One hour of one day: a drop target, its slots, its first posts and "+N". Memoised: the
 * warnings, pairs and badges that arrive after a week is drawn redraw its headers, not its 168 cells.
 */
const WeekCell = memo(function WeekCell({ date, hour, column, label, isToday, drawn, entries, markers, opened, onOpenCell, highlightId, partnerById, viewerZone, onOpen, onNextSlot, onCreate, onSlotClick, t }: WeekCellProps) {
  const key = `${date}|${hour}`;
  const { shown, hidden } = drawn ? cellShown(entries, opened, MAX_IN_CELL) : { shown: NONE, hidden: 0 };
  const target = useMemo(() => ({ date, hour, label, position: { column, row: hour } }), [date, hour, label, column]);
  return (
    <DropCell target={target} className={`week-cell${isToday ? ' is-today' : ''}`} testId="week-cell" role="cell" onEmptyClick={() => onCreate({ date, hour, label })}>
      {drawn
        ? markers.map((marker) => (
            <SlotMarkerButton key={`${marker.partnerId}|${marker.network}|${marker.instant}`} marker={marker} partner={partnerById.get(marker.partnerId)} viewerZone={viewerZone} onClick={onSlotClick} />
          ))
        : null}
      {shown.map((entry) => (
        <EntryChip key={entry.id} entry={entry} partner={partnerById.get(entry.partnerId)} viewerZone={viewerZone} onOpen={onOpen} onNextSlot={onNextSlot} highlighted={entry.id === highlightId} />
      ))}
      {hidden > 0 ? (
        <button type="button" className="more-in-cell" data-testid="more-in-cell" aria-label={t('calendarUi.moreInCell', { count: hidden, when: label })} onClick={() => onOpenCell(key)}>
          {t('calendarUi.moreShort', { count: hidden })}
        </button>
      ) : null}
    </DropCell>
  );
});
