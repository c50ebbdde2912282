import { useTranslation } from 'react-i18next';

/** A small count of editorial-line warnings on a day or a partner's lane; the panel lists them. */
export function WarningBadge({ count, testId }: { count: number; testId: string }) {
  const { t } = useTranslation();
  const label = t('calendarUi.warnings.badge', { count });
  return (
    <span className="warning-badge" data-testid={testId} title={label} aria-label={label}>
      ⚠&#xFE0E; {count}
    </span>
  );
}
