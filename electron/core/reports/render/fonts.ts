import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The report's own typefaces, embedded in its HTML (and so in the PDF) as data URLs, so a
 * report looks the same — same line breaks, same page count — on every machine, whatever
 * fonts the system has. Source Sans 3 for text, Source Serif 4 for headings, Noto Sans Math
 * for arrows and comparison signs (→, ≥) that the other two's Latin subsets lack; all SIL OFL,
 * from @fontsource. Only the Latin and Latin Extended subsets: every language Plume writes in.
 */
export const REPORT_SANS = 'Source Sans 3';
export const REPORT_SERIF = 'Source Serif 4';
export const REPORT_SYMBOLS = 'Noto Sans Math';

/** Arrows and mathematical operators, drawn from the symbols face. */
const SYMBOL_RANGE = 'U+2190-21FF,U+2200-22FF';
const SYMBOL_CHAR = /[\u2190-\u22FF]/u;

interface FaceSource {
  pkg: string;
  css: string[];
  /** Replaces the package's unicode-range (the symbols face is used for symbols only). */
  unicodeRange?: string;
}

const textFaces: FaceSource[] = [
  { pkg: '@fontsource/source-sans-3', css: ['400.css', '400-italic.css', '600.css', '700.css'] },
  { pkg: '@fontsource/source-serif-4', css: ['600.css'] },
];
const symbolFaces: FaceSource[] = [{ pkg: '@fontsource/noto-sans-math', css: ['400.css'], unicodeRange: SYMBOL_RANGE }];

const SUBSETS = /-latin-(ext-)?\d{3}-(normal|italic)\.woff2/;

// Not named `require`: the bundler declares its own in the same scope.
const packages = createRequire(import.meta.url);

/** The package's own @font-face rules for the Latin subsets, each woff2 inlined as a data URL. */
function inlineFaces({ pkg, css: files, unicodeRange }: FaceSource): string[] {
  const root = dirname(packages.resolve(`${pkg}/package.json`));
  return files.flatMap((cssFile) =>
    [...readFileSync(join(root, cssFile), 'utf8').matchAll(/@font-face\s*\{[^}]*\}/g)]
      .map((match) => match[0])
      .filter((rule) => SUBSETS.test(rule))
      .map((rule) => {
        const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(rule)?.[1];
        if (file === undefined) throw new Error(`No woff2 in ${pkg}/${cssFile}`);
        const inlined = rule
          .replace(/src:[^;]*;/, `src: url(data:font/woff2;base64,${readFileSync(join(root, file)).toString('base64')}) format('woff2');`)
          .replace(/\s*font-display:[^;]*;/, '');
        return unicodeRange === undefined ? inlined : inlined.replace(/unicode-range:[^;]*;/, `unicode-range: ${unicodeRange};`);
      }),
  );
}

let textCss: string | null = null;
let symbolCss: string | null = null;

/**
 * The @font-face rules a report needs, read once per process: the text faces always (about
 * 200 KB of CSS), the symbols face (about 360 KB) only when `content` has such a character.
 */
export function reportFontFaces(content: string): string {
  textCss ??= textFaces.flatMap(inlineFaces).join('\n');
  if (!SYMBOL_CHAR.test(content)) return textCss;
  symbolCss ??= symbolFaces.flatMap(inlineFaces).join('\n');
  return `${textCss}\n${symbolCss}`;
}
