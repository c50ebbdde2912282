import { z } from 'zod';
import { Locale } from '../partners/schema';

export const WorkspaceState = z.object({
  partnerCount: z.number().int().nonnegative(),
  postCount: z.number().int().nonnegative(),
  hasExampleData: z.boolean(),
  onboardingDone: z.boolean(),
});
export type WorkspaceState = z.infer<typeof WorkspaceState>;

export const Settings = z.object({
  uiLocale: Locale.nullable(),
  onboardingDone: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
