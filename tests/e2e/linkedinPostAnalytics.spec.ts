import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { partnerInput } from '../support/partnerInput';

/**
 * LinkedIn Member Post Analytics is a product LinkedIn grants to few apps: the user says so on
 * the LinkedIn app's settings, and sign-ins then ask r_member_postAnalytics too. Secrets go to
 * the throw-away keyring of scripts/keyring-session.sh.
 */
test.beforeAll(() => {
  if (process.env.PLUME_KEYRING_SESSION !== '1' || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error('Run inside the throw-away keyring: bash scripts/keyring-session.sh npx playwright test tests/e2e/linkedinPostAnalytics.spec.ts');
  }
});

let plume: RunningPlume;
test.afterEach(async () => {
  await plume.stop();
});

test('the LinkedIn app saved as having Member Post Analytics keeps the setting and its sign-ins ask the scope', async ({ page }) => {
  plume = await startPlume();
  await page.goto(plume.url);
  // A partner first: an empty workspace opens on the welcome screen.
  const partner = await plume.call(page.request, 'partners.create', partnerInput());
  await page.goto(`${plume.origin}/#/settings`);
  await page.reload();
  const section = page.locator('details', { has: page.getByTestId('app-linkedin') });
  await section.locator('summary').click();
  const form = page.getByTestId('app-linkedin');
  await form.getByLabel('Identifiant client (client ID)').fill('e2e-linkedin-client');
  await form.getByLabel('Secret client').fill('e2e-linkedin-secret-7c1d');
  await expect(form.getByTestId('app-post-analytics')).not.toBeChecked();
  await form.getByTestId('app-post-analytics').check();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByTestId('app-notice')).toHaveText('Application LinkedIn enregistrée.');
  // Other networks have no such product: no box.
  await expect(page.getByTestId('app-x').getByTestId('app-post-analytics')).toHaveCount(0);

  await page.reload();
  await page.locator('details', { has: page.getByTestId('app-linkedin') }).locator('summary').click();
  await expect(page.getByTestId('app-linkedin').getByTestId('app-post-analytics')).toBeChecked();

  const start = await plume.call(page.request, 'accounts.startOAuth', { partnerId: partner.id, network: 'linkedin' });
  expect(new URL(start.authorizationUrl).searchParams.get('scope')).toBe('openid profile w_member_social r_member_postAnalytics');
  await plume.call(page.request, 'accounts.cancelOAuth', { flowId: start.flowId });
});
