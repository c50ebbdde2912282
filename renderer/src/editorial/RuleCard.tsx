import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Severity } from '../../../shared/editorial/ruleSchema';
import type { Rule } from '../../../shared/editorial/ruleSchema';
import { CheckField, SelectField, TextField } from './fields/inputs';
import { FieldError } from './fields/FieldError';
import type { Path } from './lineErrors';
import { RuleFields } from './RuleFields';

export interface RuleCardProps {
  rule: Rule;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
  /** The message at a path inside the rule. */
  error: (path: Path) => string | undefined;
  invalid: boolean;
  /** Firm lines may lock a rule so partners cannot switch it off. */
  canLock: boolean;
  /** A note above the fields ("tightens the firm's rule"). */
  note?: ReactNode;
}

/** One rule: kind, id, severity, on/off, lock, its own message FR/EN, source, then its kind's fields. */
export function RuleCard({ rule, onChange, onRemove, error, invalid, canLock, note }: RuleCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const hasMessage = rule.message !== undefined;
  return (
    <article className={`rule-card${invalid ? ' invalid' : ''}${rule.enabled ? '' : ' off'}`} aria-labelledby={`${id}-title`} data-testid="rule-card" data-rule-id={rule.id}>
      <header className="rule-head">
        {/* The id is Plume's (made from the kind, or a pack's): named by its kind, the id only as a
            tooltip for whoever edits an exported file. */}
        <h3 id={`${id}-title`} title={t('editorialLine.ruleIdTitle', { id: rule.id })}>
          {t(`editorial.kind.${rule.kind}`)}
          {rule.locked ? <span className="badge lock">{t('editorialLine.locked')}</span> : null}
        </h3>
        <SelectField
          label={t('editorialLine.severity')}
          value={rule.severity}
          options={Severity.options.map((s) => ({ value: s, label: t(`editorial.severity.${s}`) }))}
          onChange={(severity) => onChange({ ...rule, severity })}
        />
        <CheckField label={t('editorialLine.enabled')} checked={rule.enabled} onChange={(enabled) => onChange({ ...rule, enabled })} />
        {canLock ? <CheckField label={t('editorialLine.lock')} title={t('editorialLine.hints.lock')} checked={rule.locked} onChange={(locked) => onChange({ ...rule, locked })} /> : null}
        <button type="button" className="link danger" onClick={onRemove}>
          {t('editorialLine.removeRule')}
        </button>
      </header>
      {note ? <p className="rule-note">{note}</p> : null}
      <FieldError id={`${id}-kind`} message={error(['kind']) ?? error(['id']) ?? error(['enabled'])} />
      <div className="rule-fields">
        <RuleFields rule={rule} onChange={onChange} error={error} />
      </div>
      <details className="rule-more" open={hasMessage || undefined}>
        <summary>{t('editorialLine.messageAndSource')}</summary>
        <CheckField
          label={t('editorialLine.customMessage')}
          checked={hasMessage}
          onChange={(on) => onChange({ ...rule, message: on ? { fr: '', en: '' } : undefined })}
        />
        {rule.message ? (
          <div className="row">
            <TextField label={t('editorialLine.messageFr')} value={rule.message.fr} error={error(['message', 'fr'])} wide onChange={(fr) => onChange({ ...rule, message: { en: rule.message?.en ?? '', fr } })} />
            <TextField label={t('editorialLine.messageEn')} value={rule.message.en} error={error(['message', 'en'])} wide onChange={(en) => onChange({ ...rule, message: { fr: rule.message?.fr ?? '', en } })} />
          </div>
        ) : null}
        {rule.message ? <p className="hint">{t('editorialLine.hints.message', { vars: '{{term}}, {{mention}}, {{network}}, {{count}}, {{max}}…' })}</p> : null}
        <TextField label={t('editorialLine.source')} value={rule.source ?? ''} error={error(['source'])} wide onChange={(source) => onChange({ ...rule, source: source === '' ? undefined : source })} />
      </details>
    </article>
  );
}
