import { networkLabels } from '../../posts/networks';
import { measureAgainst, uniqueUrls } from '../networks/measure';
import type { RuleOfKind } from '../ruleSchema';
import type { Check } from './types';

/** The noncharacters X refuses in a post (twitter-text's invalid characters U+FFFE and U+FFFF). */
const X_REJECTED = /[\ufffe\uffff]/gu;

export function networkLimitsCheck(): Check {
  return (analysis, { context }, report) => {
    const end = analysis.text.length;
    if (context.networks.includes('x')) {
      for (const match of analysis.text.matchAll(X_REJECTED)) {
        const range = { from: match.index, to: match.index + 1 };
        const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase()}`;
        report({
          messageKey: 'editorial.finding.xRejectedCharacter',
          params: { network: networkLabels.x, code },
          range,
          network: 'x',
          fix: { labelKey: 'editorial.fix.removeCharacter', labelParams: { code }, edits: [{ ...range, insert: '' }] },
        });
      }
    }
    for (const network of context.networks) {
      const measurement = analysis.measure(network);
      const label = networkLabels[network];
      if (measurement.used > measurement.limit) {
        report({
          messageKey: 'editorial.finding.overLimit',
          params: { network: label, used: measurement.used, limit: measurement.limit, over: measurement.used - measurement.limit },
          range: { from: measurement.overflowFrom ?? 0, to: end },
          network,
        });
      }
      for (const detail of measurement.details) {
        if (!detail.over) continue;
        const params = { network: label, used: detail.used, limit: detail.limit };
        if (detail.unit === 'bytes') {
          report({ messageKey: 'editorial.finding.overBytes', params, range: { from: detail.overflowFrom ?? 0, to: end }, network });
        } else {
          // One finding per link or hashtag past the cap.
          const extra = (detail.unit === 'links' ? uniqueUrls(analysis.urls) : analysis.hashtags).slice(detail.limit);
          const messageKey = detail.unit === 'links' ? 'editorial.finding.tooManyLinks' : 'editorial.finding.tooManyHashtagsForNetwork';
          for (const entity of extra) report({ messageKey, params, range: { from: entity.from, to: entity.to }, network });
        }
      }
    }
  };
}

export function lengthTargetCheck(rule: RuleOfKind<'lengthTarget'>): Check {
  return (analysis, { context }, report) => {
    for (const { network, max } of rule.targets) {
      if (!context.networks.includes(network)) continue;
      // Past the hard limit, the error says it already.
      if (analysis.measure(network).over) continue;
      const target = measureAgainst(network, analysis.text, max, context);
      if (!target.over) continue;
      report({
        messageKey: 'editorial.finding.overTarget',
        params: { network: networkLabels[network], used: target.used, target: max },
        range: { from: target.overflowFrom ?? 0, to: analysis.text.length },
        network,
      });
    }
  };
}
