import { useTranslation } from 'react-i18next';
import type { LineIssueDetails } from '../../../shared/api/procedures/editorial';
import { issueFieldPath } from './lineErrors';
import type { LineIssue } from './lineErrors';

/** Field names as the editor labels them; anything else is shown as its path. */
const FIELD_KEYS = new Set([
  'name', 'language', 'rules', 'disabled', 'cadence', 'pillars', 'id', 'kind', 'severity', 'message', 'source', 'terms', 'term', 'replacement',
  'topic', 'text', 'pattern', 'networks', 'required', 'allowed', 'max', 'position', 'allowedDomains', 'shorteners', 'medium', 'campaign', 'domains',
  'targets', 'maxWords', 'minLetters', 'allow', 'expected', 'postsPerWeek', 'maxPerDay', 'quietDays', 'quietHours', 'blackoutDates', 'pillarTargets',
  'share', 'pillar', 'from', 'to', 'min', 'fr', 'en',
]);

/**
 * Every problem of a refused save or import, each naming its rule (number, id and kind as
 * written) and its field: « Règle 3 « jargon » (Termes proscrits), terme 1 : … ».
 */
export function IssueList({ issues, rules }: { issues: readonly LineIssue[]; rules: LineIssueDetails['rules'] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const named = (part: string): string => (FIELD_KEYS.has(part) ? t(`editorialLine.fieldNames.${part}`) : part);
  const fieldPath = (parts: readonly (string | number)[]): string => issueFieldPath(parts, named);

  return (
    <ul className="issue-list" data-testid="issue-list">
      {issues.map((issue, index) => {
        const [head, ruleIndex, ...rest] = issue.path;
        const rule = head === 'rules' && typeof ruleIndex === 'number' ? rules.find((r) => r.index === ruleIndex) : undefined;
        const where =
          head === 'rules' && typeof ruleIndex === 'number'
            ? t('editorialLine.issue.inRule', {
                n: ruleIndex + 1,
                id: rule?.id ?? '?',
                kind: rule?.kind ? t(`editorial.kind.${rule.kind}`, { defaultValue: rule.kind }) : '?',
                field: rest.length > 0 ? fieldPath(rest) : t('editorialLine.issue.wholeRule'),
              })
            : issue.path.length > 0
              ? fieldPath(issue.path)
              : t('editorialLine.issue.wholeLine');
        return (
          <li key={index}>
            {t('editorialLine.issue.line', { where, message: t(issue.messageKey, { ...issue.params, defaultValue: t('errors.invalid') }) })}
          </li>
        );
      })}
    </ul>
  );
}
