import { REPORT_SANS, REPORT_SERIF, REPORT_SYMBOLS } from './fonts';

/**
 * One stylesheet for screen and print, in the report's own embedded typefaces (fonts.ts). A4 portrait; the PDF printer uses the same margins
 * (`pageMarginsMm`) so Chromium's footer (page numbers, date) sits in the bottom margin.
 * Colours are printed as shown (print-color-adjust); the partner's colour comes in as
 * --accent (+ --accent-ink for text on it, --accent-soft tint, --accent-strong for rules and bars).
 */
export const pageMarginsMm = { top: 14, right: 14, bottom: 16, left: 14 } as const;

const m = pageMarginsMm;

export const reportCss = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --paper: #ffffff; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e6e8eb; color: var(--ink); font: 9.5pt/1.45 "${REPORT_SANS}", "${REPORT_SYMBOLS}", sans-serif; }
.report { background: var(--paper); width: 210mm; margin: 16px auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; box-shadow: 0 1px 4px rgba(0,0,0,.18); }
@media print {
  body { background: #fff; }
  .report { width: auto; margin: 0; padding: 0; box-shadow: none; }
  .report + .report { break-before: page; }
}
.masthead { background: var(--accent); color: var(--accent-ink); border-radius: 3px; padding: 16px 20px 14px; }
.masthead .topline { display: flex; justify-content: space-between; align-items: baseline; font-size: 8pt; letter-spacing: .12em; text-transform: uppercase; opacity: .9; }
.masthead h1 { font: 600 22pt/1.15 "${REPORT_SERIF}", "${REPORT_SYMBOLS}", serif; margin: 8px 0 2px; }
.masthead .who { margin: 0; font-size: 10pt; opacity: .95; }
.masthead .period { margin: 8px 0 0; font-size: 8.5pt; opacity: .9; }
.masthead .month { font-size: 10pt; font-weight: 700; letter-spacing: .08em; }
h2 { font: 600 12.5pt/1.2 "${REPORT_SERIF}", "${REPORT_SYMBOLS}", serif; margin: 18px 0 8px; padding-bottom: 4px; border-bottom: 1.5px solid var(--accent-strong); break-after: avoid; }
h3 { font-size: 9pt; margin: 12px 0 6px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); break-after: avoid; }
section { break-inside: auto; }
.keep { break-inside: avoid; }
.notice { margin: 12px 0 0; padding: 10px 14px; border-left: 4px solid var(--accent-strong); background: var(--accent-soft); font-size: 9.5pt; }
.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; margin-top: 12px; break-inside: avoid; }
.kpi { border: 1px solid var(--line); border-top: 3px solid var(--accent-strong); border-radius: 3px; padding: 7px 9px 8px; }
.kpi .label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); min-height: 2.6em; }
.kpi .value { font-size: 17pt; font-weight: 700; line-height: 1.1; margin: 2px 0 3px; font-variant-numeric: tabular-nums; }
.kpi .detail, .kpi .previous { font-size: 7.5pt; color: var(--muted); }
table { width: 100%; border-collapse: collapse; font-size: 8.8pt; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 600; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); border-bottom: 1px solid var(--ink); padding: 4px 6px; vertical-align: bottom; }
td { border-bottom: 1px solid var(--line); padding: 3.5px 6px; vertical-align: top; }
tr { break-inside: avoid; }
.nowrap { white-space: nowrap; }
th.num { width: 1%; white-space: normal; min-width: 4.2em; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 1px solid var(--ink); }
td.muted, .muted { color: var(--muted); }
.change { color: var(--muted); }
.grid-2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; }
.chart svg { display: block; width: 100%; height: auto; font-family: inherit; }
.figures { display: flex; gap: 18px; flex-wrap: wrap; margin: 6px 0 0; font-size: 8.5pt; }
.figures b { font-variant-numeric: tabular-nums; }
.note { font-size: 8pt; color: var(--muted); margin: 6px 0 0; }
.quote { font-style: italic; }
a { color: var(--ink); text-decoration: underline; text-decoration-color: var(--line); word-break: break-all; }
.method { margin-top: 20px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 7.8pt; color: var(--muted); break-inside: avoid; }
.method h2 { font-size: 9pt; border: none; margin: 0 0 4px; padding: 0; }
.method p { margin: 0 0 4px; }
td.name { min-width: 9.5em; }
.swatch { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 5px; }
`;
