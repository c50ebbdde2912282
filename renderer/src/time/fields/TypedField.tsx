import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from 'date-fns';
import { dateLocales } from '../../i18n';
import type { UiLocale } from '../../i18n';
import { missingDay, readTypedDate, readTypedDateTime, readTypedDateTimeParts, readTypedMonth, readTypedTime, writeTypedDate, writeTypedDateTime, writeTypedMonth } from '../../../../shared/time/typedDates';
import './typedFields.css';

// The calendar is fetched the first time one is opened: no start pays for it.
const CalendarPopover = lazy(() => import('./CalendarPopover'));

export type TypedKind = 'date' | 'time' | 'dateTime' | 'month';

interface Reading {
  read: (text: string, locale: Locale) => string | null;
  write: (value: string, locale: Locale) => string;
  /** Characters the field is wide for. */
  size: number;
}

const READINGS: Record<TypedKind, Reading> = {
  date: { read: readTypedDate, write: writeTypedDate, size: 11 },
  time: { read: readTypedTime, write: writeTypedTime, size: 6 },
  dateTime: { read: readTypedDateTime, write: writeTypedDateTime, size: 17 },
  month: { read: readTypedMonth, write: writeTypedMonth, size: 15 },
};

function writeTypedTime(value: string): string {
  return value.slice(0, 5);
}

export interface TypedFieldProps {
  /** The value in the browser field's own format: `YYYY-MM-DD`, `HH:mm`, `YYYY-MM-DDTHH:mm` or `YYYY-MM`; '' when empty or unreadable. */
  value: string;
  onChange: (value: string) => void;
  id?: string;
  required?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

/**
 * A date, time, date-and-time or month field in Plume's language, whatever the browser's: the
 * browser's own fields follow its language (« mm/dd/yyyy », « 02:30 PM » in a French Plume on an
 * English system). Typed text is read as the user writes it (shared/time/typedDates.ts), given
 * back in the field's usual form on leaving it, and an unreadable one says so in a sentence.
 * The value reported is the browser field's format, '' while the text is empty or unreadable.
 */
function TypedField({ kind, value, onChange, id, required, disabled, ...aria }: TypedFieldProps & { kind: TypedKind }) {
  const { t, i18n } = useTranslation();
  const locale = dateLocales[(i18n.language as UiLocale) in dateLocales ? (i18n.language as UiLocale) : 'fr'];
  const reading = READINGS[kind];
  const shown = (v: string) => (v === '' ? '' : reading.write(v, locale));
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);
  const [seen, setSeen] = useState(value);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const errorId = useId();

  // A value set from outside (a post loaded, a form reset) replaces the text, unless the text already reads as it.
  if (value !== seen) {
    setSeen(value);
    if ((reading.read(text, locale) ?? '') !== value) {
      setText(shown(value));
      setLeft(false);
    }
  }

  // The language switched (here or in another window): the text is written again in the new one,
  // unless the user is typing in it (leaving the field writes it then).
  const [seenLocale, setSeenLocale] = useState(locale);
  const [focused, setFocused] = useState(false);
  if (locale !== seenLocale) {
    setSeenLocale(locale);
    const read = focused ? null : reading.read(text, locale);
    if (read !== null) setText(reading.write(read, locale));
  }

  const typed = (next: string) => {
    setText(next);
    setLeft(false);
    const read = reading.read(next, locale) ?? '';
    setSeen(read);
    if (read !== value) onChange(read);
  };

  const unreadableNow = text.trim() !== '' && reading.read(text, locale) === null;
  const unreadable = left && unreadableNow;
  // A form cannot be sent while the text names no day (a date picked without its time, « 31/02 »):
  // its value is '' then, which a form would otherwise take for « no date ». Forms check validity.
  // « 31/02/2027 » is written as asked: what is wrong is the day, which its month does not have.
  const missing = unreadableNow && (kind === 'date' || kind === 'dateTime') ? missingDay(text, locale) : null;
  const sentence = missing
    ? t('typedFields.missingDay', { text: text.trim(), month: writeTypedMonth(missing.month, locale), days: missing.daysInMonth })
    : t(`typedFields.unreadable.${kind}`, { text: text.trim() });
  useEffect(() => {
    input.current?.setCustomValidity(unreadableNow ? sentence : '');
  }, [unreadableNow, sentence]);
  const describedBy = [aria['aria-describedby'], unreadable ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const pickable = kind === 'date' || kind === 'dateTime';

  let popover: ReactNode = null;
  if (pickable && open) {
    const day = value.slice(0, 10);
    popover = (
      <Suspense fallback={null}>
        <CalendarPopover
          anchor={opener}
          label={t('typedFields.calendar')}
          locale={locale}
          selected={/^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null}
          onPick={(date) => {
            // A date and time keeps the time typed; without one, the caret waits after the date for it.
            const time = kind === 'dateTime' ? readTypedDateTimeParts(text, locale).time : null;
            typed(kind === 'dateTime' ? `${writeTypedDate(date)} ${time ?? ''}` : writeTypedDate(date));
            setOpen(false);
            input.current?.focus();
          }}
          onClose={(focusWasInside) => {
            setOpen(false);
            // Escape gives the focus back to the button; a click elsewhere leaves it where it went.
            if (focusWasInside) opener.current?.focus();
          }}
        />
      </Suspense>
    );
  }

  return (
    <span className={`typed-field typed-${kind}`}>
      <span className="typed-field-row">
        <input
          ref={input}
          id={id}
          type="text"
          inputMode={kind === 'month' ? 'text' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          size={reading.size}
          value={text}
          placeholder={t(`typedFields.placeholder.${kind}`)}
          required={required}
          disabled={disabled}
          aria-label={aria['aria-label']}
          aria-invalid={unreadable || aria['aria-invalid'] === true || undefined}
          aria-describedby={describedBy}
          data-testid={aria['data-testid']}
          onChange={(event) => typed(event.target.value)}
          onFocus={() => setFocused(true)}
          onBlur={(event) => {
            setFocused(false);
            const read = reading.read(text, locale);
            if (read !== null) setText(reading.write(read, locale));
            // Left for its form's submit button: the form checks it now (onInvalid), and a message
            // shown here would move the button from under the pointer, the click then lost.
            const to = event.relatedTarget;
            if (to instanceof HTMLButtonElement && to.type === 'submit' && to.form !== null && to.form === event.currentTarget.form) return;
            setLeft(true);
          }}
          // A form's check (checkValidity, a submit) finding the text unreadable: its message shows.
          onInvalid={() => setLeft(true)}
        />
        {pickable ? (
          <button ref={opener} type="button" className="typed-field-open" disabled={disabled} aria-label={t('typedFields.openCalendar')} aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((was) => !was)}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
              <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" fill="none" />
            </svg>
          </button>
        ) : null}
      </span>
      {unreadable ? (
        <span id={errorId} className="form-error typed-field-error" role="alert">
          {sentence}
        </span>
      ) : null}
      {popover}
    </span>
  );
}

export const DateField = (props: TypedFieldProps) => <TypedField kind="date" {...props} />;
export const TimeField = (props: TypedFieldProps) => <TypedField kind="time" {...props} />;
export const DateTimeField = (props: TypedFieldProps) => <TypedField kind="dateTime" {...props} />;
export const MonthField = (props: TypedFieldProps) => <TypedField kind="month" {...props} />;
