import type { LintContextInput } from '../../../shared/editorial/findingSchema';
import { MastodonCounts, defaultMastodonCounts } from '../../../shared/workspace/schema';
import type { SettingsRepository } from './repository';

const KEY = 'mastodonCounts';

/** The stored figures; Mastodon's defaults when none are stored (or a stored value no longer parses). */
export function readMastodonCounts(settings: SettingsRepository): MastodonCounts {
  const parsed = MastodonCounts.safeParse(settings.read(KEY));
  return parsed.success ? parsed.data : defaultMastodonCounts;
}

export function writeMastodonCounts(settings: SettingsRepository, counts: MastodonCounts): void {
  settings.write(KEY, MastodonCounts.parse(counts));
}

/** The lint's (and the counters') view of the figures. */
export function mastodonLintOptions(counts: MastodonCounts): Pick<LintContextInput, 'mastodonMaxCharacters' | 'mastodonCharactersReservedPerUrl'> {
  return { mastodonMaxCharacters: counts.maxCharacters, mastodonCharactersReservedPerUrl: counts.charactersReservedPerUrl };
}
