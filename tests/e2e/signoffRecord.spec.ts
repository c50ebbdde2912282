import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { verifyRecord } from '../../electron/core/records/verifyRecord';
import { docFromParagraphs } from '../../shared/posts/document';
import { seedScenario } from '../integration/reports/seed';
import { createTestCore } from '../support/testCore';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * The sign-off record from the Reports page, in browser mode: the live audit log's check is
 * shown, and the month's and a partner's record are exported and verify offline.
 */
let plume: RunningPlume;
test.beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-record-'));
  const t = createTestCore(dataDir);
  const seeded = await seedScenario(t);
  seeded.db.close();
  t.close();
  plume = await startPlume(dataDir);
});
test.afterEach(async () => {
  await plume.stop();
});

async function openReports(page: Page): Promise<void> {
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  await page.getByRole('link', { name: 'Rapports' }).click();
  await page.getByTestId('report-month').fill('2026-10');
}

const exportedPath = (text: string | null): string => /dans (\S+) \(/.exec(text ?? '')?.[1] ?? '';

test('the Reports page says the audit log is verified and exports the month’s and a partner’s sign-off record, which verify offline', async ({ page }) => {
  await openReports(page);
  await expect(page.getByTestId('audit-log-status')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-log-status')).toContainText(/Journal d’audit vérifié, \d+(\u202f\d{3})*\u00a0entrées/);

  await page.getByTestId('record-export-month').click();
  const monthMessage = page.getByTestId('record-export-month-message');
  await expect(monthMessage).toContainText('Dossier enregistré dans');
  // Said in a user's words: what makes the record checkable, no developer command.
  await expect(monthMessage).toContainText('empreinte SHA-256');
  await expect(monthMessage).not.toContainText('npm');
  const month = verifyRecord(exportedPath(await monthMessage.textContent()));
  expect(month.problems).toEqual([]);
  expect(month.approvals).toBeGreaterThan(0);

  await page.getByTestId('report-partner').selectOption({ label: 'Me Claire Dupont' });
  await page.getByTestId('record-export-partner').click();
  const partnerMessage = page.getByTestId('record-export-partner-message');
  await expect(partnerMessage).toContainText('Dossier enregistré dans');
  expect(verifyRecord(exportedPath(await partnerMessage.textContent())).ok).toBe(true);
});

test('the post’s sign-off panel exports its record, with the approved text exactly as hashed, and it verifies offline', async ({ page }) => {
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Hélène Roy', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Clause de hardship',
    networks: ['linkedin'],
    content: docFromParagraphs(['La clause de hardship, mode d’emploi.']),
  });
  await plume.call(page.request, 'signoff.request', { postId: post.id });
  await plume.call(page.request, 'signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: Date.now() });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByTestId('signoff-status')).toContainText('Validée');
  await panel.getByRole('button', { name: 'Exporter le dossier de validation' }).click();
  const message = panel.getByTestId('record-export-post-message');
  await expect(message).toContainText('(1 validation)');
  const path = exportedPath(await message.textContent());
  expect(verifyRecord(path)).toMatchObject({ ok: true, revisions: 1, approvals: 1 });
  const revision = readdirSync(join(path, 'revisions')).find((name) => name.endsWith('.txt')) ?? '';
  expect(readFileSync(join(path, 'revisions', revision), 'utf8')).toContain('La clause de hardship, mode d’emploi.');
});
