import { z } from 'zod';
import { Network } from '../posts/networks';
import { LineVersions, RuleOrigin } from './lineSchema';
import { Language, LocalizedText, RuleId, RuleKind, Severity } from './ruleSchema';

/** UTF-16 offsets into the linted text, `to` exclusive. Equal offsets: a place, not a span. */
export const TextRange = z.object({ from: z.number().int().min(0), to: z.number().int().min(0) });
export type TextRange = z.infer<typeof TextRange>;

export const TextEdit = z.object({ from: z.number().int().min(0), to: z.number().int().min(0), insert: z.string() });
export type TextEdit = z.infer<typeof TextEdit>;

/** Edits are sorted and do not overlap; apply them with `applyFix`. */
export const QuickFix = z.object({
  labelKey: z.string(),
  labelParams: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  edits: z.array(TextEdit).min(1),
  /** The inserted text is this snippet: the editor inserts it as a snippet (locked: one uneditable block). */
  snippet: z.object({ id: z.string(), text: z.string(), locked: z.boolean() }).optional(),
});
export type QuickFix = z.infer<typeof QuickFix>;

export const Finding = z.object({
  /** Stable for the same rule, network, check and range: the UI keys decorations on it. */
  id: z.string(),
  ruleId: RuleId,
  kind: RuleKind,
  severity: Severity,
  /** i18n key under `editorial.finding`, interpolated with `params`. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The rule's own message, when it has one; the UI shows it instead of `messageKey`. */
  message: LocalizedText.optional(),
  source: z.string().optional(),
  range: TextRange,
  network: Network.optional(),
  fix: QuickFix.optional(),
  origin: RuleOrigin,
});
export type Finding = z.infer<typeof Finding>;

export const LintResult = z.object({ lineVersion: LineVersions, findings: z.array(Finding) });
export type LintResult = z.infer<typeof LintResult>;

export const LintContext = z.object({
  /** Networks the text goes to; per-network checks run for these. */
  networks: z.array(Network).default([]),
  /** Expected language; by default the line's. */
  language: Language.optional(),
  mastodonMaxCharacters: z.number().int().min(1).max(1_000_000).default(500),
  mastodonCharactersReservedPerUrl: z.number().int().min(0).max(10_000).default(23),
  instagramHashtagCap: z.number().int().min(0).max(100).default(5),
  /** utm_campaign for this post. */
  utmCampaign: z.string().trim().min(1).max(100).optional(),
});
export type LintContext = z.infer<typeof LintContext>;
export type LintContextInput = z.input<typeof LintContext>;
