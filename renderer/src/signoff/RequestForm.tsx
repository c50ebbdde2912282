import { useId, useRef, useState } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { fromLocalInput } from './time';
import { FormActions } from '../ui/FormActions';
import { firstInvalidField, focusField } from '../ui/invalidFields';
import { DateTimeField } from '../time/fields/TypedField';
import { JustificationField } from './JustificationField';

/** What core says when the editorial line has errors: how many, and which findings to override. */
const EditorialRefusal = z.object({ errors: z.number().int(), findingIds: z.array(z.string()) });
type EditorialRefusal = z.infer<typeof EditorialRefusal>;

export interface RequestFormProps {
  postId: string;
  partnerHasEmail: boolean;
  /** Shown to the community manager in the form; never part of the request. */
  note?: ReactNode;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * Requests sign-off on the current text, with an optional deadline. When core refuses for
 * editorial-line errors, the form shows how many and asks for the justification that goes
 * to the partner with the request.
 */
export function RequestForm({ postId, partnerHasEmail, note, onDone, onCancel }: RequestFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [deadline, setDeadline] = useState('');
  const [refusal, setRefusal] = useState<EditorialRefusal | null>(null);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const justificationField = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    // A deadline typed but unreadable (a day picked without its time) is not « no deadline ».
    const form = event.currentTarget;
    const invalid = form instanceof HTMLFormElement ? firstInvalidField(form) : null;
    const badDeadline = invalid !== null && invalid !== justificationField.current ? invalid : null;
    const noJustification = refusal !== null && justification.trim() === '';
    if (badDeadline !== null || noJustification) {
      setFields({
        ...(badDeadline !== null ? { deadlineAt: badDeadline.validationMessage || t('errors.invalid') } : {}),
        ...(noJustification ? { justification: t('errors.required') } : {}),
      });
      // Where the user and a screen reader find the message: the first field in the form's order.
      focusField(badDeadline, noJustification ? justificationField.current : null);
      return;
    }
    setFields({});
    const deadlineAt = fromLocalInput(deadline);
    setBusy(true);
    try {
      await api.call('signoff.request', {
        postId,
        ...(deadlineAt !== null ? { deadlineAt } : {}),
        ...(refusal !== null ? { override: { justification: justification.trim(), findingIds: refusal.findingIds } } : {}),
      });
      onDone();
    } catch (e) {
      const editorial = e instanceof ApiError && e.messageKey === 'errors.signoff.editorialErrors' ? EditorialRefusal.safeParse(e.details) : null;
      if (editorial?.success) setRefusal(editorial.data);
      else {
        setError(errorMessage(t, e));
        setFields(fieldErrors(t, e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    // noValidate: the form's own translated messages, not the browser's bubble in the system language.
    <form className="signoff-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`} data-testid="signoff-request-form">
      <h3 id={`${id}-heading`}>{t('signoff.requestForm.heading')}</h3>
      {partnerHasEmail ? null : <p className="hint">{t('signoff.requestForm.noEmail')}</p>}
      {note}
      <label htmlFor={`${id}-deadline`}>{t('signoff.requestForm.deadline')}</label>
      <DateTimeField id={`${id}-deadline`} value={deadline} onChange={setDeadline} aria-describedby={`${id}-deadline-hint`} />
      <span id={`${id}-deadline-hint`} className="hint">
        {fields.deadlineAt ?? t('signoff.requestForm.deadlineHint')}
      </span>
      {refusal !== null ? (
        <div className="signoff-override" data-testid="signoff-override">
          <p className="form-error" role="alert">
            {t('signoff.requestForm.editorialErrors', { count: refusal.errors })}
          </p>
          <JustificationField
            id={id}
            fieldRef={justificationField}
            label={t('signoff.requestForm.justification')}
            value={justification}
            onChange={setJustification}
            error={fields.justification}
          />
        </div>
      ) : null}
      <FormActions error={error} busy={busy} submit={t('signoff.requestForm.send')} cancel={t('signoff.requestForm.cancel')} onCancel={onCancel} />
    </form>
  );
}
