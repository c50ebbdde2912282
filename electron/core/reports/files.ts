import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pauseHereForCrashTest } from '../crashTestHook';
import type { ReportFormatName } from '../../../shared/api/procedures/reports';
import type { Locale } from '../../../shared/partners/schema';

/** 'Me Élise Fontaine-Hébert' → 'me-elise-fontaine-hebert': file names every OS and mail client accept. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 40).replace(/-+$/, '') || 'partner';
}

/** File names in the report's own language: a French partner's report is a « rapport ». */
const NAMES: Record<Locale, { report: string; reports: string; allPartners: string }> = {
  fr: { report: 'plume-rapport', reports: 'plume-rapports', allPartners: 'tous-les-partenaires' },
  en: { report: 'plume-report', reports: 'plume-reports', allPartners: 'all-partners' },
};

/** plume-rapport-2026-10-me-claire-dupont-1a2b3c4d.pdf (plume-report-… in English) — the id suffix keeps namesakes apart. */
export const partnerFileName = (month: string, partner: { id: string; displayName: string }, format: ReportFormatName, locale: Locale): string =>
  `${NAMES[locale].report}-${month}-${slug(partner.displayName)}-${partner.id.slice(0, 8)}.${format}`;

/** plume-rapport-2026-10-tous-les-partenaires.csv, plume-report-2026-10-all-partners.csv. */
export const allPartnersFileName = (month: string, format: ReportFormatName, locale: Locale): string =>
  `${NAMES[locale].report}-${month}-${NAMES[locale].allPartners}.${format}`;

/** The folder an export of every partner goes to: plume-rapports-2026-10, plume-reports-2026-10. */
export const exportAllFolderName = (month: string, locale: Locale): string => `${NAMES[locale].reports}-${month}`;

/** What a killed export left beside `path` (`<name>.<hex>.part`): never a report, removed before the next write. */
async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => []);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && /^[0-9a-f]{8}\.part$/.test(name.slice(prefix.length)))
      .map((name) => rm(join(dirname(path), name), { force: true })),
  );
}

/**
 * Written beside, flushed to disk, then renamed: a reader never sees half a report, a failure
 * (even kill -9) leaves none under the report's name.
 */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await removeLeftovers(path);
  const temporary = `${path}.${randomBytes(4).toString('hex')}.part`;
  try {
    await writeFile(temporary, bytes, { flush: true });
    pauseHereForCrashTest('report-before-rename');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
