import type { Page } from '@playwright/test';
import type { ProcedureInput } from '../../../shared/api/contract';
import type { RunningPlume } from './plumeServer';

type LineRules = ProcedureInput<'editorial.savePartnerLine'>['line']['rules'];

/** An empty workspace with one partner, Me Claire Dupont (Paris), whose own editorial line holds `rules`; the partner's id. */
export async function partnerWithLine(page: Page, plume: RunningPlume, rules: LineRules): Promise<string> {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  await plume.call(page.request, 'editorial.savePartnerLine', { partnerId: partner.id, baseVersion: null, line: { rules } });
  return partner.id;
}
