import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { networkLabels } from '../../../shared/posts/networks';
import type { Partner } from '../../../shared/partners/schema';
import './digest.css';

/**
 * The calendar's cadence flag: partners silent past the weekly minimum of their editorial line
 * (shared/digest/cadenceFlag.ts), each network on its own line in the badge's details.
 */
export function CadenceFlagBadge({ partnerById }: { partnerById: ReadonlyMap<string, Pick<Partner, 'displayName'>> }) {
  const { t } = useTranslation();
  const flags = useQuery({ queryKey: ['digest', 'cadenceFlags'], queryFn: () => api.call('digest.cadenceFlags', {}) }).data;
  if (!flags || flags.length === 0) return null;
  return (
    <details className="cadence-flag" data-testid="cadence-flag">
      <summary className="badge">{t('digest.cadence.badge', { count: flags.length })}</summary>
      <ul>
        {flags.flatMap((flag) =>
          flag.silent.map((row) => {
            const params = { partner: partnerById.get(flag.partnerId)?.displayName ?? '', network: networkLabels[row.network], min: row.minPerWeek };
            return (
              <li key={`${flag.partnerId}-${row.network}`}>
                {row.lastPublishedAt === null ? t('digest.cadence.never', params) : t('digest.cadence.since', { ...params, days: row.daysSilent })}
              </li>
            );
          }),
        )}
      </ul>
    </details>
  );
}
