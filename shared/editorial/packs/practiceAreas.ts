import { fold } from '../text/fold';

export const MAX_DOMINANT_PRACTICE_AREAS = 3;

export interface PracticeAreasCheck {
  ok: boolean;
  /** Distinct areas (case and accents aside). */
  count: number;
  max: number;
  /** Areas listed more than once, as first written. */
  duplicates: string[];
  messageKey: 'editorial.finding.tooManyPracticeAreas';
  params: { count: number; max: number };
  source: string;
}

/** A lawyer's bio shows at most 3 "domaines d'activités dominantes" (CNB, 28 May 2020). */
export function checkDominantPracticeAreas(areas: readonly string[], max: number = MAX_DOMINANT_PRACTICE_AREAS): PracticeAreasCheck {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const area of areas) {
    const key = fold(area).replace(/\s+/gu, ' ').trim();
    if (!key) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, area.trim());
    else if (!duplicates.includes(first)) duplicates.push(first);
  }
  const count = seen.size;
  return {
    ok: count <= max,
    count,
    max,
    duplicates,
    messageKey: 'editorial.finding.tooManyPracticeAreas',
    params: { count, max },
    source: 'CNB, décision du 28 mai 2020 (domaines d’activités dominantes)',
  };
}
