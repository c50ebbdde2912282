import { useId, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { PostCheck } from '../../../shared/api/procedures/editorial';
import type { Finding } from '../../../shared/editorial/findingSchema';
import type { AuditEntry } from '../../../shared/signoff/audit';
import type { Decision, OfflineChannel, SeenRevision } from '../../../shared/signoff/schema';
import { api } from '../api';
import { useFindingText } from '../editorial/editor/findingText';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { firstInvalidField, focusField } from '../ui/invalidFields';
import { fromLocalInput, toLocalInput } from './time';
import { FormActions } from '../ui/FormActions';
import { DateTimeField } from '../time/fields/TypedField';
import { signoffKeys, useSignoffHistory, useSignoffStatus } from './queries';
import { JustificationField } from './JustificationField';

const decisions: readonly Decision[] = ['approve', 'requestChanges', 'reject'];
const channels: readonly OfflineChannel[] = ['phone', 'in_person', 'message'];

/** What core says when an approval goes over the editorial line's errors: how many, and which findings. */
const EditorialRefusal = z.object({ errors: z.number().int(), findingIds: z.array(z.string()) });
type EditorialRefusal = z.infer<typeof EditorialRefusal>;
const REFUSAL_KEYS = new Set(['errors.signoff.approvalEditorialErrors', 'errors.signoff.editorialErrors']);
const Override = z.object({ findingIds: z.array(z.string()) });

/** The post's errors and warnings, once each (a finding that is not network-specific is in every network's result). */
function shownFindings(check: PostCheck | undefined): Finding[] {
  const byId = new Map<string, Finding>();
  for (const { result } of check?.networks ?? []) for (const finding of result.findings) if (finding.severity !== 'info' && !byId.has(finding.id)) byId.set(finding.id, finding);
  const all = [...byId.values()];
  return [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity === 'warning')];
}

/** The findings an override of the open request already justifies (on the request, or recorded since). */
function justifiedIds(history: readonly AuditEntry[] | undefined, requestId: string | null): Set<string> {
  const ids = new Set<string>();
  if (requestId === null) return ids;
  for (const entry of history ?? []) {
    if (entry.details.requestId !== requestId) continue;
    const source = entry.action === 'requestSignoff' ? entry.details.override : entry.action === 'overrideRecorded' ? entry.details : null;
    const parsed = Override.safeParse(source);
    if (parsed.success) for (const id of parsed.data.findingIds) ids.add(id);
  }
  return ids;
}

/** Each finding with its severity, in the reader's language, and its network when it is one network's. */
function FindingList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const text = useFindingText();
  return (
    <ul>
      {findings.map((finding) => {
        const network = text.network(finding);
        return (
          <li key={finding.id} data-severity={finding.severity} data-rule-id={finding.ruleId}>
            <strong className={finding.severity === 'error' ? 'error-text' : 'warn-text'}>{t(`signoff.decisionForm.severity.${finding.severity}`)}</strong> {text.message(finding)}
            {network ? <span className="muted small"> · {network}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export interface DecisionFormProps {
  postId: string;
  partnerName: string;
  /** The revision the panel showed when the form opened: the text read to the partner. Core refuses the decision if the post's text differs. */
  revision: SeenRevision;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * A decision the partner gave by phone, in person or by message: who, when, how, and what they
 * said. The editorial line's current errors and warnings are listed; an approval over errors
 * asks for the justification a request over them would (core refuses it without one), kept as
 * the override the monthly report counts.
 */
export function DecisionForm({ postId, partnerName, revision, onDone, onCancel }: DecisionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [decision, setDecision] = useState<Decision>('approve');
  const [channel, setChannel] = useState<OfflineChannel>('phone');
  const [decidedBy, setDecidedBy] = useState('');
  const [decidedAt, setDecidedAt] = useState(() => toLocalInput(Date.now()));
  // Left as shown ("now", to the minute), the decision is taken as made at the moment of saving, to the millisecond.
  const [atEdited, setAtEdited] = useState(false);
  const [comment, setComment] = useState('');
  const [justification, setJustification] = useState('');
  const [refusal, setRefusal] = useState<EditorialRefusal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const justificationField = useRef<HTMLTextAreaElement>(null);

  // Under the post's sign-off key: a save or a decision refreshes it with the rest of the panel.
  const check = useQuery({ queryKey: [...signoffKeys.post(postId), 'editorialCheck'], queryFn: () => api.call('editorial.checkPost', { postId }) });
  const status = useSignoffStatus(postId).data;
  const history = useSignoffHistory(postId).data;
  const openRequest = status?.status === 'in_review' && status.request?.state === 'open' ? status.request.id : null;
  const justified = justifiedIds(history, openRequest);
  const findings = shownFindings(check.data);
  const errors = findings.filter((f) => f.severity === 'error');
  const unjustified = errors.filter((f) => !justified.has(f.id));
  const errorCount = refusal?.errors ?? errors.length;
  const needsJustification = decision === 'approve' && (refusal !== null || unjustified.length > 0);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    const at = atEdited ? fromLocalInput(decidedAt) : Date.now();
    // A time typed but unreadable (a day picked without its time) is said under the field, as an empty one.
    const form = event.currentTarget;
    const invalid = form instanceof HTMLFormElement ? firstInvalidField(form) : null;
    const badField = invalid !== null && invalid !== justificationField.current ? invalid : null;
    const noJustification = needsJustification && justification.trim() === '';
    if (badField !== null || at === null || noJustification) {
      setFields({
        ...(badField !== null || at === null ? { decidedAt: badField?.validationMessage || t('errors.required') } : {}),
        ...(noJustification ? { justification: t('errors.required') } : {}),
      });
      // Where the user and a screen reader find the message: the first field in the form's order.
      focusField(justificationField.current && noJustification ? justificationField.current : null, badField ?? (at === null ? document.getElementById(`${id}-at`) : null));
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
        revision,
        ...(decidedBy.trim() !== '' ? { decidedBy: decidedBy.trim() } : {}),
        ...(comment.trim() !== '' ? { comment: comment.trim() } : {}),
        // Core names the findings overridden; the ones seen here only say what the justification is for.
        ...(needsJustification ? { override: { justification: justification.trim(), findingIds: refusal?.findingIds ?? unjustified.map((f) => f.id) } } : {}),
      });
      onDone();
    } catch (e) {
      const editorial = e instanceof ApiError && REFUSAL_KEYS.has(e.messageKey) ? EditorialRefusal.safeParse(e.details) : null;
      if (editorial?.success) {
        // The line or the text changed since the form opened: the errors as core found them, and the justification they need.
        setRefusal(editorial.data);
        void check.refetch();
        setFields({ justification: t(e instanceof ApiError ? e.messageKey : 'errors.required') });
      } else {
        setError(errorMessage(t, e));
        setFields(fieldErrors(t, e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    // noValidate: the form's own translated messages, not the browser's bubble in the system language.
    <form className="signoff-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`} data-testid="signoff-decision-form">
      <h3 id={`${id}-heading`}>{t('signoff.decisionForm.heading')}</h3>
      {findings.length > 0 ? (
        <div className="signoff-findings" data-testid="signoff-decision-findings" data-errors={errors.length}>
          {errors.length > 0 ? <p className={needsJustification ? 'form-error' : 'hint'}>{t('signoff.requestForm.editorialErrors', { count: errorCount })}</p> : null}
          <FindingList findings={findings} />
          {decision === 'approve' && errors.length > 0 && !needsJustification ? <p className="hint">{t('signoff.decisionForm.alreadyJustified')}</p> : null}
        </div>
      ) : null}
      <fieldset>
        <legend>{t('signoff.decisionForm.decision')}</legend>
        {decisions.map((d) => (
          <label key={d} className="choice">
            <input type="radio" name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`signoff.decisionForm.decisions.${d}`)}
          </label>
        ))}
      </fieldset>
      {needsJustification ? (
        <div className="signoff-override" data-testid="signoff-override">
          <JustificationField
            id={id}
            fieldRef={justificationField}
            label={t('signoff.decisionForm.justification')}
            value={justification}
            onChange={setJustification}
            error={fields.justification}
            hint={t('signoff.decisionForm.justificationHint')}
          />
        </div>
      ) : null}
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
