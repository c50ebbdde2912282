import { useTranslation } from 'react-i18next';
import { warningMessage } from '../../../shared/calendar/messageParams';
import type { PartnerWarning } from '../../../shared/calendar/warningSchema';
import { warningAnchor } from '../../../shared/calendar/warnings';
import type { Partner } from '../../../shared/partners/schema';
import { useDateFormat } from '../ui/useDateFormat';

export interface WarningsPanelProps {
  warnings: PartnerWarning[];
  partnerById: Map<string, Partner>;
  /** Go to the warning's date, highlighting its first post if it has one. */
  onJump: (date: string, postId: string | null) => void;
}

/** The period's editorial-line warnings (cadence, quiet times, holidays, pillars), collapsible. */
export function WarningsPanel({ warnings, partnerById, onJump }: WarningsPanelProps) {
  const { t } = useTranslation();
  const { longDate, monthTitle } = useDateFormat();
  return (
    <details className="warnings-panel" data-testid="warnings-panel">
      <summary>{warnings.length === 0 ? t('calendarUi.warnings.none') : t('calendarUi.warnings.title', { count: warnings.length })}</summary>
      <ul>
        {warnings.map(({ partnerId, warning }, index) => {
          const partner = partnerById.get(partnerId);
          const { key, values } = warningMessage(warning, {
            partner: partner?.displayName ?? '',
            formatDate: longDate,
            formatMonth: monthTitle,
            translate: (name) => t(name),
          });
          return (
            // Warnings have no id of their own; their order is stable for one answer.
            <li key={`${partnerId}|${warning.kind}|${index}`} className={`warning-item kind-${warning.kind}`} style={{ borderLeftColor: partner?.color ?? '#888' }}>
              <button type="button" data-testid="warning-item" onClick={() => onJump(warningAnchor(warning), warning.postIds[0] ?? null)}>
                {t(key, values)}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
