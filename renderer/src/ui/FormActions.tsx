import type { ReactNode } from 'react';

/**
 * The end of a form that is saved or sent from a panel: the error that stopped it, announced
 * (none while there is none), then its submit and cancel buttons. Submit is off while busy.
 */
export function FormActions({ error = null, busy, submit, cancel, onCancel }: { error?: ReactNode; busy: boolean; submit: ReactNode; cancel: ReactNode; onCancel: () => void }) {
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </>
  );
}
