import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededCoreForEachTest } from './seed';

const fixture = seededCoreForEachTest();

async function partnerReport(partnerId: string) {
  const doc = await fixture.t.call('reports.build', { month: '2026-10', partnerId });
  if (doc.kind !== 'partner') throw new Error('expected a partner report');
  return doc.report;
}

describe('the CSV export', () => {
  it('reads back with papaparse as the same rows: one per event of the month, with its post', async () => {
    const report = await partnerReport(fixture.seeded.paris.id);
    const { path } = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'csv' });
    const raw = readFileSync(path, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    expect(raw.endsWith('\r\n')).toBe(true);
    // RFC 4180 as written, before any parser forgives: CRLF after each of the 1 + 29 records, the
    // line break inside a comment kept in its quoted field, quotes doubled.
    expect(raw.split('\r\n')).toHaveLength(1 + 29 + 1);
    expect(raw).toContain(';"Clause de médiation ; « le juge, l’arbitre » et ""nous""";');
    expect(raw).toContain(';"Raccourcir.\nEt citer l’arrêt."\r\n');

    // French report: `;` (see render/csv.ts for why).
    const parsed = Papa.parse<Record<string, string>>(raw.slice(1), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.slice(0, 4)).toEqual(['partenaire', 'id_partenaire', 'id_publication', 'titre']);
    expect(parsed.data).toHaveLength(report.events.length);
    expect(report.events).toHaveLength(29);
    parsed.data.forEach((row, i) => {
      const event = report.events[i];
      expect(row).toMatchObject({
        id_evenement: String(event?.id),
        id_publication: event?.postId,
        titre: event?.title,
        action: event?.action,
        date_utc: new Date(event?.at ?? 0).toISOString(),
        commentaire: event?.comment ?? '',
        justification: event?.justification ?? '',
        reseau: event?.network ?? '',
      });
    });
    // The title with ; , and quotes, the comment with a line break, came back intact.
    const changes = parsed.data.find((row) => row.action === 'requestChanges');
    expect(changes).toMatchObject({
      titre: 'Clause de médiation ; « le juge, l’arbitre » et "nous"',
      commentaire: 'Raccourcir.\nEt citer l’arrêt.',
      delai_minutes: String(26 * 60),
      dans_les_delais: 'non',
      date_locale: '2026-10-03 13:00',
      action_libelle: 'Modifications demandées',
    });
  });

  it('uses , for an English partner, and every partner’s rows for all partners', async () => {
    const { path } = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.london.id, format: 'csv' });
    const english = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(english.meta.delimiter).toBe(',');
    expect(english.data.find((row) => row.action === 'requestChanges')?.local_time).toBe('2026-10-03 12:00');

    const all = await fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'csv', locale: 'en' });
    const rows = Papa.parse<Record<string, string>>(readFileSync(all.path, 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const perPartner = new Map<string, number>();
    for (const row of rows) perPartner.set(row.partner_id ?? '', (perPartner.get(row.partner_id ?? '') ?? 0) + 1);
    // Paris 29; London 29 too, not the same ones (L is September there, J October); the third partner: Z's two approvals.
    expect(Object.fromEntries(perPartner)).toEqual({ [fixture.seeded.paris.id]: 29, [fixture.seeded.london.id]: 29, [fixture.seeded.other.id]: 2 });
  });
});

describe('the HTML export', () => {
  it('is self-contained: no script, no stylesheet or image to fetch, no URL but the published posts’ links', async () => {
    const { path } = await fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'html', locale: 'fr' });
    const html = readFileSync(path, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Its typefaces travel inside it, as data URLs: the only url( the file holds.
    expect(html).toContain("font-family: 'Source Sans 3'");
    expect(html).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\('woff2'\)/);
    const withoutFonts = html.replace(/url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)/g, '');
    expect(withoutFonts).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\ssrc=/i);
    expect(html).toContain("default-src 'none'");
    // The only http(s) in the file: the links to the posts as published.
    const links = [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href?.startsWith('https://'))).toBe(true);
    expect(html.replace(/<a href="https:\/\/[^"]+">/g, '')).not.toMatch(/https?:\/\//);
    // Charts are inline SVG with a title and a description.
    expect(html).toMatch(/<svg role="img" aria-labelledby="[^"]+"[^>]*><title id="[^"]+">Publications par semaine et par réseau<\/title><desc/);
  });

  it('is what the in-app preview shows', async () => {
    const { html } = await fixture.t.call('reports.preview', { month: '2026-10', partnerId: fixture.seeded.paris.id });
    const { path } = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'html' });
    expect(readFileSync(path, 'utf8')).toBe(html);
    expect(html).toContain('<html lang="fr">');
  });

  it('escapes whatever a post title holds', async () => {
    fixture.seeded.db.prepare("UPDATE posts SET title = '<img src=x onerror=alert(1)>' WHERE title = 'Webinaire'").run();
    const { html } = await fixture.t.call('reports.preview', { month: '2026-10', partnerId: fixture.seeded.paris.id });
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
