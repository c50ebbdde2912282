import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, OfflineChannel } from '../../../shared/signoff/schema';
import { api } from '../api';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { fromLocalInput, toLocalInput } from './time';
import { FormActions } from '../ui/FormActions';
import { DateTimeField } from '../time/fields/TypedField';

const decisions: readonly Decision[] = ['approve', 'requestChanges', 'reject'];
const channels: readonly OfflineChannel[] = ['phone', 'in_person', 'message'];

export interface DecisionFormProps {
  postId: string;
  partnerName: string;
  onDone: () => void;
  onCancel: () => void;
}

/** A decision the partner gave by phone, in person or by message: who, when, how, and what they said. */
export function DecisionForm({ postId, partnerName, onDone, onCancel }: DecisionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [decision, setDecision] = useState<Decision>('approve');
  const [channel, setChannel] = useState<OfflineChannel>('phone');
  const [decidedBy, setDecidedBy] = useState('');
  const [decidedAt, setDecidedAt] = useState(() => toLocalInput(Date.now()));
  // Left as shown ("now", to the minute), the decision is taken as made at the moment of saving, to the millisecond.
  const [atEdited, setAtEdited] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    const at = atEdited ? fromLocalInput(decidedAt) : Date.now();
    if (at === null) {
      setFields({ decidedAt: t('errors.required') });
      return;
    }
    setFields({});
    setBusy(true);
    try {
      await api.call('signoff.recordDecision', {
        postId,
        decision,
        channel,
        decidedAt: at,
        ...(decidedBy.trim() !== '' ? { decidedBy: decidedBy.trim() } : {}),
        ...(comment.trim() !== '' ? { comment: comment.trim() } : {}),
      });
      onDone();
    } catch (e) {
      setError(errorMessage(t, e));
      setFields(fieldErrors(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="signoff-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`} data-testid="signoff-decision-form">
      <h3 id={`${id}-heading`}>{t('signoff.decisionForm.heading')}</h3>
      <fieldset>
        <legend>{t('signoff.decisionForm.decision')}</legend>
        {decisions.map((d) => (
          <label key={d} className="choice">
            <input type="radio" name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`signoff.decisionForm.decisions.${d}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('signoff.decisionForm.channel')}</legend>
        {channels.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name={`${id}-channel`} value={c} checked={channel === c} onChange={() => setChannel(c)} />
            {t(`signoff.decisionForm.channels.${c}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-by`}>{t('signoff.decisionForm.decidedBy')}</label>
      <input id={`${id}-by`} value={decidedBy} maxLength={200} placeholder={t('signoff.decisionForm.decidedByHint', { name: partnerName })} onChange={(e) => setDecidedBy(e.target.value)} />
      <label htmlFor={`${id}-at`}>{t('signoff.decisionForm.decidedAt')}</label>
      <DateTimeField
        id={`${id}-at`}
        value={decidedAt}
        required
        onChange={(value) => {
          setDecidedAt(value);
          setAtEdited(true);
        }}
        aria-invalid={fields.decidedAt !== undefined}
      />
      {fields.decidedAt ? <span className="form-error">{fields.decidedAt}</span> : null}
      <label htmlFor={`${id}-comment`}>{t('signoff.decisionForm.comment')}</label>
      <textarea id={`${id}-comment`} value={comment} rows={2} maxLength={5_000} onChange={(e) => setComment(e.target.value)} />
      <FormActions error={error} busy={busy} submit={t('signoff.decisionForm.save')} cancel={t('signoff.decisionForm.cancel')} onCancel={onCancel} />
    </form>
  );
}
