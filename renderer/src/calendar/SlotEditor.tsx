import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays } from '../../../shared/calendar/civil';
import type { PostingSlot } from '../../../shared/calendar/cadencePolicy';
import type { PartnerLine } from '../../../shared/editorial/lineSchema';
import type { Partner } from '../../../shared/partners/schema';
import { networks, networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { keys } from '../app/queries';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { zoneTimeName } from './time';
import { TimeField } from '../time/fields/TypedField';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** A Monday: weekday n is this date + n − 1, named in the UI language. */
const MONDAY = '2024-01-01';

export interface SlotEditorProps {
  partners: Partner[];
  initialPartnerId: string | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** The partner line's content as a draft for `editorial.savePartnerLine` (core numbers and scopes it). */
function draftOf(line: PartnerLine) {
  return { ...(line.language ? { language: line.language } : {}), rules: line.rules, disabled: line.disabled, pillars: line.pillars };
}

/**
 * A partner's posting slots, edited on the calendar and saved in their editorial line (a partner
 * line's cadence replaces the firm's, so a partner who followed the firm's gets a copy of it).
 */
export function SlotEditor({ partners, initialPartnerId, onClose, onSaved }: SlotEditorProps) {
  const { t } = useTranslation();
  const { weekdayShort } = useDateFormat();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const [partnerId, setPartnerId] = useState(initialPartnerId ?? partners[0]?.id ?? '');
  const partner = partners.find((p) => p.id === partnerId);
  const lines = useQuery({
    queryKey: ['editorial', 'calendarSlots', partnerId],
    queryFn: async () => ({
      own: await api.call('editorial.partnerLine', { partnerId }),
      resolved: await api.call('editorial.resolved', { partnerId }),
    }),
    enabled: partnerId !== '',
  });
  // The rows being edited, per partner: untouched partners show their line's slots.
  const [edits, setEdits] = useState<Record<string, PostingSlot[]>>({});
  const rows = edits[partnerId] ?? lines.data?.resolved.cadence.slots ?? [];
  const setRows = (next: PostingSlot[]) => setEdits((all) => ({ ...all, [partnerId]: next }));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!lines.data || !partner) return;
    const { own, resolved } = lines.data;
    setSaving(true);
    setError(null);
    try {
      const cadence = { ...(own?.cadence ?? resolved.cadence), slots: rows };
      await api.call('editorial.savePartnerLine', { partnerId, baseVersion: own?.version ?? null, line: own ? { ...draftOf(own), cadence } : { cadence } });
      await queryClient.invalidateQueries({ queryKey: keys.calendar });
      await queryClient.invalidateQueries({ queryKey: ['editorial'] });
      onSaved(t('calendarUi.slots.saved', { partner: partner.displayName }));
    } catch (failure) {
      const issues = failure instanceof ApiError ? (failure.issues ?? []) : [];
      setError([errorMessage(t, failure), ...new Set(issues.map((issue) => t(issue.messageKey, issue.params ?? {})))].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog ref={dialog} className="slot-editor" onCancel={onClose} aria-labelledby="slot-editor-title" data-testid="slot-editor">
      <h2 id="slot-editor-title">{t('calendarUi.slots.title')}</h2>
      <p className="muted small">{t('calendarUi.slots.intro')}</p>
      <label className="field">
        {t('calendarUi.slots.partner')}
        <select value={partnerId} onChange={(e) => setPartnerId(e.target.value)} data-testid="slot-partner">
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      {partner ? <p className="muted small">{t('calendarUi.slots.zone', { zone: zoneTimeName(partner.timeZone) })}</p> : null}
      {lines.isPending ? <p className="muted">{t('calendarUi.slots.loading')}</p> : null}
      {lines.data && !lines.data.own?.cadence ? <p className="muted small">{t('calendarUi.slots.inheritsFirm')}</p> : null}
      {lines.data && rows.length === 0 ? <p className="muted">{t('calendarUi.slots.none')}</p> : null}
      <ul className="slot-rows">
        {rows.map((slot, index) => {
          const update = (patch: Partial<PostingSlot>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
          return (
            // Rows are positions in a list being edited: the index is their identity.
            <li key={index} className="slot-row" data-testid="slot-row">
              <select aria-label={t('calendarUi.slots.network')} value={slot.network} onChange={(e) => update({ network: e.target.value as Network })}>
                {networks.map((n) => (
                  <option key={n} value={n}>
                    {networkLabels[n]}
                  </option>
                ))}
              </select>
              <select aria-label={t('calendarUi.slots.weekday')} value={slot.weekday} onChange={(e) => update({ weekday: Number(e.target.value) })}>
                {WEEKDAYS.map((day) => (
                  <option key={day} value={day}>
                    {weekdayShort(addDays(MONDAY, day - 1))}
                  </option>
                ))}
              </select>
              <TimeField aria-label={t('calendarUi.slots.time')} value={slot.time} required onChange={(time) => update({ time })} />
              <button type="button" className="link" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                {t('calendarUi.slots.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => setRows([...rows, { network: 'linkedin', weekday: 2, time: '08:30' }])} disabled={!lines.data} data-testid="slot-add">
        {t('calendarUi.slots.add')}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={!lines.data || saving} data-testid="slot-save">
          {t('calendarUi.slots.save')}
        </button>
        <button type="button" className="link" onClick={onClose}>
          {t('calendarUi.slots.close')}
        </button>
      </div>
    </dialog>
  );
}
