/**
 * Partner colours: the 700 shades of Tailwind's palette, each at least 4.5:1 against white (so
 * a white label on a swatch reads, and a swatch stands out on the page), ordered so that the
 * first few differ in hue and lightness for colour-blind eyes too (blue, orange, teal, pink…).
 */
export const partnerPalette = [
  '#4f46e5', // indigo
  '#c2410c', // orange
  '#0f766e', // teal
  '#be185d', // pink
  '#0369a1', // sky
  '#7e22ce', // purple
  '#4d7c0f', // lime
  '#b91c1c', // red
  '#b45309', // amber
  '#047857', // emerald
] as const;

/**
 * A colour for a new partner: the first of the palette nobody uses yet; when all are taken,
 * the least used (first in palette order), so colours stay as spread as they can be.
 */
export function nextPartnerColour(used: readonly string[]): string {
  const counts = new Map<string, number>(partnerPalette.map((c) => [c, 0]));
  for (const colour of used) {
    const key = colour.toLowerCase();
    const n = counts.get(key);
    if (n !== undefined) counts.set(key, n + 1);
  }
  let best: string = partnerPalette[0];
  for (const colour of partnerPalette) if ((counts.get(colour) ?? 0) < (counts.get(best) ?? 0)) best = colour;
  return best;
}
