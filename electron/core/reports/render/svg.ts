import { networkLabels, networks } from '../../../../shared/posts/networks';
import type { Network } from '../../../../shared/posts/networks';
import type { ReportFormat } from '../../../../shared/reports/format';
import type { ReportMessages } from '../../../../shared/reports/messages';
import { fill } from '../../../../shared/reports/messages';
import type { PillarMix, WeekRow } from '../../../../shared/reports/model';
import { inkOn } from './colour';
import { escapeHtml as esc } from './escape';

/**
 * Charts as inline SVG drawn from the numbers: no library, no script, nothing to load. Each
 * chart is an image with a <title> and a <desc> that says in words what it shows, and every
 * bar carries its value as text (readable printed in black and white, and by a screen reader).
 * No xmlns: inline SVG in HTML needs none, and the document then names no URL at all.
 */

/** Okabe–Ito colours: told apart by colour-blind readers, and printed. */
export const networkColours: Record<Network, string> = {
  linkedin: '#0072B2',
  x: '#3f3f46',
  mastodon: '#CC79A7',
  bluesky: '#56B4E9',
  facebook: '#E69F00',
  instagram: '#D55E00',
  threads: '#009E73',
};

const n = (value: number): string => String(Math.round(value * 10) / 10);

function open(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMidYMid meet">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>`
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${esc(content)}</text>`;
}

/** A round axis top: 1–5 by ones, then by 2, 5, 10… with at most ~6 ticks. */
function axis(max: number): { top: number; step: number } {
  if (max <= 5) return { top: Math.max(1, max), step: 1 };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

export function weekLabel(week: WeekRow, m: ReportMessages): string {
  return `${fill(m.week, { week: week.isoWeek })}${week.complete ? '' : '*'}`;
}

export function weekRange(week: WeekRow, fmt: ReportFormat): string {
  const from = Number(week.from.slice(8));
  return week.from === week.to ? fmt.localDate(week.to) : `${from}–${fmt.localDate(week.to)}`;
}

/** Publications per ISO week, stacked by network, with each week's total above its bar. */
export function weeklyChart(id: string, weeks: readonly WeekRow[], fmt: ReportFormat, m: ReportMessages): string {
  const width = 680;
  const height = 230;
  const left = 34;
  const right = 8;
  const top = 34;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const present = networks.filter((net) => weeks.some((w) => w.byNetwork.some((b) => b.network === net && b.count > 0)));
  const { top: yTop, step } = axis(Math.max(0, ...weeks.map((w) => w.total)));
  const y = (value: number) => top + plotH - (value / yTop) * plotH;
  const band = plotW / Math.max(1, weeks.length);
  const barW = Math.min(58, band * 0.56);

  const desc = weeks
    .map((w) => {
      const parts = w.byNetwork.map((b) => `${networkLabels[b.network]} ${fmt.int(b.count)}`).join(', ');
      return `${fill(m.weekTitle, { week: w.isoWeek })} (${weekRange(w, fmt)}): ${fmt.int(w.total)}${parts ? ` — ${parts}` : ''}`;
    })
    .join('; ');
  const out = [open(id, width, height, m.sections.perWeek, desc)];

  // Legend, top left.
  let lx = left;
  for (const net of present) {
    out.push(`<rect x="${lx}" y="6" width="11" height="11" rx="2" fill="${networkColours[net]}"/>`);
    out.push(text(lx + 16, 15.5, networkLabels[net], 'font-size="11" fill="#1f2328"'));
    lx += 26 + networkLabels[net].length * 6.6;
  }

  for (let v = 0; v <= yTop; v += step) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="${v === 0 ? '#1f2328' : '#d8dee4'}" stroke-width="${v === 0 ? 1 : 0.6}"/>`);
    out.push(text(left - 6, y(v) + 3.5, fmt.int(v), 'font-size="10" text-anchor="end" fill="#59636e"'));
  }

  weeks.forEach((week, i) => {
    const cx = left + band * i + band / 2;
    let base = 0;
    for (const net of networks) {
      const value = week.byNetwork.find((b) => b.network === net)?.count ?? 0;
      if (value === 0) continue;
      const y0 = y(base);
      const y1 = y(base + value);
      const colour = networkColours[net];
      out.push(`<rect x="${n(cx - barW / 2)}" y="${n(y1)}" width="${n(barW)}" height="${n(y0 - y1)}" fill="${colour}"${week.complete ? '' : ' fill-opacity="0.55"'}/>`);
      if (y0 - y1 >= 14 && week.byNetwork.length > 1) out.push(text(cx, (y0 + y1) / 2 + 4, fmt.int(value), `font-size="10" text-anchor="middle" fill="${inkOn(colour)}"`));
      base += value;
    }
    out.push(text(cx, y(week.total) - 5, fmt.int(week.total), 'font-size="11" font-weight="700" text-anchor="middle" fill="#1f2328"'));
    out.push(text(cx, height - bottom + 15, weekLabel(week, m), 'font-size="11" font-weight="600" text-anchor="middle" fill="#1f2328"'));
    out.push(text(cx, height - bottom + 29, weekRange(week, fmt), 'font-size="10" text-anchor="middle" fill="#59636e"'));
  });
  out.push('</svg>');
  return out.join('');
}

export const turnaroundBuckets = [
  { key: 'under4h', upTo: 4 },
  { key: 'under1d', upTo: 24 },
  { key: 'under2d', upTo: 48 },
  { key: 'under3d', upTo: 72 },
  { key: 'under7d', upTo: 168 },
  { key: 'over7d', upTo: Number.POSITIVE_INFINITY },
] as const;

/** How many decisions took how long, in six bands from "under 4 h" to "over 7 days". */
export function turnaroundChart(id: string, samplesMs: readonly number[], accent: string, fmt: ReportFormat, m: ReportMessages): string {
  const counts = turnaroundBuckets.map((bucket, i) => {
    const low = i === 0 ? -1 : (turnaroundBuckets[i - 1]?.upTo ?? 0);
    return samplesMs.filter((ms) => ms / 3_600_000 > low && ms / 3_600_000 <= bucket.upTo).length;
  });
  const width = 330;
  const row = 24;
  const labelW = 58;
  const valueW = 30;
  const height = turnaroundBuckets.length * row + 6;
  const max = Math.max(1, ...counts);
  const barMax = width - labelW - valueW;
  const desc = turnaroundBuckets.map((b, i) => `${m.buckets[b.key]}: ${fmt.int(counts[i] ?? 0)}`).join('; ');
  const out = [open(id, width, height, m.sections.turnaround, desc)];
  turnaroundBuckets.forEach((bucket, i) => {
    const value = counts[i] ?? 0;
    const y = 3 + i * row;
    const w = (value / max) * barMax;
    out.push(text(labelW - 8, y + 15, m.buckets[bucket.key], 'font-size="11" text-anchor="end" fill="#1f2328"'));
    out.push(`<rect x="${labelW}" y="${y + 3}" width="${n(barMax)}" height="${row - 8}" fill="#f2f4f6"/>`);
    if (value > 0) out.push(`<rect x="${labelW}" y="${y + 3}" width="${n(Math.max(2, w))}" height="${row - 8}" fill="${accent}"/>`);
    out.push(text(labelW + Math.max(2, w) + 5, y + 15, fmt.int(value), 'font-size="11" font-weight="600" fill="#1f2328"'));
  });
  out.push('</svg>');
  return out.join('');
}

const shorten = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** Each pillar's share of the month's published posts, with its target as a tick. */
export function pillarChart(id: string, mix: PillarMix, accent: string, fmt: ReportFormat, m: ReportMessages): string {
  const width = 330;
  const row = 30;
  const labelW = 112;
  const valueW = 64;
  const height = mix.rows.length * row + 8;
  const barMax = width - labelW - valueW;
  const label = (pillar: string | null) => pillar ?? m.noPillar;
  const desc = mix.rows
    .map((r) => `${label(r.pillar)}: ${fmt.percent(r.share)} (${fmt.int(r.count)})${r.target === null ? '' : `, ${fill(m.pillars.target, { share: fmt.percent(r.target) })}`}`)
    .join('; ');
  const out = [open(id, width, height, m.sections.pillars, desc)];
  mix.rows.forEach((r, i) => {
    const y = 4 + i * row;
    out.push(`<text x="${labelW - 8}" y="${y + 13}" font-size="11" text-anchor="end" fill="#1f2328"><title>${esc(label(r.pillar))}</title>${esc(shorten(label(r.pillar), 17))}</text>`);
    out.push(`<rect x="${labelW}" y="${y + 3}" width="${n(barMax)}" height="13" fill="#f2f4f6"/>`);
    if (r.share > 0) out.push(`<rect x="${labelW}" y="${y + 3}" width="${n(Math.max(2, r.share * barMax))}" height="13" fill="${accent}"/>`);
    if (r.target !== null) {
      const tx = labelW + r.target * barMax;
      out.push(`<line x1="${n(tx)}" x2="${n(tx)}" y1="${y}" y2="${y + 19}" stroke="#1f2328" stroke-width="2"/>`);
      out.push(text(labelW, y + 27, fill(m.pillars.target, { share: fmt.percent(r.target) }), 'font-size="9" fill="#59636e"'));
    }
    out.push(text(width - valueW + 6, y + 13, `${fmt.percent(r.share)} (${fmt.int(r.count)})`, 'font-size="11" font-weight="600" fill="#1f2328"'));
  });
  out.push('</svg>');
  return out.join('');
}
