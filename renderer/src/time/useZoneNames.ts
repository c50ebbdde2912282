import { useTranslation } from 'react-i18next';
import { zoneCity, zoneTimeName } from '../../../shared/time/zoneNames';

/** Zones named in the UI language, the same names as in the e-mail and the report. */
export function useZoneNames() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'fr';
  return {
    /** "Montréal" */
    city: (zone: string) => zoneCity(zone, locale),
    /** "heure de Montréal", "Montreal time" */
    timeName: (zone: string) => zoneTimeName(zone, locale),
  };
}
