import { DEFAULT_SHORTENERS } from '../ruleSchema';
import type { RuleOfKind } from '../ruleSchema';
import { domainMatcher } from '../text/entities';
import type { MentionEntity } from '../text/entities';
import { addUtm, hasUtm } from '../utm';
import type { Check, RawFinding } from './types';

const isShortener = domainMatcher(DEFAULT_SHORTENERS);

export function linksCheck(rule: RuleOfKind<'links'>): Check {
  const shortened = domainMatcher(rule.shorteners);
  const allowed = domainMatcher(rule.allowedDomains);
  return (analysis, _env, report) => {
    for (const url of analysis.urls) {
      const range = { from: url.from, to: url.to };
      if (rule.forbidShorteners && shortened(url.host)) {
        report({ messageKey: 'editorial.finding.linkShortener', params: { domain: url.host, url: url.url }, range });
      } else if (rule.allowedDomains.length > 0 && !allowed(url.host)) {
        report({ messageKey: 'editorial.finding.linkDomainNotAllowed', params: { domain: url.host, url: url.url }, range });
      }
    }
  };
}

export function utmCheck(rule: RuleOfKind<'utm'>): Check {
  const tracked = domainMatcher(rule.domains);
  return (analysis, { context }, report) => {
    const [single] = context.networks;
    const source = rule.source ?? (single && context.networks.length === 1 ? single : 'social');
    const campaign = context.utmCampaign ?? rule.campaign;
    for (const url of analysis.urls) {
      // A shortened link hides its query: adding UTM to it does nothing useful.
      if (isShortener(url.host) || hasUtm(url.url)) continue;
      if (rule.domains.length > 0 && !tracked(url.host)) continue;
      const tagged = addUtm(url.url, { source, medium: rule.medium, campaign });
      report({
        messageKey: 'editorial.finding.linkWithoutUtm',
        params: { url: url.url },
        range: { from: url.from, to: url.to },
        fix: { labelKey: 'editorial.fix.addUtm', edits: [{ from: url.from, to: url.to, insert: tagged }] },
      });
    }
  };
}

export function mentionsCheck(rule: RuleOfKind<'mentions'>): Check {
  const allowed = new Set(rule.allowed.map((handle) => handle.toLowerCase()));
  const check = (mentions: readonly MentionEntity[], report: (finding: RawFinding) => void): void => {
    for (const mention of mentions) {
      const handle = mention.handle.toLowerCase();
      if (allowed.has(handle) || allowed.has(mention.user.toLowerCase())) continue;
      report({ messageKey: 'editorial.finding.mentionNotAllowed', params: { mention: `@${mention.handle}` }, range: { from: mention.from, to: mention.to } });
    }
  };
  return (analysis, { context }, report) => {
    // An empty list means no restriction, like an empty list of allowed domains.
    if (allowed.size === 0) return;
    // X reads mentions its own way (twitter-text): alone, its reading is the post's; beside
    // other networks, what only X's reading finds is reported for X.
    const networks = context.networks;
    if (networks.length > 0 && networks.every((network) => network === 'x')) return check(analysis.xMentions, report);
    const seen = new Set<string>();
    check(analysis.mentions, (finding) => {
      seen.add(JSON.stringify([finding.range, finding.params]));
      report(finding);
    });
    if (!networks.includes('x')) return;
    check(analysis.xMentions, (finding) => {
      if (!seen.has(JSON.stringify([finding.range, finding.params]))) report({ ...finding, network: 'x' });
    });
  };
}
