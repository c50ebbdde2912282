import { fileDateOrder, possibleDays } from '../../../shared/engagement/exportDates';
import type { DateOrder } from '../../../shared/engagement/exportDates';
import type { LinkedinExport } from '../../../shared/engagement/linkedinExport';
import type { Figures, LinkedinImportResult } from '../../../shared/engagement/figures';
import { localParts } from '../../../shared/calendar/zonedTime';
import { parsePublishedUrl } from '../../../shared/publishing/publishedUrl';
import type { LinkedinCandidate } from './repository';

export interface ImportPlan {
  result: Omit<LinkedinImportResult, 'readAt'>;
  /** What to record: each matched row's figures on its publication. */
  readings: { publicationId: number; figures: Figures }[];
}

const urnOf = (url: string | null): string | null => {
  if (url === null) return null;
  const parsed = parsePublishedUrl('linkedin', url);
  return parsed.ok ? parsed.value.remoteId : null;
};

/**
 * Each export row to Plume's post: by URN first (a post published by hand keeps the URL
 * pasted back); else by the day LinkedIn shows, in the partner's zone, when exactly one of
 * their LinkedIn posts went out that day (an API-published post's share URN is not the
 * activity URN the export names). The file's dates are read in one order for the whole file
 * (exportDates.ts), else in the order the user chose; a date that still reads as two days is
 * matched only when neither day has a post (then there is none), and otherwise asked about.
 * Anything else is shown as unmatched with why, never guessed.
 */
export function planLinkedinImport(file: LinkedinExport, candidates: readonly LinkedinCandidate[], zone: string, chosen?: DateOrder): ImportPlan {
  const byUrn = new Map<string, LinkedinCandidate>();
  for (const candidate of candidates) {
    for (const urn of [candidate.remoteId, urnOf(candidate.url)]) if (urn !== null) byUrn.set(urn, candidate);
  }
  const fromFile = fileDateOrder([...file.rows.map((row) => row.date), ...(file.followers ? [file.followers.on] : [])]);
  const dateOrder: ImportPlan['result']['dateOrder'] = fromFile !== null ? { order: fromFile, by: 'file' } : chosen !== undefined ? { order: chosen, by: 'user' } : null;
  const order = dateOrder?.order ?? null;
  const urnMatched = new Set(file.rows.flatMap((row) => (row.urn !== null && byUrn.has(row.urn) ? [byUrn.get(row.urn)?.publicationId] : [])));
  const postsOn = (day: string) => candidates.filter((candidate) => !urnMatched.has(candidate.publicationId) && localParts(candidate.publishedAt, zone).date === day);
  const result: Omit<ImportPlan['result'], 'followers'> = { matched: [], unmatched: [], dateOrder, repeatedHeaders: file.repeatedHeaders };
  const readings: ImportPlan['readings'] = [];
  for (const row of file.rows) {
    const days = possibleDays(row.date, order);
    const shown = {
      url: row.url,
      dateText: row.date.kind === 'none' ? null : row.date.text,
      publishedOn: days.length === 1 ? (days[0] ?? null) : null,
      engagements: row.engagements,
      impressions: row.impressions,
    };
    const unmatched = (reason: ImportPlan['result']['unmatched'][number]['reason']) => result.unmatched.push({ ...shown, reason, possibleDays: days.length > 1 ? days : [] });
    let match: LinkedinCandidate | undefined = row.urn === null ? undefined : byUrn.get(row.urn);
    let by: 'url' | 'date' = 'url';
    if (match === undefined) {
      if (row.date.kind !== 'none' && days.length === 0) {
        unmatched('badDate');
        continue;
      }
      const onEachDay = days.map(postsOn);
      if (onEachDay.length > 1) {
        unmatched(onEachDay.every((posts) => posts.length === 0) ? 'noPost' : 'dateOrder');
        continue;
      }
      const sameDay = onEachDay[0] ?? [];
      if (sameDay.length > 1) {
        unmatched('ambiguous');
        continue;
      }
      match = sameDay[0];
      by = 'date';
    }
    if (match === undefined) {
      unmatched('noPost');
      continue;
    }
    result.matched.push({ ...shown, postId: match.postId, title: match.title, postPublishedAt: match.publishedAt, by });
    const figures: Figures = {
      ...(row.engagements === null ? {} : { engagements: row.engagements }),
      ...(row.impressions === null ? {} : { impressions: row.impressions }),
    };
    if (Object.keys(figures).length > 0) readings.push({ publicationId: match.publicationId, figures });
  }
  const followersDays = file.followers ? possibleDays(file.followers.on, order) : [];
  const followers = file.followers ? { count: file.followers.count, on: followersDays.length === 1 ? (followersDays[0] ?? null) : null } : null;
  return { result: { ...result, followers }, readings };
}
