import { useTranslation } from 'react-i18next';

const UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file's size as the UI language writes it (« 512 ko », « 1,3 Mo »; « 512 kB »), in the unit
 * that keeps the number short: a 1.3 GB backup is « 1,3 Go », not « 1 363 149 Ko ».
 */
export function formatFileSize(bytes: number, locale: string): string {
  let value = Math.max(1, bytes / 1024);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], maximumFractionDigits: unit > 0 && value < 10 ? 1 : 0 }).format(value);
}

/** The number locale of a UI language. */
export const fileSizeLocale = (language: string): string => (language === 'en' ? 'en-GB' : 'fr-FR');

/** `formatFileSize` in the UI's language. */
export function useFileSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const locale = fileSizeLocale(i18n.language);
  return (bytes) => formatFileSize(bytes, locale);
}
