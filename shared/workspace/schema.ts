import { z } from 'zod';
import { Locale } from '../partners/schema';

export const WorkspaceState = z.object({
  partnerCount: z.number().int().nonnegative(),
  postCount: z.number().int().nonnegative(),
  hasExampleData: z.boolean(),
  onboardingDone: z.boolean(),
});
export type WorkspaceState = z.infer<typeof WorkspaceState>;

/**
 * How the workspace's Mastodon instance counts a post (FACTS.md: per instance). Read from the
 * instance when a Mastodon account is connected or tested, or typed in Settings.
 */
export const MastodonCounts = z.object({
  maxCharacters: z.number().int().min(1).max(1_000_000),
  charactersReservedPerUrl: z.number().int().min(0).max(10_000),
  source: z.enum(['default', 'instance', 'manual']),
  /** The instance the figures were read from (source "instance"). */
  instanceUrl: z.string().nullable(),
});
export type MastodonCounts = z.infer<typeof MastodonCounts>;

/** Mastodon's own defaults (FACTS.md), until an instance or the user says otherwise. */
export const defaultMastodonCounts: MastodonCounts = { maxCharacters: 500, charactersReservedPerUrl: 23, source: 'default', instanceUrl: null };

export const Settings = z.object({
  uiLocale: Locale.nullable(),
  onboardingDone: z.boolean(),
  mastodon: MastodonCounts,
});
export type Settings = z.infer<typeof Settings>;

/** Figures typed in Settings; where they came from is core's to record. */
export const SettingsPatch = Settings.extend({
  mastodon: MastodonCounts.pick({ maxCharacters: true, charactersReservedPerUrl: true }).strict(),
})
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
