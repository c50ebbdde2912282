import type { ExportRow } from '../../../shared/engagement/linkedinExport';
import type { Figures, LinkedinImportResult } from '../../../shared/engagement/figures';
import { localParts } from '../../../shared/calendar/zonedTime';
import { parsePublishedUrl } from '../../../shared/publishing/publishedUrl';
import type { LinkedinCandidate } from './repository';

export interface ImportPlan {
  result: Omit<LinkedinImportResult, 'followers' | 'readAt'>;
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
 * activity URN the export names). Anything else is shown as unmatched, never guessed.
 */
export function planLinkedinImport(rows: readonly ExportRow[], candidates: readonly LinkedinCandidate[], zone: string): ImportPlan {
  const byUrn = new Map<string, LinkedinCandidate>();
  for (const candidate of candidates) {
    for (const urn of [candidate.remoteId, urnOf(candidate.url)]) if (urn !== null) byUrn.set(urn, candidate);
  }
  const urnMatched = new Set(rows.flatMap((row) => (row.urn !== null && byUrn.has(row.urn) ? [byUrn.get(row.urn)?.publicationId] : [])));
  const result: ImportPlan['result'] = { matched: [], unmatched: [] };
  const readings: ImportPlan['readings'] = [];
  for (const row of rows) {
    const shown = { url: row.url, publishedOn: row.publishedOn, engagements: row.engagements, impressions: row.impressions };
    let match: LinkedinCandidate | undefined = row.urn === null ? undefined : byUrn.get(row.urn);
    let by: 'url' | 'date' = 'url';
    if (match === undefined) {
      const sameDay = candidates.filter((candidate) => !urnMatched.has(candidate.publicationId) && localParts(candidate.publishedAt, zone).date === row.publishedOn);
      if (sameDay.length > 1) {
        result.unmatched.push({ ...shown, reason: 'ambiguous' });
        continue;
      }
      match = sameDay[0];
      by = 'date';
    }
    if (match === undefined) {
      result.unmatched.push({ ...shown, reason: 'noPost' });
      continue;
    }
    result.matched.push({ ...shown, postId: match.postId, title: match.title, by });
    const figures: Figures = {
      ...(row.engagements === null ? {} : { engagements: row.engagements }),
      ...(row.impressions === null ? {} : { impressions: row.impressions }),
    };
    if (Object.keys(figures).length > 0) readings.push({ publicationId: match.publicationId, figures });
  }
  return { result, readings };
}
