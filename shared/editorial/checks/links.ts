import { DEFAULT_SHORTENERS } from '../ruleSchema';
import type { RuleOfKind } from '../ruleSchema';
import type { TextAnalysis } from '../text/analysis';
import { domainMatcher } from '../text/entities';
import type { MentionEntity, UrlEntity } from '../text/entities';
import { addUtm, hasUtm } from '../utm';
import type { Network } from '../../posts/networks';
import { readingsFor, reportEachReading } from './readings';
import type { Reading } from './readings';
import type { Check, Report } from './types';

const isShortener = domainMatcher(DEFAULT_SHORTENERS);

/*
 * Bluesky links what its SDK's detection links (a bare domain only with a known TLD, no
 * hyphen: `cabinet-martin.fr` is text there), X and the other networks what twitter-text does.
 * A post to Bluesky is read Bluesky's way; beside other networks, what only Bluesky's reading
 * finds is reported for Bluesky.
 */
const linkReadings = (analysis: TextAnalysis, networks: readonly Network[]): Reading<UrlEntity>[] =>
  readingsFor(networks, () => analysis.urls, [{ network: 'bluesky', entities: () => analysis.blueskyLinks }]);

export function linksCheck(rule: RuleOfKind<'links'>): Check {
  const shortened = domainMatcher(rule.shorteners);
  const allowed = domainMatcher(rule.allowedDomains);
  const check = (urls: readonly UrlEntity[], report: Report): void => {
    for (const url of urls) {
      const range = { from: url.from, to: url.to };
      if (rule.forbidShorteners && shortened(url.host)) {
        report({ messageKey: 'editorial.finding.linkShortener', params: { domain: url.host, url: url.url }, range });
      } else if (rule.allowedDomains.length > 0 && !allowed(url.host)) {
        report({ messageKey: 'editorial.finding.linkDomainNotAllowed', params: { domain: url.host, url: url.url }, range });
      }
    }
  };
  return (analysis, { context }, report) => reportEachReading(linkReadings(analysis, context.networks), check, report);
}

export function utmCheck(rule: RuleOfKind<'utm'>): Check {
  const tracked = domainMatcher(rule.domains);
  return (analysis, { context }, report) => {
    const [single] = context.networks;
    const source = rule.source ?? (single && context.networks.length === 1 ? single : 'social');
    const campaign = context.utmCampaign ?? rule.campaign;
    const check = (urls: readonly UrlEntity[], reportUrl: Report): void => {
      for (const url of urls) {
        // A shortened link hides its query: adding UTM to it does nothing useful.
        if (isShortener(url.host) || hasUtm(url.url)) continue;
        if (rule.domains.length > 0 && !tracked(url.host)) continue;
        const tagged = addUtm(url.url, { source, medium: rule.medium, campaign });
        reportUrl({
          messageKey: 'editorial.finding.linkWithoutUtm',
          params: { url: url.url },
          range: { from: url.from, to: url.to },
          fix: { labelKey: 'editorial.fix.addUtm', edits: [{ from: url.from, to: url.to, insert: tagged }] },
        });
      }
    };
    reportEachReading(linkReadings(analysis, context.networks), check, report);
  };
}

export function mentionsCheck(rule: RuleOfKind<'mentions'>): Check {
  const allowed = new Set(rule.allowed.map((handle) => handle.toLowerCase()));
  const check = (mentions: readonly MentionEntity[], report: Report): void => {
    for (const mention of mentions) {
      const handle = mention.handle.toLowerCase();
      if (allowed.has(handle) || allowed.has(mention.user.toLowerCase())) continue;
      report({ messageKey: 'editorial.finding.mentionNotAllowed', params: { mention: `@${mention.handle}` }, range: { from: mention.from, to: mention.to } });
    }
  };
  return (analysis, { context }, report) => {
    // An empty list means no restriction, like an empty list of allowed domains.
    if (allowed.size === 0) return;
    // X reads mentions its own way (twitter-text: `RT@paul`), Bluesky its own (a handle with a
    // dot and a known TLD: `@martin.bsky.social`, not `@martin`), the other networks as
    // Mastodon does. Alone, a network's reading is the post's; beside other networks, what
    // only X's or Bluesky's reading finds is reported for that network.
    const readings = readingsFor(context.networks, () => analysis.mentions, [
      { network: 'x', entities: () => analysis.xMentions },
      { network: 'bluesky', entities: () => analysis.blueskyMentions },
    ]);
    reportEachReading(readings, check, report);
  };
}
