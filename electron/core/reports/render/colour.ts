/** The partner's colour made safe to print with: readable ink on it, a tint, and a version dark enough for text. */
export interface Accent {
  accent: string;
  ink: string;
  soft: string;
  /** The accent darkened until it reads on white (contrast ≥ 3), for bars and rules. */
  strong: string;
}

type Rgb = [number, number, number];

function parse(hex: string): Rgb {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex);
  const value = parseInt(match?.[1] ?? '4f46e5', 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(parse(a)), luminance(parse(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Dark or white text, whichever reads better on `background`. */
export const inkOn = (background: string): string => (contrast(background, '#ffffff') >= contrast(background, '#1f2328') ? '#ffffff' : '#1f2328');

export function accentOf(colour: string): Accent {
  const rgb = parse(colour);
  let strong = rgb;
  for (let i = 0; i < 20 && contrast(toHex(strong), '#ffffff') < 3; i++) strong = mix(strong, [0, 0, 0], 0.1);
  const accent = toHex(rgb);
  return { accent, ink: inkOn(accent), soft: toHex(mix(rgb, [255, 255, 255], 0.9)), strong: toHex(strong) };
}
