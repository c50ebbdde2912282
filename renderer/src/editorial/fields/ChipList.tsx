import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError';

export interface ChipListProps {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** The message of the item at an index, and of the list itself. */
  itemError?: (index: number) => string | undefined;
  listError?: string | undefined;
  placeholder?: string;
  hint?: string;
}

const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * A word list as chips (type and press Enter; pasting several lines adds each), or as lines
 * in a text area for long lists. Each chip shows its own error.
 */
export function ChipList({ label, values, onChange, itemError, listError, placeholder, hint }: ChipListProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pending, setPending] = useState('');
  const [asLines, setAsLines] = useState(false);
  const errors = values.map((_, index) => itemError?.(index));
  const firstError = listError ?? errors.find((e) => e !== undefined);

  const add = (items: string[]) => {
    if (items.length === 0) return;
    onChange([...values, ...items]);
    setPending('');
  };

  return (
    <div className={firstError ? 'field chip-field invalid' : 'field chip-field'}>
      <div className="chip-field-head">
        <label htmlFor={`${id}-input`}>{label}</label>
        <button type="button" className="link" onClick={() => setAsLines((v) => !v)} aria-pressed={asLines}>
          {asLines ? t('editorialLine.chips.asChips') : t('editorialLine.chips.asLines')}
        </button>
      </div>
      {asLines ? (
        <textarea
          id={`${id}-input`}
          rows={Math.min(12, Math.max(3, values.length + 1))}
          value={values.join('\n')}
          onChange={(e) => onChange(e.target.value.split('\n'))}
          onBlur={() => onChange(splitLines(values.join('\n')))}
          aria-describedby={firstError ? `${id}-error` : undefined}
          aria-invalid={firstError ? true : undefined}
        />
      ) : (
        <div className="chips">
          {values.map((value, index) => (
            <span key={`${String(index)}-${value}`} className={errors[index] ? 'chip-item invalid' : 'chip-item'} title={errors[index]}>
              {value}
              <button type="button" className="chip-remove" aria-label={t('editorialLine.chips.remove', { value })} onClick={() => onChange(values.filter((_, i) => i !== index))}>
                ×
              </button>
            </span>
          ))}
          <input
            id={`${id}-input`}
            value={pending}
            placeholder={placeholder ?? t('editorialLine.chips.placeholder')}
            onChange={(e) => setPending(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add(splitLines(pending));
              } else if (e.key === 'Backspace' && pending === '' && values.length > 0) onChange(values.slice(0, -1));
            }}
            onPaste={(e) => {
              const text = e.clipboardData.getData('text');
              if (text.includes('\n')) {
                e.preventDefault();
                add(splitLines(text));
              }
            }}
            onBlur={() => add(splitLines(pending))}
            aria-describedby={firstError ? `${id}-error` : undefined}
            aria-invalid={firstError ? true : undefined}
          />
        </div>
      )}
      {hint ? <p className="hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={firstError} />
    </div>
  );
}
