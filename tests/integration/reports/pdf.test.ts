import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededCoreForEachTest } from './seed';

const shots = join(process.cwd(), 'test-results', 'reports');

/**
 * The PDF's text in the order it was drawn (`-raw`), every run of white space made one space:
 * a table row reads "label value previous change" however its cells wrap, so nothing below
 * depends on line breaks (a no-break space may vanish, hence the optional spaces).
 */
const pdfText = (path: string): string => execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');

/** Letter-spaced capitals come out of pdftotext as "M O N T H LY": compare them without spaces. */
const squeezed = (text: string): string => text.replace(/ /g, '');

/** Every font the PDF names, from `pdffonts` (subset prefix "ABCDEF+" removed), with whether it is embedded. */
function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  return execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    // Columns: name, type (one to three words), encoding, emb, sub, uni, object, generation.
    .map((cells) => ({ name: (cells[0] ?? '').replace(/^[A-Z]{6}\+/, ''), embedded: cells.at(-5) === 'yes' }));
}

/** The report is drawn only in the typefaces Plume ships (fonts.ts), never in whatever the system has. */
function expectOnlyShippedFonts(path: string): void {
  const fonts = pdfFonts(path);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, font.name).toBe(true);
    // Chromium may draw a synthesised style of an embedded face as an unnamed Type 3 font.
    if (font.name !== '[none]') expect(font.name).toMatch(/^(SourceSans3|SourceSerif4|NotoSansMath)/);
  }
}

/** The first page as a PNG at 80 dpi in test-results/reports/, for a reviewer's eye. */
function firstPagePng(pdf: string, name: string): string {
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(shots, name)]);
  return join(shots, `${name}.png`);
}

const fixture = seededCoreForEachTest();

describe('the PDF report', () => {
  it('is in French for a French partner, with the figures worked out by hand, page numbers and the generation date', async () => {
    const { path, bytes } = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'pdf' });
    expect(path).toBe(join(fixture.t.dir, 'exports', `plume-rapport-2026-10-me-claire-dupont-${fixture.seeded.paris.id.slice(0, 8)}.pdf`));
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes).toBe(readFileSync(path).length);

    const text = pdfText(path);
    expect(squeezed(text)).toContain('RAPPORTD’ACTIVITÉMENSUEL');
    expect(text).toContain('Me Claire Dupont');
    expect(squeezed(text)).toContain('OCTOBRE2026');
    expect(text).toContain('comparé à septembre 2026');
    // Paris: drafts B, C, D, E, L (Sept: A, M); publications A, B ×2, E, I (LinkedIn 4, X 1).
    expect(text).toMatch(/Brouillons créés 5 2 \+3/);
    expect(text).toMatch(/Publications \(par réseau\) 5 0 \+5/);
    expect(text).toContain('LinkedIn 4 · X 1');
    // Sign-off: 2, 4, 8, 24, 26 h → median 8 h, p90 25,2 h; on time 3 of 5; first time 2 of 3.
    expect(text).toMatch(/Médiane 8 ?h/);
    expect(text).toMatch(/90e centile 25,2 ?h/);
    expect(text).toMatch(/60 ?%/);
    expect(text).toContain('3 sur 5 échéances');
    expect(text).toContain('2 sur 3 validations');
    expect(text).toContain('« Citation exacte de l’arrêt, validée par l’associée. »');
    // Findings by the kind of rule, named as the editorial line names them.
    expect(text).toMatch(/Longueur des phrases 2 /);
    expect(text).toMatch(/Termes proscrits 1 /);
    expect(text).toMatch(/Page 1 sur \d/);
    expect(text).toContain('Généré le 24 nov. 2026, 10:00'); // the test clock: 09:00 UTC
    expectOnlyShippedFonts(path);

    expect(readFileSync(firstPagePng(path, 'report-fr-paris')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('is in English for an English partner, October taken in London time', async () => {
    const { path } = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.london.id, format: 'pdf' });
    const text = pdfText(path);
    expect(squeezed(text)).toContain('MONTHLYACTIVITYREPORT');
    expect(text).toContain('James Whitfield KC');
    expect(text).toContain('compared with September 2026');
    // London: 1 Oct 00:30 Paris is still 30 Sept in London (L); 31 Oct 23:30 London is October (J).
    expect(text).toMatch(/Drafts created 4 3 \+1/);
    expect(text).toMatch(/Publications \(per network\) 6 0 \+6/);
    expect(text).toContain('LinkedIn 5 · X 1');
    expect(text).toMatch(/Median 8 ?h/);
    expect(text).toMatch(/90th percentile 25\.2 ?h/);
    expect(text).toContain('3 of 5 deadlines');
    expect(text).toMatch(/Sentence length 2 /);
    expect(text).toContain('“Citation exacte de l’arrêt, validée par l’associée.”');
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).toContain('Generated on 24 Nov 2026, 09:00');
    expectOnlyShippedFonts(path);
    firstPagePng(path, 'report-en-london');
  });

  it('prints an honest empty report for a month over with no activity', async () => {
    const { path } = await fixture.t.call('reports.export', { month: '2026-08', partnerId: fixture.seeded.paris.id, format: 'pdf' });
    const text = pdfText(path);
    expect(text).toContain('Aucune activité enregistrée ce mois-ci');
    expect(text).toMatch(/Brouillons créés 0 0 =/);
    firstPagePng(path, 'report-fr-empty');
  });

  it('says the current month’s figures stop at the generation time, and a future month has none', async () => {
    // The test clock reads 24 Nov 2026, 09:00 UTC: 10:00 in Paris.
    const current = pdfText((await fixture.t.call('reports.export', { month: '2026-11', partnerId: fixture.seeded.paris.id, format: 'pdf' })).path);
    expect(current).toMatch(/Mois en cours ?: chiffres arrêtés au 24 nov\. 2026, 10:00\./u);
    expect(current).not.toContain('c’est exact');
    const future = pdfText((await fixture.t.call('reports.export', { month: '2027-01', partnerId: fixture.seeded.paris.id, format: 'pdf' })).path);
    expect(future).toMatch(/Ce mois n’a pas commencé ?: aucun chiffre\./u);
    expect(future).not.toContain('c’est exact');
    expect(future).not.toContain('Brouillons créés');
    // The summary has no partner's zone: its generation time says which zone it is in.
    const summary = pdfText((await fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'pdf', locale: 'fr' })).path);
    expect(summary).toMatch(/Généré le 24 nov\. 2026, \d\d:\d\d \(heure [^)]+\)/u);
  });

  it('puts all partners in one document: the summary first, then each partner', async () => {
    const { path } = await fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'pdf', locale: 'fr' });
    const text = pdfText(path);
    expect(text).toContain('Tous les partenaires');
    expect(text).toContain('Synthèse — 3 partenaires');
    // Publications 5 (Paris) + 6 (London) + 0; sent 6 + 6 + 0; first time 2 + 2 + 2 (the third partner owns Z) of 3 + 3 + 2.
    expect(text).toContain('PUBLICATIONS 11 LinkedIn 9 · X 2');
    expect(text).toContain('ENVOYÉES POUR VALIDATION 12 Demandes : 14');
    expect(text).toMatch(/VALIDÉES DU PREMIER COUP 75 ?% 6 sur 8 validations/);
    expect(text).toMatch(/Tous les partenaires 11 12 6 2 2 6 ?h 60 ?% 2/);
    expectOnlyShippedFonts(path);
    // The summary fills the first page; each partner's own section (its masthead) comes after it.
    const firstPageEnd = text.indexOf('Page 1 sur');
    expect(text.indexOf('Synthèse — 3 partenaires')).toBeLessThan(firstPageEnd);
    expect(text.indexOf('Partner · Whitfield Chambers')).toBeGreaterThan(firstPageEnd);
    firstPagePng(path, 'report-fr-all-partners');
  });
});
