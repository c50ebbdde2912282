import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule, RuleKind } from '../../../shared/editorial/ruleSchema';
import type { IssueIndex } from './lineErrors';
import { RuleCard } from './RuleCard';
import { kindOrder, newRule } from './ruleTemplates';

export interface RulesSectionProps {
  title: string;
  rules: readonly Rule[];
  onChange: (rules: Rule[]) => void;
  issues: IssueIndex;
  canLock: boolean;
  /** Ids a new rule must not take (a partner's new rule must not land on a firm rule's id by accident). */
  reservedIds?: ReadonlySet<string>;
  noteFor?: (rule: Rule) => ReactNode;
  empty: string;
}

/** A line's rules listed by kind, each editable, with "add a rule of kind …". */
export function RulesSection({ title, rules, onChange, issues, canLock, reservedIds, noteFor, empty }: RulesSectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<RuleKind>('bannedTerm');
  const ordered = rules.map((rule, index) => ({ rule, index })).sort((a, b) => kindOrder.indexOf(a.rule.kind) - kindOrder.indexOf(b.rule.kind) || a.index - b.index);

  const add = () => {
    const taken = new Set([...rules.map((r) => r.id), ...(reservedIds ?? [])]);
    onChange([...rules, newRule(kind, taken)]);
  };

  return (
    <section className="line-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rules.length === 0 ? <p className="empty">{empty}</p> : null}
      <div className="rule-list">
        {ordered.map(({ rule, index }) => (
          <RuleCard
            key={`${String(index)}-${rule.id}`}
            rule={rule}
            canLock={canLock}
            note={noteFor?.(rule)}
            invalid={issues.under(['rules', index])}
            error={(path) => issues.at(['rules', index, ...path])}
            onChange={(next) => onChange(rules.map((r, i) => (i === index ? next : r)))}
            onRemove={() => onChange(rules.filter((_, i) => i !== index))}
          />
        ))}
      </div>
      <div className="actions add-rule">
        <label htmlFor={`${id}-kind`}>{t('editorialLine.addRuleOfKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(kindOrder.find((k) => k === e.target.value) ?? 'bannedTerm')}>
          {kindOrder.map((k) => (
            <option key={k} value={k}>
              {t(`editorial.kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={add}>
          {t('editorialLine.addRule')}
        </button>
      </div>
    </section>
  );
}
