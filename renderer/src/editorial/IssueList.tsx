import { useTranslation } from 'react-i18next';
import type { LineIssueDetails } from '../../../shared/api/procedures/editorial';
import type { Rule } from '../../../shared/editorial/ruleSchema';
import { networkLabels } from '../../../shared/posts/networks';
import { afterColon, issueFieldPath } from './lineErrors';
import type { ItemNamer, LineIssue } from './lineErrors';

/** Field names as the editor labels them; anything else is shown as its path. */
const FIELD_KEYS = new Set([
  'name', 'language', 'rules', 'disabled', 'cadence', 'pillars', 'id', 'kind', 'severity', 'message', 'source', 'terms', 'term', 'replacement',
  'topic', 'text', 'pattern', 'networks', 'required', 'allowed', 'max', 'position', 'allowedDomains', 'shorteners', 'medium', 'campaign', 'domains',
  'targets', 'maxWords', 'minLetters', 'allow', 'expected', 'postsPerWeek', 'maxPerDay', 'quietDays', 'quietHours', 'blackoutDates', 'pillarTargets',
  'share', 'pillar', 'from', 'to', 'min', 'fr', 'en', 'snippetId',
]);

export interface IssueListProps {
  issues: readonly LineIssue[];
  /** The rules the issues point into: their number, id and kind. */
  rules: LineIssueDetails['rules'];
  /** The line's rules as the form holds them, when it has them: a length target is then named by its network (« X »). */
  lineRules?: readonly Rule[];
}

/**
 * Every problem of a refused save or import, each naming its rule by its kind (its number only
 * when two rules share that kind) and its field in words, never by ids or paths:
 * « Longueur cible, X : au plus 279. », « Hashtags, maximum : au moins 0. ».
 */
export function IssueList({ issues, rules, lineRules }: IssueListProps) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const named = (part: string): string => (FIELD_KEYS.has(part) ? t(`editorialLine.fieldNames.${part}`) : part);
  const itemNamer =
    (ruleIndex: number): ItemNamer =>
    (list, index) => {
      if (list !== 'targets') return undefined;
      const rule = lineRules?.[ruleIndex];
      const target = rule?.kind === 'lengthTarget' ? rule.targets[index] : undefined;
      return { name: target ? networkLabels[target.network] : `${t('editorialLine.fieldNames.target')} ${String(index + 1)}`, itself: 'max' };
    };
  const sameKind = (kind: string | null): number => rules.filter((r) => r.kind === kind).length;

  return (
    <ul className="issue-list" data-testid="issue-list">
      {issues.map((issue, index) => {
        const [head, ruleIndex, ...rest] = issue.path;
        let where: string;
        if (head === 'rules' && typeof ruleIndex === 'number') {
          const rule = rules.find((r) => r.index === ruleIndex);
          const n = ruleIndex + 1;
          const ruleName =
            rule?.kind === undefined || rule.kind === null
              ? t('editorialLine.issue.ruleNumber', { n })
              : sameKind(rule.kind) > 1
                ? t('editorialLine.issue.kindNumbered', { kind: t(`editorial.kind.${rule.kind}`, { defaultValue: rule.kind }), n })
                : t(`editorial.kind.${rule.kind}`, { defaultValue: rule.kind });
          where = rest.length > 0 ? t('editorialLine.issue.inRule', { rule: ruleName, field: issueFieldPath(rest, named, itemNamer(ruleIndex)) }) : ruleName;
        } else where = issue.path.length > 0 ? issueFieldPath(issue.path, named) : t('editorialLine.issue.wholeLine');
        const message = t(issue.messageKey, { ...issue.params, defaultValue: t('errors.invalid') });
        return <li key={index}>{t('editorialLine.issue.line', { where, message: afterColon(message) })}</li>;
      })}
    </ul>
  );
}
