import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorialLine, PartnerLine } from '../../../shared/editorial/lineSchema';
import type { Rule } from '../../../shared/editorial/ruleSchema';
import type { IssueIndex } from './lineErrors';

export interface FirmRulesForPartnerProps {
  firm: EditorialLine;
  draft: PartnerLine;
  onChange: (draft: PartnerLine) => void;
  issues: IssueIndex;
}

type State = 'inherited' | 'tightened' | 'switchedOff' | 'offByFirm';

/**
 * The firm's rules as they apply to this partner: inherited as they are, tightened (the
 * partner's own rule of the same id, edited below), or switched off for this partner —
 * except locked rules, which a partner can only tighten.
 */
export function FirmRulesForPartner({ firm, draft, onChange, issues }: FirmRulesForPartnerProps) {
  const { t } = useTranslation();
  const id = useId();
  const own = new Set(draft.rules.map((r) => r.id));
  const disabled = new Set(draft.disabled);
  const firmIds = new Set(firm.rules.map((r) => r.id));
  const stale = draft.disabled.map((ruleId, index) => ({ ruleId, index })).filter(({ ruleId }) => !firmIds.has(ruleId) && !own.has(ruleId));

  const stateOf = (rule: Rule): State => (!rule.enabled ? 'offByFirm' : disabled.has(rule.id) ? 'switchedOff' : own.has(rule.id) ? 'tightened' : 'inherited');
  const tighten = (rule: Rule) => onChange({ ...draft, rules: [...draft.rules, { ...rule, locked: false, enabled: true }] });
  const untighten = (rule: Rule) => onChange({ ...draft, rules: draft.rules.filter((r) => r.id !== rule.id) });
  const switchOff = (rule: Rule) => onChange({ ...draft, disabled: [...draft.disabled, rule.id] });
  const switchOn = (ruleId: string) => onChange({ ...draft, disabled: draft.disabled.filter((d) => d !== ruleId) });

  return (
    <section className="line-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('editorialLine.partner.firmRules', { version: firm.version })}</h2>
      <p className="hint">{t('editorialLine.partner.firmRulesHint')}</p>
      {firm.rules.length === 0 ? <p className="empty">{t('editorialLine.partner.noFirmRules')}</p> : null}
      <ul className="firm-rules">
        {firm.rules.map((rule) => {
          const state = stateOf(rule);
          const index = draft.disabled.indexOf(rule.id);
          const problem = index >= 0 ? issues.at(['disabled', index]) : undefined;
          return (
            <li key={rule.id} className={`firm-rule ${state}`} data-testid="firm-rule" data-rule-id={rule.id}>
              <span className={`severity ${rule.severity}`}>{t(`editorial.severity.${rule.severity}`)}</span>
              <span className="firm-rule-name" title={t('editorialLine.ruleIdTitle', { id: rule.id })}>
                {t(`editorial.kind.${rule.kind}`)}
                {rule.locked ? <span className="badge lock">{t('editorialLine.locked')}</span> : null}
              </span>
              <span className="firm-rule-state">{t(`editorialLine.partner.state.${state}`)}</span>
              <span className="actions">
                {state === 'inherited' ? (
                  <>
                    <button type="button" onClick={() => tighten(rule)}>
                      {t('editorialLine.partner.tighten')}
                    </button>
                    <button type="button" disabled={rule.locked} title={rule.locked ? t('editorial.resolve.lockedRule') : undefined} onClick={() => switchOff(rule)}>
                      {t('editorialLine.partner.switchOff')}
                    </button>
                  </>
                ) : null}
                {state === 'tightened' ? (
                  <button type="button" onClick={() => untighten(rule)}>
                    {t('editorialLine.partner.untighten')}
                  </button>
                ) : null}
                {state === 'switchedOff' ? (
                  <button type="button" onClick={() => switchOn(rule.id)}>
                    {t('editorialLine.partner.switchOn')}
                  </button>
                ) : null}
              </span>
              {problem ? <p className="field-error">{problem}</p> : null}
            </li>
          );
        })}
        {stale.map(({ ruleId, index }) => (
          <li key={`stale-${ruleId}`} className="firm-rule stale">
            <span className="firm-rule-name">
              <code className="rule-id">{ruleId}</code>
            </span>
            <span className="firm-rule-state">{issues.at(['disabled', index]) ?? t('editorial.resolve.unknownRule')}</span>
            <button type="button" onClick={() => switchOn(ruleId)}>
              {t('editorialLine.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
