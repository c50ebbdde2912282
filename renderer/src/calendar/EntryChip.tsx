import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import { useCachedText } from '../i18n/cachedText';
import type { cachedText } from '../i18n/cachedText';
import type { CalendarEntry } from '../../../shared/calendar/entries';
import type { Partner } from '../../../shared/partners/schema';
import { networkLabels } from '../../../shared/posts/networks';
import { NetworkIcons } from './NetworkIcons';
import { EngagementBadge } from '../engagement/EngagementBadge';
import { chipTime, partnerLocalTime, zoneTimeName } from './time';
import { useIsSimilar } from './similarPosts';
import { titleOr } from '../../../shared/posts/postTitle';
import { statusLabelKey, useOverdue } from '../posts/overdue';

export interface EntryChipProps {
  entry: CalendarEntry;
  partner: Partner | undefined;
  viewerZone: string;
  /** Where the chip sits, so keyboard moves start from the right cell. */
  onOpen: (entry: CalendarEntry) => void;
  highlighted?: boolean;
  /** "Put in next free slot": offered on drafts and unscheduled posts. */
  onNextSlot?: (entry: CalendarEntry) => void;
}

/**
 * One post on the calendar: partner colour, time in the viewer's zone and, when it differs,
 * in the partner's own zone; networks; status. Draggable with the mouse and the keyboard.
 * The drag-and-drop context re-renders every draggable whenever a cell registers (hundreds at
 * an agency's size): the shell that listens to it is light, the content is drawn once.
 */
export const EntryChip = memo(function EntryChip({ entry, partner, viewerZone, onOpen, highlighted = false, onNextSlot }: EntryChipProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: entry.id, data: { entry } });
  return (
    <div
      ref={setNodeRef}
      className={`entry-chip status-${entry.status}${isDragging ? ' dragging' : ''}${highlighted ? ' highlighted' : ''}`}
      style={{ borderLeftColor: partner?.color ?? '#888' }}
      data-testid="calendar-entry"
      data-entry-id={entry.id}
    >
      <ChipContent entry={entry} partner={partner} viewerZone={viewerZone} onOpen={onOpen} onNextSlot={onNextSlot} activatorRef={setActivatorNodeRef} attributes={attributes} listeners={listeners} />
    </div>
  );
});

interface ChipContentProps extends Omit<EntryChipProps, 'highlighted'> {
  activatorRef: (element: HTMLElement | null) => void;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
}

/**
 * The post's time in its partner's zone when it reads differently from the viewer's: « 08:00
 * heure de Montréal », or another day in words: « 23:30 le sam. 31 oct. (heure de Montréal) ».
 */
function partnerTimeLabel(t: typeof cachedText, entry: CalendarEntry, partner: Partner | undefined, viewerZone: string): string | null {
  if (entry.scheduledAt === null) return null;
  const zone = partner?.timeZone ?? entry.scheduledZone ?? viewerZone;
  const other = partnerLocalTime(entry.scheduledAt, zone, viewerZone);
  if (other === null) return null;
  return other.date === null
    ? t('calendarUi.partnerTime', { time: other.time, zone: zoneTimeName(zone) })
    : t('calendarUi.partnerDateTime', { time: other.time, date: other.date, zone: zoneTimeName(zone) });
}

// The handle and "next slot" are siblings: a button never sits inside another.
const ChipContent = memo(function ChipContent({ entry, partner, viewerZone, onOpen, onNextSlot, activatorRef, attributes, listeners }: ChipContentProps) {
  const t = useCachedText();
  const time = entry.scheduledAt === null ? null : chipTime(entry.scheduledAt, viewerZone);
  const theirs = partnerTimeLabel(t, entry, partner, viewerZone);
  // The cached text's own function (the chips' hot path), with postTitle's word: titleOr under it.
  const title = titleOr(entry.title, t('posts.untitled'));
  // Past its time and still scheduled: being sent or retried, not « Programmée ».
  const statusLabel = t(statusLabelKey(entry.status, useOverdue(entry.status, entry.scheduledAt)));
  const similar = useIsSimilar(entry.id);
  // Named from the calendar index (migration 0023), never from the post's body.
  const threads = entry.networks.flatMap((network) => {
    const count = entry.threadParts[network];
    return count === undefined ? [] : [t('calendarUi.thread', { network: networkLabels[network], count })];
  });
  const extras = [...threads, ...(entry.commentNetworks.length > 0 ? [t('calendarUi.firstComment')] : [])].join(' · ');
  return (
    <>
      <div
        ref={activatorRef}
        className="entry-handle"
        data-testid="entry-handle"
        {...attributes}
        {...listeners}
        aria-roledescription={t('calendarUi.draggable')}
        aria-label={`${title}${similar ? ` (${t('similarity.calendarMarker')})` : ''}, ${partner?.displayName ?? ''}${time ? `, ${time}` : ''}${theirs ? `, ${theirs}` : ''}, ${statusLabel}${extras ? `, ${extras}` : ''}`}
        onDoubleClick={() => onOpen(entry)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onOpen(entry);
          listeners?.onKeyDown?.(event);
        }}
      >
        <div className="entry-line">
          {time ? <span className="entry-time" data-testid="entry-time">{time}</span> : null}
          <span className="entry-title">{title}</span>
          {similar ? (
            <span className="calendar-similarity-marker" role="img" aria-label={t('similarity.calendarMarker')} title={t('similarity.calendarMarker')} data-testid="similarity-marker">
              ≈
            </span>
          ) : null}
        </div>
        <div className="entry-line small">
          {theirs ? (
            <span className="entry-partner-time" data-testid="partner-local-time">
              {theirs}
            </span>
          ) : null}
          <NetworkIcons networks={entry.networks} versions={entry.versionNetworks} />
          {extras ? (
            <span className="entry-threads" data-testid="entry-threads">
              {extras}
            </span>
          ) : null}
          <span className={`status-badge status-${entry.status}`}>{statusLabel}</span>
          {entry.status === 'published' ? <EngagementBadge postId={entry.id} /> : null}
        </div>
      </div>
      {onNextSlot && (entry.scheduledAt === null || entry.status === 'draft') ? (
        <button type="button" className="next-slot" data-testid="next-slot" aria-label={t('calendarUi.nextSlotLabel', { title })} title={t('calendarUi.nextSlotLabel', { title })} onClick={() => onNextSlot(entry)}>
          {t('calendarUi.nextSlot')}
        </button>
      ) : null}
    </>
  );
});

/**
 * Whose post a search hit is, where it goes and where it stands: the partner (colour dot and
 * name), the networks, the status and, when it reads differently, the partner's own time.
 * Dozens of an agency's hits share a title; these tell them apart.
 */
export function SearchHitFacts({ entry, partner, viewerZone }: { entry: CalendarEntry; partner: Partner | undefined; viewerZone: string }) {
  const t = useCachedText();
  const statusLabel = t(statusLabelKey(entry.status, useOverdue(entry.status, entry.scheduledAt)));
  const theirs = partnerTimeLabel(t, entry, partner, viewerZone);
  return (
    <span className="entry-line small search-hit-facts">
      <span className="partner-dot" aria-hidden="true" style={{ display: 'inline-block', width: '0.6em', height: '0.6em', borderRadius: '50%', background: partner?.color ?? '#888' }} />{' '}
      <span data-testid="search-hit-partner">{partner?.displayName ?? ''}</span>
      {' · '}
      {entry.networks.map((network) => networkLabels[network]).join(', ')}
      {' · '}
      <span className={`status-badge status-${entry.status}`}>{statusLabel}</span>
      {theirs ? <span data-testid="search-hit-partner-time">{` · ${theirs}`}</span> : null}
    </span>
  );
}
