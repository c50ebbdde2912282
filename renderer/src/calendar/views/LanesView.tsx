import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { weekDays } from '../../../../shared/calendar/grid';
import { localParts } from '../../../../shared/calendar/zonedTime';
import { useDateFormat } from '../../ui/useDateFormat';
import { DropCell } from '../DropCell';
import { EntryChip } from '../EntryChip';
import { WarningBadge } from '../WarningBadge';
import { zoneCity } from '../time';
import { useRevealHighlight } from './useRevealHighlight';
import { usePrintedWindow } from './usePrintedWindow';
import { DayHeader } from './DayHeader';
import type { ViewProps } from './types';

/** A lane with a post or two a day at most; measured once drawn. */
const LANE_PX = 96;
/** What each more post in a lane's fullest day adds to it (a chip and its gap), until measured. */
const CHIP_PX = 40;
/** A lane's padding, borders and first-line room around its chips. */
const LANE_FRAME_PX = 16;

/**
 * One row per partner, the week's days across: who posts what, at a glance. An agency has
 * dozens of partners: only the lanes near the scrolled-to place are drawn.
 */
// Memoised: the page renders again for what is not the grid (warnings asked, a notice, the search box).
export const LanesView = memo(function LanesView(props: ViewProps) {
  const { t } = useTranslation();
  const { weekdayShort, longDate } = useDateFormat();
  const days = weekDays(props.anchor);
  // Each day's long name once per render, not once per lane and day.
  const dayNames = days.map((date) => longDate(date));
  const { entries, viewerZone } = props;
  const byLane = useMemo(() => {
    const lanes = new Map<string, typeof entries>();
    for (const entry of entries) {
      if (entry.scheduledAt === null) continue;
      const key = `${entry.partnerId}|${localParts(entry.scheduledAt, viewerZone).date}`;
      const list = lanes.get(key) ?? [];
      list.push(entry);
      lanes.set(key, list);
    }
    return lanes;
  }, [entries, viewerZone]);
  // Each lane's expected height from its fullest day: the first pass draws the lanes that fill
  // the screen, not a guess that drew a third more lanes and trimmed them once measured.
  const fullestDay = useMemo(() => {
    const most = new Map<string, number>();
    for (const [key, list] of byLane) {
      const partnerId = key.slice(0, key.indexOf('|'));
      most.set(partnerId, Math.max(most.get(partnerId) ?? 0, list.length));
    }
    return most;
  }, [byLane]);
  const root = useRef<HTMLDivElement>(null);
  // Plume does not use the React Compiler; the virtualizer re-renders this view as it scrolls.
  const virtualizer = useVirtualizer({
    count: props.partners.length,
    getScrollElement: () => root.current?.closest('.calendar-view') ?? null,
    // A screenful is drawn in the first pass, before the region has been measured.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    estimateSize: (index) => Math.max(LANE_PX, LANE_FRAME_PX + (fullestDay.get(props.partners[index]?.id ?? '') ?? 0) * CHIP_PX),
    // Sizes are remembered by this key: a new week, or its posts arriving, starts from the
    // estimates above rather than from the heights of lanes holding other posts.
    getItemKey: (index) => `${props.partners[index]?.id ?? index}|${props.anchor}|${entries.length}`,
    overscan: 2,
  });
  // A post picked in the search: its partner's lane scrolled to (it may be far down, not drawn), then the post focused.
  const { highlightId } = props;
  const highlightLane = useMemo(() => {
    const found = highlightId === null ? undefined : entries.find((entry) => entry.id === highlightId && entry.scheduledAt !== null);
    return found ? props.partners.findIndex((partner) => partner.id === found.partnerId) : -1;
  }, [entries, highlightId, props.partners]);
  useRevealHighlight({ highlightId, anchor: props.anchor, index: highlightLane, virtualizer, root, inline: 'nearest' });
  const drawn = usePrintedWindow(virtualizer, props.partners.length);
  return (
    <div className="lanes-view" role="table" aria-label={t('calendarUi.views.lanes')} aria-rowcount={props.partners.length + 1} ref={root}>
      <div className="lane header" role="row" aria-rowindex={1}>
        <div className="lane-name" role="cell" />
        {days.map((date) => (
          <div key={date} role="columnheader" className="lane-day-head">
            <DayHeader date={date} label={`${weekdayShort(date)} ${Number(date.slice(8, 10))}`} isToday={date === props.today} warnings={props.dayWarnings.get(date)} />
          </div>
        ))}
      </div>
      <div className="window" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
      {drawn.map((item) => {
        const partner = props.partners[item.index];
        if (!partner) return null;
        const row = item.index;
        return (
        <div key={partner.id} data-index={item.index} ref={virtualizer.measureElement} className="lane window-item" style={{ transform: `translateY(${item.start}px)` }} role="row" aria-rowindex={row + 2} data-testid="lane" data-partner={partner.id}>
          <div className="lane-name" role="rowheader" style={{ borderLeftColor: partner.color }}>
            <strong>{partner.displayName}</strong>
            <span className="muted small">{zoneCity(partner.timeZone)}</span>
            {props.partnerWarnings.get(partner.id) ? <WarningBadge count={props.partnerWarnings.get(partner.id) ?? 0} testId="lane-warnings" /> : null}
          </div>
          {days.map((date, column) => {
            const label = `${partner.displayName}, ${dayNames[column] ?? date}`;
            return (
              <DropCell
                // By column: the next week updates a lane's cells rather than drawing new drop targets.
                key={column}
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
        );
      })}
      </div>
    </div>
  );
});
