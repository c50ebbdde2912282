import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../app/queries';
import { DstChoiceDialog } from '../calendar/DstChoiceDialog';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { useZoneNames } from '../time/useZoneNames';
import { userZone } from '../time/userZone';
import { DateField, TimeField } from '../time/fields/TypedField';
import { firstInvalidField, focusField } from '../ui/invalidFields';
import { localParts, resolveLocalTime } from '../../../shared/calendar/zonedTime';
import type { AmbiguousTime, GapTime } from '../../../shared/calendar/zonedTime';
import type { PostPublication } from '../../../shared/publishing/publication';
import { publishingKeys } from './queries';

/** Whether an instant has passed, read when the user submits (never during a render). */
const isPast = (instant: number): boolean => instant <= Date.now();

/** Statuses whose date is no longer the editor's to change (the missed decision has its own). */
const settled = new Set(['published', 'failed', 'missed']);

/**
 * The post's publication date, set from the editor: a date and a time on the partner's clock
 * (« heure de Paris »), as the calendar's drag sets it. A wall time a clock change skips or
 * repeats asks which instant is meant; a time already past is refused before anything is sent.
 */
export function ScheduleForm({ data }: { data: PostPublication }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const { dateTime, longDate } = useDateFormat();
  const { timeName } = useZoneNames();
  const zone = data.partnerZone;
  const shown = data.scheduledAt === null ? null : localParts(data.scheduledAt, zone);
  const [date, setDate] = useState(shown?.date ?? '');
  const [time, setTime] = useState(shown?.time ?? '');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [choice, setChoice] = useState<GapTime | AmbiguousTime | null>(null);
  // Moved elsewhere (the calendar, another window): the fields show the stored date again.
  const stored = `${String(data.scheduledAt)}|${zone}`;
  const [shownFor, setShownFor] = useState(stored);
  if (shownFor !== stored) {
    setShownFor(stored);
    setDate(shown?.date ?? '');
    setTime(shown?.time ?? '');
  }
  if (settled.has(data.status)) return null;

  const save = async (scheduledAt: number | null) => {
    setMessage(null);
    try {
      await api.call('calendar.schedule', { id: data.postId, scheduledAt, zone: scheduledAt === null ? null : zone });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: publishingKeys.status(data.postId) }),
        queryClient.invalidateQueries({ queryKey: keys.calendar }),
      ]);
      setMessage({
        kind: 'done',
        text: scheduledAt === null ? t('publishing.schedule.removed') : t('publishing.schedule.done', { when: dateTime(scheduledAt, zone), zone: timeName(zone) }),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(t, error) });
    }
  };

  const chosen = async (instant: number) => {
    if (isPast(instant)) setMessage({ kind: 'error', text: t('publishing.schedule.past', { zone: timeName(zone) }) });
    else await save(instant);
  };

  // The wall time typed, on the partner's clock (null until both fields are filled in).
  const typed = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? resolveLocalTime({ date, time }, zone) : null;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    // A date or time typed but unreadable: the field says why under it; nothing is sent.
    const form = event.currentTarget instanceof HTMLFormElement ? event.currentTarget : null;
    const unreadable = form !== null ? firstInvalidField(form) : null;
    if (typed === null || unreadable !== null) {
      setMessage({ kind: 'error', text: t('publishing.schedule.incomplete') });
      // To the field to correct (the first unreadable, else the first left empty), not the button.
      const empty = [...(form?.querySelectorAll<HTMLInputElement>('input[type="text"]') ?? [])].find((field) => field.value.trim() === '');
      focusField(unreadable, empty);
    } else if (typed.kind === 'exact') void chosen(typed.instant);
    else setChoice(typed);
  };

  // What the typed wall time is on the community manager's own clock, when that reads differently.
  const typedInstant = typed?.kind === 'exact' ? typed.instant : null;
  const mine = userZone();
  const forYou = typedInstant !== null && mine !== zone && localParts(typedInstant, mine).time !== time ? dateTime(typedInstant, mine) : null;

  return (
    <form className="schedule-form" onSubmit={submit} noValidate aria-label={t('publishing.schedule.label')} data-testid="schedule-form">
      <div className="schedule-fields">
        <div className="schedule-field">
          <label htmlFor={`${id}-date`}>{t('publishing.schedule.date')}</label>
          <DateField id={`${id}-date`} value={date} onChange={setDate} data-testid="schedule-date" />
        </div>
        <div className="schedule-field">
          <label htmlFor={`${id}-time`}>{t('publishing.schedule.time')}</label>
          <TimeField id={`${id}-time`} value={time} onChange={setTime} data-testid="schedule-time" />
        </div>
        <span className="muted small">{timeName(zone)}</span>
      </div>
      {forYou ? <p className="muted small">{t('publishing.schedule.forYou', { when: forYou, zone: timeName(mine) })}</p> : null}
      <div className="actions">
        <button type="submit">{data.scheduledAt === null ? t('publishing.schedule.set') : t('publishing.schedule.change')}</button>
        {data.scheduledAt !== null ? (
          <button
            type="button"
            className="link"
            onClick={() => {
              setDate('');
              setTime('');
              void save(null);
            }}
          >
            {t('publishing.schedule.remove')}
          </button>
        ) : null}
      </div>
      {message ? (
        <p className={message.kind === 'error' ? 'error' : 'muted small'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {choice ? (
        <DstChoiceDialog
          resolution={choice}
          zone={zone}
          formatDate={longDate}
          onChoose={(instant) => {
            setChoice(null);
            void chosen(instant);
          }}
          onCancel={() => setChoice(null)}
        />
      ) : null}
    </form>
  );
}
