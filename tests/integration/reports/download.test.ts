import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app';
import { createLogger } from '../../../electron/core/log';
import { playwrightPrinter } from '../../../electron/core/reports/playwrightPrinter';
import type { AppEvent } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { seededCoreForEachTest } from './seed';

const fixture = seededCoreForEachTest();

const bytesOf = (base64: string): Buffer => Buffer.from(base64, 'base64');

describe('downloading a report from the UI (reports.download)', () => {
  it('hands over exactly the file the export writes, with its name and media type', async () => {
    for (const format of ['csv', 'html'] as const) {
      const file = await fixture.t.call('reports.download', { month: '2026-10', partnerId: fixture.seeded.paris.id, format });
      const written = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.paris.id, format });
      expect(file.fileName).toBe(written.path.slice(join(fixture.t.dir, 'exports').length + 1));
      expect(bytesOf(file.base64).equals(readFileSync(written.path))).toBe(true);
      expect(file.bytes).toBe(written.bytes);
    }
    const csv = await fixture.t.call('reports.download', { month: '2026-10', partnerId: null, format: 'csv', locale: 'en' });
    expect(csv).toMatchObject({ fileName: 'plume-report-2026-10-all-partners.csv', mediaType: 'text/csv;charset=utf-8' });
    // Named in the report's language: the French summary and a French partner's report are « rapports ».
    expect((await fixture.t.call('reports.download', { month: '2026-10', partnerId: null, format: 'csv', locale: 'fr' })).fileName).toBe('plume-rapport-2026-10-tous-les-partenaires.csv');
    expect((await fixture.t.call('reports.download', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'csv' })).fileName).toBe(
      `plume-rapport-2026-10-me-claire-dupont-${fixture.seeded.paris.id.slice(0, 8)}.csv`,
    );
    expect(bytesOf(csv.base64).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the UTF-8 BOM
  });

  it('prints the PDF with the same text as the exported one', async () => {
    const file = await fixture.t.call('reports.download', { month: '2026-10', partnerId: fixture.seeded.london.id, format: 'pdf' });
    expect(file.mediaType).toBe('application/pdf');
    expect(file.fileName).toBe(`plume-report-2026-10-james-whitfield-kc-${fixture.seeded.london.id.slice(0, 8)}.pdf`);
    const path = join(fixture.t.dir, 'downloaded.pdf');
    writeFileSync(path, bytesOf(file.base64));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
    expect(text).toMatch(/Drafts created 4 3 \+1/);
    expect(text).toContain('3 of 5 deadlines');
  });
});

describe('when Chromium cannot be started', () => {
  const brokenCore = () => {
    const dir = join(fixture.t.dir, 'broken');
    return createCore({ dataDir: dir, logger: createLogger({}), pdfPrinter: playwrightPrinter({ executablePath: join(fixture.t.dir, 'no-such-chromium') }) });
  };

  it('says the PDF could not be printed, in words the UI translates, and CSV still works', async () => {
    const core = brokenCore();
    try {
      const partner = await core.router.call('partners.create', { displayName: 'Me Test', timeZone: 'Europe/Paris' });
      if (!partner.ok) throw new Error('partner not created');
      const pdf = await core.router.call('reports.download', { month: '2026-10', partnerId: null, format: 'pdf' });
      expect(pdf).toMatchObject({ ok: false, error: { code: 'unavailable', messageKey: 'reports.errors.pdf' } });
      const csv = await core.router.call('reports.download', { month: '2026-10', partnerId: null, format: 'csv' });
      expect(csv.ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('ends an export of all partners as failed, with the same error', async () => {
    const core = brokenCore();
    const jobId = randomUUID();
    const states: string[] = [];
    core.events.subscribe((event: AppEvent) => {
      if (event.type === 'report.progress' && event.jobId === jobId) states.push(event.state);
    });
    try {
      await core.router.call('partners.create', { displayName: 'Me Test', timeZone: 'Europe/Paris' });
      const result = await core.router.call('reports.exportAll', { jobId, month: '2026-10', format: 'pdf' });
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', messageKey: 'reports.errors.pdf' } });
      expect(states).toEqual(['running', 'failed']);
      // The job is over: a new one under the same id may start.
      expect(await core.router.call('reports.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: false } });
    } finally {
      core.close();
    }
  });
});

describe('where the numbers come from', () => {
  it('reads the audit log and the posts only: rescheduling, changing status or content afterwards changes no figure', async () => {
    const before = await fixture.t.call('reports.build', { month: '2026-10', partnerId: fixture.seeded.paris.id });
    // Everything a post carries besides its title, networks and pillar, scrambled.
    fixture.seeded.db
      .prepare("UPDATE posts SET status = 'draft', scheduled_at = ?, scheduled_zone = 'Asia/Tokyo', plain_text = 'autre', updated_at = ? WHERE partner_id = ?")
      .run(Date.parse('2027-03-01T00:00:00Z'), Date.parse('2027-03-01T00:00:00Z'), fixture.seeded.paris.id);
    const after = await fixture.t.call('reports.build', { month: '2026-10', partnerId: fixture.seeded.paris.id });
    if (before.kind !== 'partner' || after.kind !== 'partner') throw new Error('expected partner reports');
    expect(after.report.figures).toEqual(before.report.figures);
    expect(after.report.events).toEqual(before.report.events);
    expect(after.report.weeks).toEqual(before.report.weeks);
  });

  it('keeps a deleted post’s events: the log is the record, the title simply goes blank', async () => {
    const before = await fixture.t.call('reports.build', { month: '2026-10', partnerId: fixture.seeded.paris.id });
    if (before.kind !== 'partner') throw new Error('expected a partner report');
    const published = before.report.published[0];
    if (!published) throw new Error('expected a publication');
    await fixture.t.call('posts.delete', { id: published.postId });
    const after = await fixture.t.call('reports.build', { month: '2026-10', partnerId: fixture.seeded.paris.id });
    if (after.kind !== 'partner') throw new Error('expected a partner report');
    expect(after.report.figures.counts).toEqual(before.report.figures.counts);
    expect(after.report.published[0]).toEqual({ ...published, title: '' });
  });

  it('refuses a bad month with a validation error, not a crash', async () => {
    await expect(fixture.t.call('reports.download', { month: '2026-13', partnerId: null, format: 'csv' })).rejects.toBeInstanceOf(ApiError);
    await expect(fixture.t.call('reports.download', { month: '2026-13', partnerId: null, format: 'csv' })).rejects.toMatchObject({ code: 'validation' });
  });
});
