import { describe, expect, it } from 'vitest';
import { nextPartnerColour, partnerPalette } from '../../../shared/partners/palette';

/** WCAG 2 relative luminance and contrast ratio, written out so the test checks the palette's claim. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('partner palette', () => {
  it('holds distinct colours, each at least 4.5:1 against white', () => {
    expect(new Set(partnerPalette).size).toBe(partnerPalette.length);
    for (const colour of partnerPalette) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('offers the first colour nobody uses, then the least used once all are taken', () => {
    expect(nextPartnerColour([])).toBe(partnerPalette[0]);
    expect(nextPartnerColour([partnerPalette[0], '#123456', partnerPalette[2].toUpperCase()])).toBe(partnerPalette[1]);
    expect(nextPartnerColour([...partnerPalette, ...partnerPalette.slice(0, 3)])).toBe(partnerPalette[3]);
  });
});
