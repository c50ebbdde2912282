import { parsePublishedUrl } from '../publishing/publishedUrl';
import { writtenDate } from './exportDates';
import type { WrittenDate } from './exportDates';

/**
 * LinkedIn's own analytics export for a personal profile (Analytics → Post impressions →
 * Export: `Content_<from>_<to>_<Name>.xlsx`, sheets DISCOVERY, ENGAGEMENT, TOP POSTS,
 * FOLLOWERS, DEMOGRAPHICS). What Plume reads:
 * - TOP POSTS: a note row ("Maximum of 50 posts available to include in this list"), a blank
 *   row, then two tables side by side: `Post URL | Post publish date | Engagements`, an empty
 *   column, `Post URL | Post publish date | Impressions` (each sorted by its own figure);
 * - FOLLOWERS: first row `Total followers on <M/D/YYYY>: | <count>`.
 * Dates are US-style M/D/YYYY text, D/M/YYYY once a French spreadsheet re-saved it, or real
 * dates: which day a date is, is decided for the whole file (exportDates.ts).
 */

/** One post of TOP POSTS, both tables merged. */
export interface ExportRow {
  /** The post's URL as LinkedIn wrote it, and its URN when the URL names one. */
  url: string;
  urn: string | null;
  /** The publish date as written; which day it is depends on the whole file (exportDates.ts). */
  date: WrittenDate;
  engagements: number | null;
  impressions: number | null;
}

export interface TopPosts {
  rows: ExportRow[];
  /** Copies of the header row among the posts (files pasted together): skipped. */
  repeatedHeaders: number;
}

export interface LinkedinExport extends TopPosts {
  followers: { count: number; on: WrittenDate } | null;
}

type Cell = unknown;

const text = (cell: Cell): string => (typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '');

/** A count cell: a number, or text with thousands separators ("1,358", "1 358"). */
function count(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const digits = text(cell).replace(/[\s,.\u00a0\u202f]/gu, '');
  return /^\d+$/u.test(digits) ? Number(digits) : null;
}

const isUrlHeader = (cell: Cell): boolean => text(cell).toLowerCase() === 'post url';

/** The TOP POSTS rows, both tables merged by URL; null when the sheet does not have LinkedIn's header. */
export function readTopPosts(rows: readonly (readonly Cell[])[]): TopPosts | null {
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
  let repeatedHeaders = 0;
  for (const row of rows.slice(headerIndex + 1)) {
    if (tables.some((table) => isUrlHeader(row[table.at]))) {
      repeatedHeaders += 1;
      continue;
    }
    for (const table of tables) {
      const url = text(row[table.at]);
      if (url === '') continue;
      const parsed = parsePublishedUrl('linkedin', url);
      const key = parsed.ok ? parsed.value.remoteId : url;
      const entry = byUrl.get(key) ?? { url, urn: parsed.ok ? parsed.value.remoteId : null, date: { kind: 'none' }, engagements: null, impressions: null };
      if (entry.date.kind === 'none') entry.date = writtenDate(row[table.at + 1]);
      entry[table.metric] = count(row[table.at + 2]);
      byUrl.set(key, entry);
    }
  }
  return { rows: [...byUrl.values()], repeatedHeaders };
}

/** FOLLOWERS' first line: "Total followers on 12/16/2025:" and the count. */
export function readFollowers(rows: readonly (readonly Cell[])[]): LinkedinExport['followers'] {
  for (const row of rows.slice(0, 5)) {
    const label = /^total followers on (.+?):?$/iu.exec(text(row[0]));
    const value = count(row[1]);
    if (label?.[1] !== undefined && value !== null) return { count: value, on: writtenDate(label[1]) };
  }
  return null;
}
