import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { SearchCountNote } from '../search/SearchCountNote';
import { UNSCHEDULED_SHOWN } from '../../../shared/calendar/entries';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type { Announcements, DragEndEvent, DragOverEvent, KeyboardCoordinateGetter } from '@dnd-kit/core';
import { addDays, addMonths, firstDayOfMonth, startOfIsoWeek } from '../../../shared/calendar/civil';
import { instantRangeOfDates, monthGrid, monthViewRange, weekViewRange } from '../../../shared/calendar/grid';
import type { InstantRange } from '../../../shared/calendar/grid';
import { localParts, resolveLocalTime, todayIn } from '../../../shared/calendar/zonedTime';
import type { AmbiguousTime, GapTime, LocalTimeResolution } from '../../../shared/calendar/zonedTime';
import type { CalendarEntry, CalendarFilter, SlotProposal } from '../../../shared/calendar/entries';
import type { AppEvent } from '../../../shared/api/contract';
import { slotAdjustmentMessage } from '../../../shared/calendar/messageParams';
import { networks, networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { postStatuses } from '../../../shared/posts/schema';
import type { PostStatus } from '../../../shared/posts/schema';
import type { Partner } from '../../../shared/partners/schema';
import { api } from '../api';
import { keys, usePartners } from '../app/queries';
import { onAddressChange } from '../app/useRoute';
import { afterNextPaint } from '../ui/browserScheduling';
import { ViewBadgesProvider } from '../engagement/EngagementBadge';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { useNow } from '../ui/useNow';
import type { DropTarget } from './DropCell';
import { DstChoiceDialog } from './DstChoiceDialog';
import { EntryChip, SearchHitFacts } from './EntryChip';
import { SimilarPosts } from './similarPosts';
import { refreshPairs, useSimilarityEvents, useSimilarityPairs } from '../similarity/queries';
import { cellKeyboardCoordinates, keyboardAwareCollision, startKeyboardSteps } from './keyboardCoordinates';
import type { KeyboardEdge } from './keyboardCoordinates';
import { useFocusAfterMove } from './focusAfterMove';
import { landing } from './moves';
import { SlotEditor } from './SlotEditor';
import { slotMarkersByHour } from './slotMarkers';
import type { SlotMarker } from './slotMarkers';
import { landedAt, userZone, zoneTimeName } from './time';
import { WarningsPanel } from './WarningsPanel';
import { useAnswered, useShownPeriod } from './shownPeriod';
import { CadenceFlagBadge } from '../digest/CadenceFlagBadge';
import './calendar.css';
import { AGENDA_DAYS, AGENDA_FIRST_DAYS, AgendaView } from './views/AgendaView';
import { LanesView } from './views/LanesView';
import { MONTH_CHIPS_PER_DAY, MonthView } from './views/MonthView';
import { WeekView } from './views/WeekView';
import type { ViewProps } from './views/types';
import { calendarViews } from './calendarViews';
import type { CalendarView } from './calendarViews';
import { applyEntry, cachedEntry, refillDay, replacePartnerWarnings, shortDays } from './cache';
import type { PartnerWarning } from '../../../shared/calendar/warningSchema';
import { newPostFocus, partnerContext } from '../app/partnerContext';
import { invalidateSoon } from '../api/invalidateSoon';
import { useCancelWhenOff } from '../api/useCancelWhenOff';
import { SnippetText } from '../search/SnippetText';
import { postTitle } from '../posts/postTitle';


interface Move {
  id: string;
  title: string;
  from: { at: number | null; zone: string | null };
  to: { at: number; zone: string };
}

interface PendingChoice {
  entry: CalendarEntry;
  zone: string;
  resolution: GapTime | AmbiguousTime;
  resolutionZone: string;
  apply: (instant: number) => void;
}

type PlannedDrop =
  | { kind: 'crossPartner'; entry: CalendarEntry; target: DropTarget }
  | { kind: 'land'; entry: CalendarEntry; target: DropTarget; zone: string; resolution: LocalTimeResolution; resolutionZone: string };

export interface CalendarPageProps {
  view: CalendarView;
  date: string | null;
  onNavigate: (view: CalendarView, date: string) => void;
  onOpenPost: (postId: string) => void;
}

function rangeFor(view: CalendarView, anchor: string, zone: string) {
  switch (view) {
    case 'month':
      return monthViewRange(anchor.slice(0, 7), zone);
    case 'week':
    case 'lanes':
      return weekViewRange(anchor, zone);
    case 'agenda':
      return instantRangeOfDates(anchor, addDays(anchor, AGENDA_DAYS - 1), zone);
  }
}

/**
 * An agenda's four weeks in two reads: its first week (what the screen shows: ~700 posts at an
 * agency), then the three after it once the first is in. Four weeks at once were ~2,800 posts to
 * answer and check before the first was drawn; asked beside it, the three weeks' answer (~2,100
 * posts) arrived in the same moments and was read and checked before the first week was drawn.
 */
function agendaRanges(anchor: string, zone: string) {
  const restFrom = addDays(anchor, AGENDA_FIRST_DAYS);
  return {
    firstWeek: instantRangeOfDates(anchor, addDays(anchor, AGENDA_FIRST_DAYS - 1), zone),
    rest: instantRangeOfDates(restFrom, addDays(anchor, AGENDA_DAYS - 1), zone),
    restFrom,
  };
}

/** The local dates a view shows, for the warnings (read in each partner's zone). */
function datesFor(view: CalendarView, anchor: string): { from: string; to: string } {
  switch (view) {
    case 'month': {
      const grid = monthGrid(anchor.slice(0, 7));
      return { from: grid.first, to: grid.last };
    }
    case 'week':
    case 'lanes':
      return { from: startOfIsoWeek(anchor), to: addDays(startOfIsoWeek(anchor), 6) };
    case 'agenda':
      return { from: anchor, to: addDays(anchor, AGENDA_DAYS - 1) };
  }
}

function step(view: CalendarView, anchor: string, direction: 1 | -1): string {
  if (view === 'month') return firstDayOfMonth(addMonths(anchor.slice(0, 7), direction));
  return addDays(anchor, direction * (view === 'agenda' ? AGENDA_DAYS : 7));
}

/**
 * The posts of a week or an agenda's days (the same query for the view and its early start).
 * A period left before its answer came is cancelled (React Query aborts a read nobody watches
 * any more when it was given the signal): paging through weeks does not read and check every
 * week passed on the way.
 */
const rangeQuery = (range: InstantRange, filter: CalendarFilter) => ({
  queryKey: [...keys.calendar, 'range', range.from, range.to, filter],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.call('calendar.range', { ...range, filter }, { signal }),
});

/** A month: each day's first posts and every day's count. */
const monthDaysQuery = (range: InstantRange, filter: CalendarFilter, zone: string) => ({
  queryKey: [...keys.calendar, 'days', range.from, range.to, filter, zone],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.call('calendar.days', { ...range, filter, zone, perDay: MONTH_CHIPS_PER_DAY }, { signal }),
});

/** Each cached month's day left with a gap by a move, read again alone and put back (cache.ts `shortDays`). */
async function refillShortDays(queryClient: QueryClient): Promise<void> {
  await Promise.all(
    shortDays(queryClient, MONTH_CHIPS_PER_DAY).map(async (day) => {
      try {
        refillDay(queryClient, day, await api.call('calendar.days', { from: day.from, to: day.to, filter: day.filter, zone: day.zone, perDay: MONTH_CHIPS_PER_DAY }));
      } catch {
        // The gap stays until the month is read again; the move itself is done and said.
      }
    }),
  );
}

/** A period's first read (a month's days, an agenda's first week, a week's posts): its answer draws the period. */
function periodFirstRead(view: CalendarView, anchor: string, filter: CalendarFilter, zone: string): { queryKey: QueryKey; ask: (queryClient: QueryClient) => Promise<unknown> } {
  const range = rangeFor(view, anchor, zone);
  if (view === 'month') {
    const days = monthDaysQuery(range, filter, zone);
    return { queryKey: days.queryKey, ask: (queryClient) => queryClient.query(days) };
  }
  const entries = rangeQuery(view === 'agenda' ? agendaRanges(anchor, zone).firstWeek : range, filter);
  return { queryKey: entries.queryKey, ask: (queryClient) => queryClient.query(entries) };
}

export function CalendarPage({ view: askedView, date, onNavigate, onOpenPost }: CalendarPageProps) {
  const { t } = useTranslation();
  const { monthTitle, longDate, dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const viewerZone = useMemo(() => userZone(), []);
  const now = useNow(60_000);
  const today = todayIn(viewerZone, now);
  const askedAnchor = date ?? today;
  const partners = usePartners(false);
  const partnerList = useMemo(() => partners.data ?? [], [partners.data]);
  const partnerById = useMemo(() => new Map(partnerList.map((p) => [p.id, p])), [partnerList]);

  const [partnerFilter, setPartnerFilter] = useState<string[]>([]);
  const [networkFilter, setNetworkFilter] = useState<Network[]>([]);
  const [statusFilter, setStatusFilter] = useState<PostStatus[]>([]);
  const filter: CalendarFilter = {
    ...(partnerFilter.length ? { partnerIds: partnerFilter } : {}),
    ...(networkFilter.length ? { networks: networkFilter } : {}),
    ...(statusFilter.length ? { statuses: statusFilter } : {}),
  };
  // The address's period is drawn once its posts are in: until then the page keeps the one it shows
  // (shownPeriod.ts). The controls follow the address; the grid, its heading and its reads the shown period.
  const askedRead = periodFirstRead(askedView, askedAnchor, filter, viewerZone);
  const askedAnswered = useAnswered(queryClient, askedRead.queryKey);
  const { shown, holding } = useShownPeriod({ view: askedView, anchor: askedAnchor }, askedAnswered);
  const { view, anchor } = shown;
  // Asked here too, not only on an address change: "today" moving at midnight asks a new period.
  const askedHash = JSON.stringify(askedRead.queryKey);
  useEffect(() => {
    if (!askedAnswered) askedRead.ask(queryClient).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- askedRead is rebuilt each render from askedHash's values
  }, [askedHash, askedAnswered, queryClient]);
  const range = rangeFor(view, anchor, viewerZone);
  // A month holds thousands of posts at an agency: only each day's first ones and the days' counts come.
  const agenda = view === 'agenda' ? agendaRanges(anchor, viewerZone) : null;
  const entries = useQuery({ ...rangeQuery(agenda?.firstWeek ?? range, filter), enabled: view !== 'month' });
  // What follows a period's first read (the agenda's next weeks, warnings, badges, near-duplicate
  // pairs) stops while the page waits to leave it: the next period's first read would queue behind it in core.
  const followUps = !holding;
  const restRead = rangeQuery(agenda?.rest ?? range, filter);
  const agendaRest = useQuery({ ...restRead, enabled: agenda !== null && entries.data !== undefined && followUps });
  useCancelWhenOff(restRead.queryKey, followUps);
  const restOfAgenda = agenda ? agendaRest.data : undefined;
  const rangeEntries = useMemo(() => (restOfAgenda ? [...(entries.data ?? []), ...restOfAgenda] : entries.data), [entries.data, restOfAgenda]);
  const monthDays = useQuery({ ...monthDaysQuery(range, filter, viewerZone), enabled: view === 'month' });
  // A new period is asked for as soon as the address changes, before React draws its empty grid
  // (~20–30 ms at an agency's size): the answer is then on its way, not asked after that drawing.
  const filterNow = useRef(filter);
  useLayoutEffect(() => {
    filterNow.current = filter;
  });
  useEffect(
    () =>
      onAddressChange((route) => {
        if (route.page !== 'calendar') return;
        const nextAnchor = route.date ?? todayIn(viewerZone, Date.now());
        // A failure is the view's own query's to report.
        periodFirstRead(route.view, nextAnchor, filterNow.current, viewerZone)
          .ask(queryClient)
          .catch(() => undefined);
      }),
    [queryClient, viewerZone],
  );
  const dayCounts = useMemo(() => new Map(Object.entries(monthDays.data?.counts ?? {})), [monthDays.data]);
  // Near-duplicate pairs among the shown posts: a marker on both entries.
  // Moves made here, by post and instant: core's event for one needs no second pairs refetch.
  const movedHere = useRef(new Map<string, number | null>());
  useSimilarityEvents(
    useCallback((event: AppEvent) => {
      if (event.type !== 'post.scheduled' || !movedHere.current.has(event.postId) || movedHere.current.get(event.postId) !== event.scheduledAt) return false;
      movedHere.current.delete(event.postId);
      return true;
    }, []),
  );
  const pairs = useSimilarityPairs(range.from, range.to, followUps);
  const similarIds = useMemo(() => new Set((pairs.data ?? []).flatMap((pair) => [pair.postId, pair.otherPostId])), [pairs.data]);
  const unscheduled = useQuery({
    queryKey: [...keys.calendar, 'unscheduled', partnerFilter],
    queryFn: () => api.call('calendar.unscheduled', partnerFilter.length ? { partnerIds: partnerFilter } : {}),
  });
  // The tray lists the last edited UNSCHEDULED_SHOWN: how many there are in all, said when more.
  const unscheduledCount = useQuery({
    queryKey: [...keys.calendar, 'unscheduledCount', partnerFilter],
    queryFn: () => api.call('calendar.unscheduledCount', partnerFilter.length ? { partnerIds: partnerFilter } : {}),
    enabled: unscheduled.data !== undefined && unscheduled.data.length >= UNSCHEDULED_SHOWN,
  });

  const [lastMove, setLastMove] = useState<Move | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingChoice | null>(null);
  const [creating, setCreating] = useState<DropTarget | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const search = useQuery({
    queryKey: [...keys.calendar, 'search', query.trim(), filter],
    queryFn: () => api.call('calendar.search', { query: query.trim(), filter }),
    enabled: query.trim().length > 0,
  });
  const dates = datesFor(view, anchor);
  // A period's posts first, then its warnings: core computes those for every partner on its
  // second thread, and asked beside the posts they took a core from the page drawing them
  // (a machine of two cores). Asked once the posts are on screen; warnings already read show at once.
  const periodShown = usePaintedWith(view === 'month' ? monthDays.data : entries.data, `${view}|${anchor}`);
  const warningsKey = [...keys.calendar, 'warnings', dates.from, dates.to, partnerFilter] as const;
  const warnings = useQuery({
    queryKey: warningsKey,
    queryFn: ({ signal }) => api.call('calendar.warnings', { ...dates, ...(partnerFilter.length ? { partnerIds: partnerFilter } : {}) }, { signal }),
    enabled: periodShown && followUps,
  });
  useCancelWhenOff(warningsKey, followUps);
  const slots = useQuery({
    queryKey: [...keys.calendar, 'slots', partnerFilter],
    queryFn: () => api.call('calendar.slots', partnerFilter.length ? { partnerIds: partnerFilter } : {}),
    enabled: view === 'week',
  });
  const [editingSlots, setEditingSlots] = useState(false);

  // Warnings and slots come from the editorial lines: a line saved anywhere refreshes them.
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'editorial.changed') invalidateSoon(queryClient, keys.calendar);
      }),
    [queryClient],
  );
  const { dayWarnings, partnerWarnings } = useMemo(() => {
    const byDay = new Map<string, number>();
    const byPartner = new Map<string, number>();
    for (const { partnerId, warning } of warnings.data ?? []) {
      byPartner.set(partnerId, (byPartner.get(partnerId) ?? 0) + 1);
      if ('date' in warning) byDay.set(warning.date, (byDay.get(warning.date) ?? 0) + 1);
    }
    return { dayWarnings: byDay, partnerWarnings: byPartner };
  }, [warnings.data]);
  const slotMarkers = useMemo(
    () => (view === 'week' ? slotMarkersByHour(slots.data ?? [], weekViewRange(anchor, viewerZone), viewerZone) : new Map<string, SlotMarker[]>()),
    [view, slots.data, anchor, viewerZone],
  );

  // An arrow at the edge of what is shown is said in the page's live region (dnd-kit says only a change of cell).
  const [edgeNotice, setEdgeNotice] = useState<string | null>(null);
  // The keyboard sensor's coordinates read what is shown and what to say at an edge through refs: one getter for the page's life.
  const shownDatesRef = useRef(dates);
  const edgeRef = useRef<(edge: KeyboardEdge) => void>(() => undefined);
  useLayoutEffect(() => {
    shownDatesRef.current = dates;
    edgeRef.current = (edge) =>
      setEdgeNotice(
        edge.kind === 'grid'
          ? t('calendarUi.announce.edgeGrid', { target: edge.target.label })
          : t(edge.after ? 'calendarUi.announce.edgeAfter' : 'calendarUi.announce.edgeBefore', { date: longDate(edge.date), target: edge.target.label }),
      );
  });
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, args) => cellKeyboardCoordinates(event, args, { shownDates: shownDatesRef.current, onEdge: (edge) => edgeRef.current(edge) }),
    [],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );
  // After a keyboard drop the focus follows the post to its new cell.
  const calendarBody = useRef<HTMLDivElement>(null);
  const calendarRegion = useRef<HTMLDivElement>(null);
  const focusMoved = useFocusAfterMove(calendarBody, calendarRegion);
  const keyboardDrop = useRef<string | null>(null);

  const commit = useCallback(
    async (move: Move, undo = false) => {
      const to = undo ? move.from : move.to;
      // Optimistic: the chip moves at once; core's answer for that one entry follows. The range is
      // never read again, and only the moved post's partner has its warnings asked again.
      const before = cachedEntry(queryClient, move.id);
      const moved = before ? { ...before, scheduledAt: to.at, scheduledZone: to.zone } : undefined;
      if (moved) applyEntry(queryClient, moved, before);
      movedHere.current.set(move.id, to.at);
      try {
        const answered = await api.call('calendar.schedule', { id: move.id, scheduledAt: to.at, zone: to.zone });
        applyEntry(queryClient, answered, moved);
        // A month's day the post left draws the next of its posts in the gap: that day alone is read again.
        void refillShortDays(queryClient);
        // The shown pairs at once, beside the warnings (not with the event's batch, after them).
        void refreshPairs(queryClient);
        setLastMove(undo ? null : move);
        setNotice(undo ? t('calendarUi.undone') : t('calendarUi.moved', { title: move.title, ...landedAt(move.to.at, viewerZone, move.to.zone) }));
        // Other views' warnings are read again when shown; this view's, for this partner only, now.
        await queryClient.invalidateQueries({ queryKey: [...keys.calendar, 'warnings'], refetchType: 'none' });
        if (partnerFilter.length === 0 || partnerFilter.includes(answered.partnerId)) {
          const fresh = await api.call('calendar.warnings', { from: dates.from, to: dates.to, partnerIds: [answered.partnerId] });
          queryClient.setQueryData<PartnerWarning[]>(warningsKey, (list) => replacePartnerWarnings(list ?? [], answered.partnerId, fresh));
        }
      } catch (error) {
        movedHere.current.delete(move.id);
        if (before) applyEntry(queryClient, before, moved);
        setNotice(errorMessage(t, error));
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- warningsKey is rebuilt each render from the same values
    [queryClient, t, viewerZone, dates.from, dates.to, partnerFilter],
  );

  const resolveThen = (entry: CalendarEntry, resolution: LocalTimeResolution, resolutionZone: string, zone: string, apply: (instant: number) => void) => {
    if (resolution.kind === 'exact') apply(resolution.instant);
    else setPending({ entry, zone, resolution, resolutionZone, apply });
  };

  /** What a drop would do, computed once for the announcement and for the move itself. */
  const planDrop = (activeData: unknown, overData: unknown): PlannedDrop | null => {
    const entry = (activeData as { entry?: CalendarEntry } | undefined)?.entry;
    const target = (overData as { target?: DropTarget } | undefined)?.target;
    if (!entry || !target) return null;
    if (target.partnerId && target.partnerId !== entry.partnerId) return { kind: 'crossPartner', entry, target };
    const partnerZone = partnerById.get(entry.partnerId)?.timeZone ?? viewerZone;
    const zone = entry.scheduledZone ?? partnerZone;
    const resolution = landing(entry, target, viewerZone, partnerZone);
    return { kind: 'land', entry, target, zone, resolution, resolutionZone: target.hour === undefined ? zone : viewerZone };
  };

  const crossPartnerMessage = (entry: CalendarEntry) =>
    t('calendarUi.crossPartner', { title: postTitle(entry.title, t), partner: partnerById.get(entry.partnerId)?.displayName ?? '' });

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setEdgeNotice(null);
    const plan = planDrop(active.data.current, over?.data.current);
    if (!plan) return;
    const { entry } = plan;
    keyboardDrop.current = activatorEvent instanceof KeyboardEvent ? entry.id : null;
    if (keyboardDrop.current !== null) focusMoved(entry.id);
    if (plan.kind === 'crossPartner') {
      setLastMove(null);
      setNotice(crossPartnerMessage(entry));
      return;
    }
    resolveThen(entry, plan.resolution, plan.resolutionZone, plan.zone, (instant) => {
      if (instant === entry.scheduledAt) return;
      void commit({ id: entry.id, title: postTitle(entry.title, t), from: { at: entry.scheduledAt, zone: entry.scheduledZone }, to: { at: instant, zone: plan.zone } });
    });
  };

  const clearEdgeNotice = ({ over }: DragOverEvent) => {
    if (over) setEdgeNotice(null);
  };

  /** Says where the post really lands: the refusal and its reason, the exact time, or that a clock change asks for a choice. */
  const announceDrop = (activeData: unknown, overData: unknown): string | undefined => {
    const plan = planDrop(activeData, overData);
    if (!plan) return undefined;
    const title = postTitle(plan.entry.title, t);
    if (plan.kind === 'crossPartner') return crossPartnerMessage(plan.entry);
    const { resolution } = plan;
    const { date, time } = resolution.requested;
    const day = longDate(date);
    switch (resolution.kind) {
      case 'exact':
        return t('calendarUi.announce.droppedAt', { title, when: dateTime(resolution.instant), theirs: landedAt(resolution.instant, viewerZone, plan.zone).theirs });
      case 'gap':
        return t('calendarUi.announce.droppedInGap', { title, date: day, time, gapStart: resolution.gapStart, gapEnd: resolution.gapEnd });
      case 'ambiguous':
        return t('calendarUi.announce.droppedTwice', { title, date: day, time });
    }
  };

  const create = (target: DropTarget, partner: Partner) => {
    setCreating(null);
    const resolution =
      target.hour !== undefined
        ? resolveLocalTime({ date: target.date, time: `${String(target.hour).padStart(2, '0')}:00` }, viewerZone)
        : resolveLocalTime({ date: target.date, time: '09:00' }, partner.timeZone);
    const draft: CalendarEntry = { id: '', partnerId: partner.id, title: '', networks: [], status: 'draft', scheduledAt: null, scheduledZone: null, version: 1, versionNetworks: [], threadParts: {}, commentNetworks: [] };
    resolveThen(draft, resolution, target.hour !== undefined ? viewerZone : partner.timeZone, partner.timeZone, (instant) => {
      void api
        .call('posts.create', { partnerId: partner.id, scheduledAt: instant })
        .then(async (post) => {
          partnerContext.set(partner.id);
          newPostFocus.mark(post.id);
          await queryClient.invalidateQueries({ queryKey: keys.calendar });
          onOpenPost(post.id);
        })
        .catch((error: unknown) => setNotice(errorMessage(t, error)));
    });
  };

  const placeInNextSlot = async (entry: CalendarEntry) => {
    const partner = partnerById.get(entry.partnerId);
    let proposal: SlotProposal;
    try {
      proposal = await api.call('calendar.nextSlot', { id: entry.id });
    } catch (error) {
      setNotice(errorMessage(t, error));
      return;
    }
    if (proposal.kind === 'noSlots') {
      setNotice(t('calendarUi.noSlots', { partner: partner?.displayName ?? '' }));
      return;
    }
    if (proposal.kind === 'noneFree') {
      setNotice(t('calendarUi.noneFree', { partner: partner?.displayName ?? '', days: proposal.horizonDays }));
      return;
    }
    const title = postTitle(entry.title, t);
    await commit({ id: entry.id, title, from: { at: entry.scheduledAt, zone: entry.scheduledZone }, to: { at: proposal.instant, zone: proposal.zone } });
    const theirs = proposal.zone === viewerZone ? '' : t('calendarUi.placedPartnerTime', { time: proposal.actualTime, zone: zoneTimeName(proposal.zone) });
    const adjusted = slotAdjustmentMessage(proposal, { formatDate: longDate });
    setNotice(
      `${t('calendarUi.placedInSlot', { title, network: networkLabels[proposal.network], when: dateTime(proposal.instant) })}${theirs}${adjusted ? ` ${t(adjusted.key, adjusted.values)}` : ''}`,
    );
  };

  const slotClick = (marker: SlotMarker) => {
    void api
      .call('posts.create', { partnerId: marker.partnerId, networks: [marker.network], scheduledAt: marker.instant })
      .then(async (post) => {
        partnerContext.set(marker.partnerId);
        newPostFocus.mark(post.id);
        await queryClient.invalidateQueries({ queryKey: keys.calendar });
        onOpenPost(post.id);
      })
      .catch((error: unknown) => setNotice(errorMessage(t, error)));
  };

  const createAt = (target: DropTarget) => {
    const only = target.partnerId
      ? partnerById.get(target.partnerId)
      : partnerFilter.length === 1
        ? partnerById.get(partnerFilter[0] ?? '')
        : partnerList.length === 1
          ? partnerList[0]
          : undefined;
    if (only) create(target, only);
    else setCreating(target);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
      if (!typing && lastMove && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void commit(lastMove, true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lastMove, commit]);

  // Stable callbacks, so a move re-renders the moved chip only (chips are memoised).
  // The app passes a new `onOpenPost` at every address change: read through a ref, so a navigation
  // does not draw the grid it keeps on screen (shownPeriod.ts) again.
  const openPostRef = useRef(onOpenPost);
  useLayoutEffect(() => {
    openPostRef.current = onOpenPost;
  });
  const openEntry = useCallback((entry: CalendarEntry) => openPostRef.current(entry.id), []);
  const nextSlotRef = useRef(placeInNextSlot);
  useLayoutEffect(() => {
    nextSlotRef.current = placeInNextSlot;
  });
  const onNextSlot = useCallback((entry: CalendarEntry) => void nextSlotRef.current(entry), []);
  // The week's 168 cells are memoised too: their callbacks must not change at every render.
  const createRef = useRef(createAt);
  const slotClickRef = useRef(slotClick);
  useLayoutEffect(() => {
    createRef.current = createAt;
    slotClickRef.current = slotClick;
  });
  const onCreate = useCallback((target: DropTarget) => createRef.current(target), []);
  const onSlotClick = useCallback((marker: SlotMarker) => slotClickRef.current(marker), []);

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('calendarUi.announce.pickedUp', { title: titleOf(active.data.current) }),
    onDragOver: ({ over }) => (over ? t('calendarUi.announce.over', { target: labelOf(over.data.current) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? announceDrop(active.data.current, over.data.current) : undefined),
    onDragCancel: ({ active }) => t('calendarUi.announce.cancelled', { title: titleOf(active.data.current) }),
    onDragMove: () => undefined,
  };

  const shownEntries = view === 'month' ? monthDays.data?.entries : rangeEntries;
  const shownRead = view === 'month' ? monthDays : entries;
  // A period whose posts are on their way (the page waits for the next one, or reads its first).
  const periodLoading = holding || (shownRead.data === undefined && !shownRead.isError);
  const publishedIds = useMemo(
    () => [...(shownEntries ?? []), ...(unscheduled.data ?? [])].filter((entry) => entry.status === 'published').map((entry) => entry.id),
    [shownEntries, unscheduled.data],
  );

  const shownPartners = useMemo(() => (partnerFilter.length ? partnerList.filter((p) => partnerFilter.includes(p.id)) : partnerList), [partnerFilter, partnerList]);
  // The views are memoised: every prop keeps its identity until what it says changes.
  const viewProps: ViewProps = {
    anchor,
    today,
    viewerZone,
    entries: shownEntries ?? NO_ENTRIES,
    pendingFrom: agenda && !restOfAgenda ? agenda.restFrom : null,
    dayCounts,
    partners: shownPartners,
    partnerById,
    highlightId,
    onOpen: openEntry,
    onCreate,
    onNextSlot,
    dayWarnings,
    partnerWarnings,
    slotMarkers,
    onSlotClick,
  };

  const heading = view === 'month' ? monthTitle(anchor.slice(0, 7)) : view === 'agenda' ? `${longDate(anchor)} → ${longDate(addDays(anchor, AGENDA_DAYS - 1))}` : `${longDate(startOfIsoWeek(anchor))} → ${longDate(addDays(startOfIsoWeek(anchor), 6))}`;

  return (
    <section className="calendar-page" aria-labelledby="calendar-title">
      <header className="calendar-toolbar">
        <h1 id="calendar-title" className="sr-only">
          {t('calendarUi.title')}
        </h1>
        <div className="view-tabs" role="tablist" aria-label={t('calendarUi.title')}>
          {calendarViews.map((v) => (
            <button key={v} role="tab" aria-selected={v === askedView} className={v === askedView ? 'tab active' : 'tab'} onClick={() => onNavigate(v, askedAnchor)}>
              {t(`calendarUi.views.${v}`)}
            </button>
          ))}
        </div>
        <div className="nav-buttons">
          <button aria-label={t('calendarUi.previous')} onClick={() => onNavigate(askedView, step(askedView, askedAnchor, -1))}>
            ‹
          </button>
          <button onClick={() => onNavigate(askedView, today)}>{t('calendarUi.today')}</button>
          <button aria-label={t('calendarUi.next')} onClick={() => onNavigate(askedView, step(askedView, askedAnchor, 1))}>
            ›
          </button>
        </div>
        <h2 className="calendar-heading" data-testid="calendar-heading">
          {heading}
        </h2>
        <input type="search" className="calendar-search" placeholder={t('calendarUi.searchShort')} aria-label={t('calendarUi.search')} title={t('calendarUi.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </header>
      <div className="calendar-filters" aria-label={t('calendarUi.filters')}>
        <MultiSelect label={t('calendarUi.allPartners')} options={partnerList.map((p) => ({ value: p.id, label: p.displayName }))} value={partnerFilter}
          onChange={(chosen) => {
            setPartnerFilter(chosen);
            if (chosen.length === 1) partnerContext.set(chosen[0] ?? null);
          }}
          testId="filter-partners"
        />
        <MultiSelect label={t('calendarUi.allNetworks')} options={networks.map((n) => ({ value: n, label: networkLabels[n] }))} value={networkFilter} onChange={(v) => setNetworkFilter(v as Network[])} testId="filter-networks" />
        <MultiSelect label={t('calendarUi.allStatuses')} options={postStatuses.map((s) => ({ value: s, label: t(`posts.status.${s}`) }))} value={statusFilter} onChange={(v) => setStatusFilter(v as PostStatus[])} testId="filter-statuses" />
        <span className="muted small">{t('calendarUi.yourZone', { zone: zoneTimeName(viewerZone) })}</span>
        <CadenceFlagBadge partnerById={partnerById} />
        <button type="button" onClick={() => setEditingSlots(true)} data-testid="open-slot-editor" disabled={partnerList.length === 0}>
          {t('calendarUi.slots.button')}
        </button>
      </div>
      {/* No « aucune alerte » before the period's warnings are known. */}
      {warnings.data !== undefined ? (
        <WarningsPanel
          warnings={warnings.data}
          partnerById={partnerById}
          onJump={(day, postId) => {
            setHighlightId(postId);
            onNavigate(askedView, day);
          }}
        />
      ) : (
        // The panel's own box and line (calendar.css): the grid below must not move when the warnings arrive, under a chip being grabbed.
        <div className="warnings-panel warnings-pending muted" data-testid="warnings-pending" aria-busy={!warnings.isError}>
          {warnings.isError ? t('calendarUi.warnings.unread') : t('calendarUi.warnings.loading')}
        </div>
      )}
      {shownRead.isError ? (
        <div className="banner warn" role="alert" data-testid="calendar-unread">
          <span>{t('calendarUi.periodUnread', { error: errorMessage(t, shownRead.error) })}</span>
          <button onClick={() => void shownRead.refetch()}>{t('calendarUi.retry')}</button>
        </div>
      ) : null}
      {/* Always in the page, so a screen reader hears each new notice (a live region inserted with its text is often not read). */}
      <div role="status" aria-live="polite" data-testid="calendar-live">
        {edgeNotice ? (
          <div className="banner info" data-testid="calendar-edge">
            {edgeNotice}
          </div>
        ) : null}
        {notice ? (
          <div className="banner info" data-testid="calendar-notice">
            <span>{notice}</span>
            {lastMove ? (
              <button onClick={() => void commit(lastMove, true)} data-testid="undo-move">
                {t('calendarUi.undo')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {query.trim() ? (
        <div className="search-panel" aria-label={t('calendarUi.searchResults')}>
          {search.data?.length === 0 ? <p className="muted">{t('calendarUi.noResults')}</p> : null}
          {search.data && search.data.length > 0 ? <SearchCountNote query={query.trim()} shown={search.data.length} filter={filter} /> : null}
          <ul>
            {(search.data ?? []).map((hit) => (
              <li key={hit.id}>
                <button
                  data-testid="search-hit"
                  onClick={() => {
                    setHighlightId(hit.id);
                    setQuery('');
                    // A month cell draws a day's first posts only: the hit opens in its week, its hour expanded (WeekView).
                    if (hit.scheduledAt !== null) onNavigate(askedView === 'month' ? 'week' : askedView, localParts(hit.scheduledAt, viewerZone).date);
                    else onOpenPost(hit.id);
                  }}
                >
                  <strong>{postTitle(hit.title, t)}</strong> <span className="muted small">{hit.scheduledAt !== null ? dateTime(hit.scheduledAt) : t('calendarUi.unscheduled')}</span>
                  <SearchHitFacts entry={hit} partner={partnerById.get(hit.partnerId)} viewerZone={viewerZone} />
                  <SnippetText parts={hit.snippet} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="sr-only" id="calendar-drag-hint">
        {t('calendarUi.dragHint')}
      </p>
      <SimilarPosts.Provider value={similarIds}>
      <ViewBadgesProvider postIds={publishedIds} enabled={periodShown && followUps}>
      <DndContext
        sensors={sensors}
        collisionDetection={keyboardAwareCollision}
        onDragStart={() => {
          startKeyboardSteps();
          setEdgeNotice(null);
        }}
        onDragOver={clearEdgeNotice}
        onDragCancel={() => setEdgeNotice(null)}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('calendarUi.dragHint') } }}
      >
        <div className="calendar-body" ref={calendarBody}>
          {/* A scrolling region keyboard users can reach even when it holds nothing focusable. */}
          <div ref={calendarRegion} className={`calendar-view view-${view}`} data-testid={`view-${view}`} role="region" aria-label={t(`calendarUi.views.${view}`)} aria-busy={periodLoading} tabIndex={0}>
            {/* Laid over the grid's top (calendar.css): the grid does not move when it goes. */}
            {periodLoading ? (
              <p className="period-loading" role="status" data-testid="period-loading">
                <span>{t('calendarUi.loadingPeriod')}</span>
              </p>
            ) : null}
            {view === 'month' ? <MonthView {...viewProps} /> : view === 'week' ? <WeekView {...viewProps} /> : view === 'lanes' ? <LanesView {...viewProps} /> : <AgendaView {...viewProps} />}
          </div>
          <aside className="unscheduled" aria-label={t('calendarUi.unscheduled')}>
            <h2>{t('calendarUi.unscheduled')}</h2>
            {unscheduledCount.data && unscheduled.data && unscheduledCount.data.total > unscheduled.data.length ? (
              <p className="muted small" data-testid="unscheduled-shown-of">
                {t('calendarUi.unscheduledShownOf', { shown: unscheduled.data.length, total: unscheduledCount.data.total })}
              </p>
            ) : null}
            {(unscheduled.data ?? []).map((entry) => (
              <EntryChip key={entry.id} entry={entry} partner={partnerById.get(entry.partnerId)} viewerZone={viewerZone} onOpen={openEntry} onNextSlot={viewProps.onNextSlot} />
            ))}
          </aside>
        </div>
      </DndContext>
      </ViewBadgesProvider>
      </SimilarPosts.Provider>
      {pending ? (
        <DstChoiceDialog
          resolution={pending.resolution}
          zone={pending.resolutionZone}
          formatDate={longDate}
          onCancel={() => {
            setPending(null);
            if (keyboardDrop.current === pending.entry.id) focusMoved(pending.entry.id);
          }}
          onChoose={(instant) => {
            setPending(null);
            if (keyboardDrop.current === pending.entry.id) focusMoved(pending.entry.id);
            pending.apply(instant);
          }}
        />
      ) : null}
      {editingSlots ? (
        <SlotEditor
          partners={partnerList}
          initialPartnerId={partnerFilter.length === 1 ? (partnerFilter[0] ?? null) : null}
          onClose={() => setEditingSlots(false)}
          onSaved={(message) => {
            setEditingSlots(false);
            setNotice(message);
          }}
        />
      ) : null}
      {creating ? (
        <PartnerPicker
          partners={partnerList}
          title={t('calendarUi.newHere', { date: creating.label })}
          onPick={(partner) => create(creating, partner)}
          onCancel={() => setCreating(null)}
        />
      ) : null}
    </section>
  );
}


const NO_ENTRIES: CalendarEntry[] = [];

const titleOf = (data: unknown) => (data as { entry?: CalendarEntry } | undefined)?.entry?.title ?? '';
const labelOf = (data: unknown) => (data as { target?: DropTarget } | undefined)?.target?.label ?? '';

interface MultiSelectProps {
  label: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  testId: string;
}

/** A compact filter: a native multi-select inside a disclosure, keyboard-friendly. */
function MultiSelect({ label, options, value, onChange, testId }: MultiSelectProps) {
  return (
    <details className="multi-select">
      <summary>
        {value.length === 0 ? label : options.filter((o) => value.includes(o.value)).map((o) => o.label).join(', ')}
      </summary>
      <div className="multi-options" data-testid={testId}>
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
    </details>
  );
}

function PartnerPicker({ partners, title, onPick, onCancel }: { partners: Partner[]; title: string; onPick: (p: Partner) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="popover-backdrop" role="dialog" aria-label={title} data-testid="partner-picker">
      <div className="picker">
        <h2>{title}</h2>
        <p>{t('calendarUi.choosePartner')}</p>
        {partners.map((partner) => (
          <button key={partner.id} onClick={() => onPick(partner)}>
            <span className="swatch" style={{ background: partner.color }} aria-hidden="true" /> {partner.displayName}
          </button>
        ))}
        <button className="link" onClick={onCancel}>
          {t('calendarUi.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * True once a frame has been painted with `data` for the period `key` (and from then on for
 * that period): what can wait for the period's first screen waits for it.
 */
function usePaintedWith(data: unknown, key: string): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  const ready = data !== undefined;
  useEffect(() => {
    if (!ready || painted === key) return;
    return afterNextPaint(() => setPainted(key));
  }, [ready, key, painted]);
  return painted === key;
}
