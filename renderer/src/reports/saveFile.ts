import type { ReportFile } from '../../../shared/api/procedures/reports';
import { saveFile as saveAnyFile } from '../ui/saveFile';

/** True inside the desktop app (the preload's bridge is there), false in browser mode. */
export const isDesktop = (): boolean => window.plumeBridge !== undefined;

/** Hands a report file to the user as a download (see ui/saveFile.ts). */
export function saveFile(file: ReportFile): void {
  saveAnyFile(file);
}
