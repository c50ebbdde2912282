import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { networkLabels, networks } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { useDateFormat } from '../ui/useDateFormat';
import { CheckField, NumberField, SelectField, TextField } from './fields/inputs';
import { FieldError } from './fields/FieldError';
import type { Path } from './lineErrors';
import { DateField, TimeField } from '../time/fields/TypedField';

export interface CadenceEditorProps {
  cadence: CadencePolicy;
  onChange: (cadence: CadencePolicy) => void;
  /** The line's pillars, offered as targets. */
  pillars: readonly string[];
  /** The message at a path inside the cadence. */
  error: (path: Path) => string | undefined;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
// 1 January 2024 was a Monday: day n of that week names ISO weekday n.
const weekdayDate = (day: number) => `2024-01-0${String(day)}`;
const percent = (share: number) => Math.round(share * 1000) / 10;

/** Posts per week per network, quiet days and hours, blackout dates, pillar targets per month. */
export function CadenceEditor({ cadence, onChange, pillars, error }: CadenceEditorProps) {
  const { t } = useTranslation();
  const { weekdayShort, longDate } = useDateFormat();
  const id = useId();
  const [blackout, setBlackout] = useState('');
  const set = (patch: Partial<CadencePolicy>) => onChange({ ...cadence, ...patch });
  const unusedNetworks = networks.filter((n) => !cadence.postsPerWeek.some((p) => p.network === n));
  const unusedPillars = pillars.filter((p) => !cadence.pillarTargets.some((target) => target.pillar === p));

  return (
    <div className="cadence">
      <div className="field">
        <span className="label">{t('editorialLine.cadence.postsPerWeek')}</span>
        {cadence.postsPerWeek.map((row, index) => (
          <div className="row" key={row.network}>
            <SelectField<Network>
              label={t('editorialLine.fields.network')}
              value={row.network}
              options={[row.network, ...unusedNetworks].map((n) => ({ value: n, label: networkLabels[n] }))}
              onChange={(network) => set({ postsPerWeek: cadence.postsPerWeek.map((r, i) => (i === index ? { ...r, network } : r)) })}
            />
            <NumberField
              label={t('editorialLine.cadence.min')}
              value={row.min}
              optional
              min={0}
              error={error(['postsPerWeek', index, 'min'])}
              onChange={(min) => set({ postsPerWeek: cadence.postsPerWeek.map((r, i) => (i === index ? { ...r, min } : r)) })}
            />
            <NumberField
              label={t('editorialLine.cadence.max')}
              value={row.max}
              optional
              min={0}
              error={error(['postsPerWeek', index, 'max'])}
              onChange={(max) => set({ postsPerWeek: cadence.postsPerWeek.map((r, i) => (i === index ? { ...r, max } : r)) })}
            />
            <button type="button" className="link danger" onClick={() => set({ postsPerWeek: cadence.postsPerWeek.filter((_, i) => i !== index) })}>
              {t('editorialLine.remove')}
            </button>
          </div>
        ))}
        {unusedNetworks[0] ? (
          <div className="actions">
            <button type="button" onClick={() => set({ postsPerWeek: [...cadence.postsPerWeek, { network: unusedNetworks[0] ?? 'linkedin', min: 1, max: 3 }] })}>
              {t('editorialLine.cadence.addNetwork')}
            </button>
          </div>
        ) : null}
      </div>

      <NumberField label={t('editorialLine.cadence.maxPerDay')} value={cadence.maxPerDay} optional min={1} error={error(['maxPerDay'])} onChange={(maxPerDay) => set({ maxPerDay })} />

      <fieldset className="weekdays">
        <legend>{t('editorialLine.cadence.quietDays')}</legend>
        {WEEKDAYS.map((day) => (
          <CheckField
            key={day}
            label={weekdayShort(weekdayDate(day))}
            checked={cadence.quietDays.includes(day)}
            onChange={(on) => set({ quietDays: on ? [...cadence.quietDays, day].sort() : cadence.quietDays.filter((d) => d !== day) })}
          />
        ))}
      </fieldset>

      <div className="field">
        <CheckField
          label={t('editorialLine.cadence.quietHours')}
          checked={cadence.quietHours !== undefined}
          onChange={(on) => set({ quietHours: on ? { from: '20:00', to: '08:00' } : undefined })}
        />
        {cadence.quietHours ? (
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('editorialLine.cadence.from')}</label>
              <TimeField id={`${id}-from`} value={cadence.quietHours.from} onChange={(from) => set({ quietHours: { to: cadence.quietHours?.to ?? '08:00', from } })} />
              <FieldError id={`${id}-from-error`} message={error(['quietHours', 'from'])} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('editorialLine.cadence.to')}</label>
              <TimeField id={`${id}-to`} value={cadence.quietHours.to} onChange={(to) => set({ quietHours: { from: cadence.quietHours?.from ?? '20:00', to } })} />
              <FieldError id={`${id}-to-error`} message={error(['quietHours', 'to'])} />
            </div>
          </div>
        ) : null}
        <p className="hint">{t('editorialLine.cadence.zoneHint')}</p>
      </div>

      <div className="field">
        <label htmlFor={`${id}-blackout`}>{t('editorialLine.cadence.blackoutDates')}</label>
        <ul className="date-list">
          {cadence.blackoutDates.map((date, index) => (
            <li key={date}>
              {/^\d{4}-\d{2}-\d{2}$/.test(date) ? longDate(date) : date}
              <button type="button" className="link danger" onClick={() => set({ blackoutDates: cadence.blackoutDates.filter((_, i) => i !== index) })}>
                {t('editorialLine.remove')}
              </button>
              <FieldError id={`${id}-blackout-${String(index)}`} message={error(['blackoutDates', index])} />
            </li>
          ))}
        </ul>
        <div className="row">
          <DateField id={`${id}-blackout`} value={blackout} onChange={setBlackout} />
          <button
            type="button"
            disabled={blackout === '' || cadence.blackoutDates.includes(blackout)}
            onClick={() => {
              set({ blackoutDates: [...cadence.blackoutDates, blackout].sort() });
              setBlackout('');
            }}
          >
            {t('editorialLine.cadence.addDate')}
          </button>
        </div>
      </div>

      <CheckField label={t('editorialLine.cadence.avoidHolidays')} checked={cadence.avoidFrenchHolidays} onChange={(avoidFrenchHolidays) => set({ avoidFrenchHolidays })} />

      <div className="field">
        <span className="label">{t('editorialLine.cadence.pillarTargets')}</span>
        {cadence.pillarTargets.map((row, index) => (
          <div className="row" key={index}>
            <TextField
              label={t('editorialLine.cadence.pillar')}
              value={row.pillar}
              error={error(['pillarTargets', index, 'pillar'])}
              onChange={(pillar) => set({ pillarTargets: cadence.pillarTargets.map((r, i) => (i === index ? { ...r, pillar } : r)) })}
            />
            <NumberField
              label={t('editorialLine.cadence.share')}
              value={Number.isNaN(row.share) ? Number.NaN : percent(row.share)}
              min={0}
              max={100}
              error={error(['pillarTargets', index, 'share'])}
              onChange={(value) => set({ pillarTargets: cadence.pillarTargets.map((r, i) => (i === index ? { ...r, share: value === undefined ? Number.NaN : value / 100 } : r)) })}
            />
            <button type="button" className="link danger" onClick={() => set({ pillarTargets: cadence.pillarTargets.filter((_, i) => i !== index) })}>
              {t('editorialLine.remove')}
            </button>
          </div>
        ))}
        <div className="actions">
          <button type="button" onClick={() => set({ pillarTargets: [...cadence.pillarTargets, { pillar: unusedPillars[0] ?? '', share: 0.25 }] })}>
            {t('editorialLine.cadence.addPillarTarget')}
          </button>
        </div>
        <p className="hint">{t('editorialLine.cadence.pillarHint')}</p>
      </div>
    </div>
  );
}
