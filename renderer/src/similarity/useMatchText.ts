import { useTranslation } from 'react-i18next';
import type { SimilarityMatch } from '../../../shared/similarity/schema';
import { formatInZone } from '../../../shared/time/wallClock';
import { dateLocales } from '../i18n';
import type { UiLocale } from '../i18n';
import { useZoneDataVersion } from '../time/zoneTables';

/** A match in words: « Très proche du post de Dana (12 mars) : 68 % de passages identiques ». */
export function useMatchText() {
  const { t, i18n } = useTranslation();
  useZoneDataVersion();
  const locale = dateLocales[(i18n.language as UiLocale) in dateLocales ? (i18n.language as UiLocale) : 'fr'];
  // The other post's date in its own zone, through Plume's tz tables.
  const date = (match: SimilarityMatch) => formatInZone(match.at, match.zone, 'd MMMM', locale);
  return {
    date,
    finding: (match: SimilarityMatch) =>
      t('similarity.finding', {
        closeness: t(match.level === 'strong' ? 'similarity.strong' : 'similarity.warn'),
        partner: match.partnerName,
        date: date(match),
        percent: match.sharePercent,
      }),
    signoffNote: (match: SimilarityMatch) => t('similarity.signoffNote', { partner: match.partnerName, date: date(match), percent: match.sharePercent }),
  };
}
