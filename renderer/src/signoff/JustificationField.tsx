import type { Ref } from 'react';

interface JustificationFieldProps {
  /** The form's own id prefix: the field is `${id}-justification`. */
  id: string;
  fieldRef: Ref<HTMLTextAreaElement>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The field's error (required, too long…), shown under it and describing it. */
  error: string | undefined;
  /** What to write, shown under the field while there is no error. */
  hint?: string;
}

/**
 * The justification of going ahead over the editorial line's errors, which the request for
 * sign-off and a decision recorded from elsewhere both ask for, stored as the same override.
 */
export function JustificationField({ id, fieldRef, label, value, onChange, error, hint }: JustificationFieldProps) {
  const under = error ?? hint;
  return (
    <>
      <label htmlFor={`${id}-justification`}>{label}</label>
      <textarea
        ref={fieldRef}
        id={`${id}-justification`}
        value={value}
        required
        rows={3}
        maxLength={2_000}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error !== undefined}
        aria-describedby={under !== undefined ? `${id}-justification-hint` : undefined}
      />
      {under !== undefined ? (
        <span id={`${id}-justification-hint`} className={error !== undefined ? 'form-error' : 'hint'}>
          {under}
        </span>
      ) : null}
    </>
  );
}
