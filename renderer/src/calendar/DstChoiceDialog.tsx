import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOffset } from '../../../shared/calendar/zonedTime';
import type { AmbiguousTime, GapTime } from '../../../shared/calendar/zonedTime';
import { localParts } from '../../../shared/calendar/zonedTime';
import { zoneTimeName } from './time';

export interface DstChoiceDialogProps {
  resolution: GapTime | AmbiguousTime;
  zone: string;
  /** The requested day (YYYY-MM-DD) as the page writes dates: « dimanche 28 mars 2027 ». */
  formatDate: (date: string) => string;
  onChoose: (instant: number) => void;
  onCancel: () => void;
}

/** A wall time that does not exist or happens twice: the user chooses, nothing moves silently. */
export function DstChoiceDialog({ resolution, zone, formatDate, onChoose, onCancel }: DstChoiceDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const { time } = resolution.requested;
  const date = formatDate(resolution.requested.date);
  // The requested wall time read with the offset after the change (02:00 → 01:00): just before the clocks jump.
  const beforeTheChange = resolution.kind === 'gap' ? resolution.instantAfter - resolution.gapMinutes * 60_000 : 0;
  return (
    <dialog ref={dialog} className="dst-dialog" onCancel={onCancel} aria-label={t('calendarUi.dstTitle')} data-testid="dst-dialog">
      <h2>{t('calendarUi.dstTitle')}</h2>
      {resolution.kind === 'gap' ? (
        <>
          <p>{t('calendar.dst.gap', { date, time, zone: zoneTimeName(zone), gapStart: resolution.gapStart, gapEnd: resolution.gapEnd })}</p>
          <div className="actions">
            <button className="primary" data-testid="dst-choice" onClick={() => onChoose(resolution.instantAfter)}>
              {t('calendar.dst.gapChooseAfter', { gapEnd: resolution.gapEnd })}
            </button>
            {/* On the hour, the shifted time is the end of the gap itself: offer the hour before the change instead of a second button doing the same. */}
            {resolution.instantBefore !== resolution.instantAfter ? (
              <button data-testid="dst-choice" onClick={() => onChoose(resolution.instantBefore)}>
                {t('calendar.dst.gapChooseShifted', { shiftedTime: localParts(resolution.instantBefore, zone).time, gapMinutes: resolution.gapMinutes })}
              </button>
            ) : (
              <button data-testid="dst-choice" onClick={() => onChoose(beforeTheChange)}>
                {t('calendarUi.dstGapBefore', { time: localParts(beforeTheChange, zone).time })}
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          <p>{t('calendar.dst.ambiguous', { date, time, zone: zoneTimeName(zone) })}</p>
          <div className="actions">
            <button className="primary" data-testid="dst-choice" onClick={() => onChoose(resolution.earlier.instant)}>
              {t('calendar.dst.ambiguousEarlier', { time, earlierOffset: formatOffset(resolution.earlier.offsetMinutes) })}
            </button>
            <button data-testid="dst-choice" onClick={() => onChoose(resolution.later.instant)}>
              {t('calendar.dst.ambiguousLater', { time, laterOffset: formatOffset(resolution.later.offsetMinutes) })}
            </button>
          </div>
        </>
      )}
      <button className="link" onClick={onCancel}>
        {t('calendarUi.cancel')}
      </button>
    </dialog>
  );
}
