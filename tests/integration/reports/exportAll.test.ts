import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/api/contract';
import { seededCoreForEachTest } from './seed';

type Progress = Extract<AppEvent, { type: 'report.progress' }>;

const fixture = seededCoreForEachTest();

function progressOf(jobId: string): Progress[] {
  const seen: Progress[] = [];
  fixture.t.core.events.subscribe((event) => {
    if (event.type === 'report.progress' && event.jobId === jobId) seen.push(event);
  });
  return seen;
}

describe('export all partners', () => {
  it('writes one file per partner and the summary, reporting progress after each', async () => {
    const jobId = randomUUID();
    const seen = progressOf(jobId);
    const result = await fixture.t.call('reports.exportAll', { jobId, month: '2026-10', format: 'pdf', locale: 'fr' });
    expect(result.cancelled).toBe(false);
    expect(result.folder).toBe(join(fixture.t.dir, 'exports', 'plume-rapports-2026-10'));
    expect(result.files.map((f) => f.partnerId)).toEqual([fixture.seeded.other.id, fixture.seeded.london.id, fixture.seeded.paris.id, null]);
    expect(readdirSync(result.folder).sort()).toEqual(result.files.map((f) => f.path.slice(result.folder.length + 1)).sort());
    for (const file of result.files) expect(readFileSync(file.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(seen.map((p) => [p.done, p.total, p.state])).toEqual([
      [0, 4, 'running'],
      [1, 4, 'running'],
      [2, 4, 'running'],
      [3, 4, 'running'],
      [4, 4, 'done'],
    ]);
  });

  it('stops between two files when cancelled, keeping and listing what was written', async () => {
    const jobId = randomUUID();
    const seen = progressOf(jobId);
    // Cancel as soon as the first file is reported, the way the UI's button does.
    fixture.t.core.events.subscribe((event) => {
      if (event.type === 'report.progress' && event.jobId === jobId && event.done === 1) void fixture.t.call('reports.cancel', { jobId });
    });
    const result = await fixture.t.call('reports.exportAll', { jobId, month: '2026-10', format: 'html' });
    expect(result.cancelled).toBe(true);
    expect(result.files).toHaveLength(1);
    expect(existsSync(result.files[0]?.path ?? '')).toBe(true);
    expect(readdirSync(result.folder)).toHaveLength(1);
    expect(seen.at(-1)).toMatchObject({ state: 'cancelled', done: 1, total: 4 });
    // The job is over: cancelling again finds nothing to cancel.
    expect(await fixture.t.call('reports.cancel', { jobId })).toEqual({ cancelled: false });
  });

  it('exports an empty month as honest empty reports, not an error', async () => {
    const result = await fixture.t.call('reports.exportAll', { jobId: randomUUID(), month: '2027-02', format: 'csv' });
    expect(result.files).toHaveLength(4);
    const summary = readFileSync(result.files.at(-1)?.path ?? '', 'utf8');
    expect(summary.split('\r\n').filter(Boolean)).toHaveLength(1); // the header row only
  });

  it('refuses a relative folder', async () => {
    await expect(fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'html', folder: 'exports' })).rejects.toMatchObject({ code: 'validation' });
  });
});
