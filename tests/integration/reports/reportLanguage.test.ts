import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededCoreForEachTest } from './seed';

/**
 * A partner's report comes in the language asked for (its words, columns, file name), else in
 * the partner's own; asking for English for a French partner used to return the French file.
 */
const fixture = seededCoreForEachTest();
const csvText = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('the language of a partner’s report', () => {
  it('is the partner’s own when none is asked for', async () => {
    const paris = await fixture.t.call('reports.download', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'csv' });
    expect(paris.fileName).toMatch(/^plume-rapport-2026-10-me-claire-dupont-/u);
    const london = await fixture.t.call('reports.download', { month: '2026-10', partnerId: fixture.seeded.london.id, format: 'html' });
    expect(london.fileName).toMatch(/^plume-report-2026-10-james-whitfield-kc-/u);
  });

  it('is English for a French partner when English is asked for: words, columns, separator and file name', async () => {
    const file = await fixture.t.call('reports.download', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'csv', locale: 'en' });
    expect(file.fileName).toBe(`plume-report-2026-10-me-claire-dupont-${fixture.seeded.paris.id.slice(0, 8)}.csv`);
    const header = csvText(file.base64).replace(/^\uFEFF/u, '').split('\r\n')[0] ?? '';
    expect(header).toContain('action_label');
    expect(header).toContain(',');
    const html = (await fixture.t.call('reports.preview', { month: '2026-10', partnerId: fixture.seeded.paris.id, locale: 'en' })).html;
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Drafts created');
  });

  it('is French for an English partner when French is asked for, and the written file is named in French', async () => {
    const html = (await fixture.t.call('reports.preview', { month: '2026-10', partnerId: fixture.seeded.london.id, locale: 'fr' })).html;
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Brouillons créés');
    const folder = join(fixture.t.dir, 'out');
    const written = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.london.id, format: 'html', locale: 'fr', folder });
    expect(basename(written.path)).toBe(`plume-rapport-2026-10-james-whitfield-kc-${fixture.seeded.london.id.slice(0, 8)}.html`);
    expect(readFileSync(written.path, 'utf8')).toContain('Brouillons créés');
  });
});
