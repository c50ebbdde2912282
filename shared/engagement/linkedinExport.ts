import { z } from 'zod';
import { parsePublishedUrl } from '../publishing/publishedUrl';

/**
 * LinkedIn's own analytics export for a personal profile (Analytics → Post impressions →
 * Export: `Content_<from>_<to>_<Name>.xlsx`, sheets DISCOVERY, ENGAGEMENT, TOP POSTS,
 * FOLLOWERS, DEMOGRAPHICS). What Plume reads:
 * - TOP POSTS: a note row ("Maximum of 50 posts available to include in this list"), a blank
 *   row, then two tables side by side: `Post URL | Post publish date | Engagements`, an empty
 *   column, `Post URL | Post publish date | Impressions` (each sorted by its own figure);
 * - FOLLOWERS: first row `Total followers on <M/D/YYYY>: | <count>`.
 * Dates are US-style M/D/YYYY text (or real dates when a spreadsheet program re-saved it).
 */

export const ExportRow = z.object({
  /** The post's URL as LinkedIn wrote it, and its URN when the URL names one. */
  url: z.string(),
  urn: z.string().nullable(),
  /** The civil date LinkedIn shows (YYYY-MM-DD). */
  publishedOn: z.string().nullable(),
  engagements: z.number().int().nonnegative().nullable(),
  impressions: z.number().int().nonnegative().nullable(),
});
export type ExportRow = z.infer<typeof ExportRow>;

export interface LinkedinExport {
  rows: ExportRow[];
  followers: { count: number; on: string | null } | null;
}

type Cell = unknown;

const text = (cell: Cell): string => (typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '');

/** A count cell: a number, or text with thousands separators ("1,358", "1 358"). */
function count(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const digits = text(cell).replace(/[\s,.\u00a0\u202f]/gu, '');
  return /^\d+$/u.test(digits) ? Number(digits) : null;
}

/** M/D/YYYY text, ISO text or a Date cell → YYYY-MM-DD. */
export function civilDate(cell: Cell): string | null {
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) return cell.toISOString().slice(0, 10);
  const value = text(cell);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(value);
  if (us?.[1] && us[2] && us[3]) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/u.exec(value);
  return iso?.[1] ?? null;
}

const isUrlHeader = (cell: Cell): boolean => text(cell).toLowerCase() === 'post url';

/** The TOP POSTS rows, both tables merged by URL; null when the sheet does not have LinkedIn's header. */
export function readTopPosts(rows: readonly (readonly Cell[])[]): ExportRow[] | null {
  const headerIndex = rows.findIndex((row) => row.some(isUrlHeader));
  const header = rows[headerIndex];
  if (header === undefined) return null;
  const tables: { at: number; metric: 'engagements' | 'impressions' }[] = [];
  header.forEach((cell, at) => {
    if (!isUrlHeader(cell)) return;
    const figure = text(header[at + 2]).toLowerCase();
    if (figure === 'engagements' || figure === 'impressions') tables.push({ at, metric: figure });
  });
  if (tables.length === 0) return null;
  const byUrl = new Map<string, ExportRow>();
  for (const row of rows.slice(headerIndex + 1)) {
    for (const table of tables) {
      const url = text(row[table.at]);
      if (url === '') continue;
      const parsed = parsePublishedUrl('linkedin', url);
      const key = parsed.ok ? parsed.value.remoteId : url;
      const entry = byUrl.get(key) ?? { url, urn: parsed.ok ? parsed.value.remoteId : null, publishedOn: null, engagements: null, impressions: null };
      entry.publishedOn ??= civilDate(row[table.at + 1]);
      entry[table.metric] = count(row[table.at + 2]);
      byUrl.set(key, entry);
    }
  }
  return [...byUrl.values()];
}

/** FOLLOWERS' first line: "Total followers on 12/16/2025:" and the count. */
export function readFollowers(rows: readonly (readonly Cell[])[]): { count: number; on: string | null } | null {
  for (const row of rows.slice(0, 5)) {
    const label = /^total followers on (.+?):?$/iu.exec(text(row[0]));
    const value = count(row[1]);
    if (label?.[1] !== undefined && value !== null) return { count: value, on: civilDate(label[1]) };
  }
  return null;
}
