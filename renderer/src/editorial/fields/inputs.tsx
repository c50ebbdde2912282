import { useId } from 'react';
import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

interface Base {
  label: string;
  error?: string | undefined;
  hint?: string;
}

/** A labelled text input with its error. */
export function TextField({ label, value, onChange, error, hint, placeholder, wide }: Base & { value: string; onChange: (value: string) => void; placeholder?: string; wide?: boolean }) {
  const id = useId();
  return (
    <div className={`${error ? 'field invalid' : 'field'}${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

/**
 * A number input. An optional number is `undefined` when left empty; a required one keeps
 * NaN, which the schema reports as "a number is expected" on this field.
 */
export function NumberField({ label, value, onChange, error, hint, optional, min, max, step }: Base & {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  optional?: boolean;
  min?: number;
  max?: number;
  step?: number;
}) {
  const id = useId();
  return (
    <div className={error ? 'field number invalid' : 'field number'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={value === undefined || Number.isNaN(value) ? '' : String(value)}
        onChange={(e) => {
          const next = toNumber(e.target.value);
          onChange(optional && Number.isNaN(next) ? undefined : next);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled select over fixed options. */
export function SelectField<V extends string>({ label, value, options, onChange, error }: Base & { value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void }) {
  const id = useId();
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function CheckField({ label, checked, onChange, disabled, title }: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean; title?: string }) {
  return (
    <label className="checkbox" title={title}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
