import { describe, expect, it } from 'vitest';
import { turnaroundChart, weeklyChart } from '../../../electron/core/reports/render/svg';
import { reportFormat } from '../../../shared/reports/format';
import { reportMessages } from '../../../shared/reports/messages';
import type { WeekRow } from '../../../shared/reports/model';

const fmt = reportFormat('fr', 'Europe/Paris');
const m = reportMessages.fr;
const week = (isoWeek: number, from: string, to: string, complete: boolean, linkedin: number, x: number): WeekRow => ({
  isoWeekYear: 2026,
  isoWeek,
  weekStart: from,
  from,
  to,
  complete,
  byNetwork: [
    { network: 'linkedin' as const, count: linkedin },
    { network: 'x' as const, count: x },
  ].filter((n) => n.count > 0),
  total: linkedin + x,
});

describe('SVG charts', () => {
  it('are images with a title and a description that says the numbers in words', () => {
    const svg = weeklyChart('c1', [week(40, '2026-10-01', '2026-10-04', false, 0, 0), week(41, '2026-10-05', '2026-10-11', true, 2, 1)], fmt, m);
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="c1-t c1-d"/);
    expect(svg).toContain('<title id="c1-t">Publications par semaine et par réseau</title>');
    expect(svg).toContain('<desc id="c1-d">Semaine 40 (1–4 oct.): 0; Semaine 41 (5–11 oct.): 3 — LinkedIn 2, X 1</desc>');
  });

  it('label every bar with its value as text, and mark partial weeks', () => {
    const svg = weeklyChart('c1', [week(40, '2026-10-01', '2026-10-04', false, 1, 0), week(41, '2026-10-05', '2026-10-11', true, 2, 1)], fmt, m);
    expect(svg).toContain('>S40*</text>');
    expect(svg).toContain('>S41</text>');
    expect(svg).toMatch(/font-weight="700" text-anchor="middle" fill="#1f2328">3<\/text>/);
  });

  it('name no URL (inline SVG in HTML needs no xmlns) and escape what they print', () => {
    const svg = turnaroundChart('t', [3_600_000, 30 * 3_600_000], '#1d4ed8', fmt, m);
    expect(svg).not.toMatch(/https?:/);
    expect(svg).toContain('&#60; 4 h');
    expect(svg).toContain('<desc id="t-d">&#60; 4 h: 1; 4 à 24 h: 0; 1 à 2 j: 1; 2 à 3 j: 0; 3 à 7 j: 0; &#62; 7 j: 0</desc>');
  });
});
