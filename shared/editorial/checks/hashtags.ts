import type { RuleOfKind } from '../ruleSchema';
import type { HashtagEntity } from '../text/entities';
import { hashtagKey } from '../text/entities';
import { readingsFor, reportEachReading } from './readings';
import type { Check, CheckEnv, Report } from './types';

/**
 * Index of the first hashtag of the closing block: hashtags separated only by white space
 * and followed only by white space (or a final full stop) up to the end.
 */
export function closingBlockStart(text: string, tags: readonly HashtagEntity[], isSignature: (line: string) => boolean = () => false): number {
  // A required mention on the last line (the bar mention, say) may follow the hashtags.
  const lastBreak = text.trimEnd().lastIndexOf('\n');
  const end = lastBreak !== -1 && isSignature(text.slice(lastBreak + 1)) ? lastBreak : text.length;
  let start = tags.length;
  while (start > 0) {
    const tag = tags[start - 1];
    if (!tag) break;
    const next = tags[start];
    const between = text.slice(tag.to, next ? next.from : end);
    if (!(next ? /^\s*$/u : /^[\s.]*$/u).test(between)) break;
    start--;
  }
  return start;
}

/** Where to add a hashtag: after the closing block if there is one, else in a new paragraph. */
function appendHashtag(text: string, tags: readonly HashtagEntity[], blockStart: number, tag: string): { from: number; to: number; insert: string } {
  const last = tags[tags.length - 1];
  if (last && blockStart < tags.length) return { from: last.to, to: last.to, insert: ` #${tag}` };
  const at = text.trimEnd().length;
  return { from: at, to: at, insert: at === 0 ? `#${tag}` : `\n\n#${tag}` };
}

/** Removes a hashtag and the space before it. */
function removal(text: string, tag: HashtagEntity): { from: number; to: number; insert: string } {
  const from = tag.from > 0 && /[ \t]/u.test(text.charAt(tag.from - 1)) ? tag.from - 1 : tag.from;
  return { from, to: tag.to, insert: '' };
}

/**
 * Bluesky and Mastodon read hashtags their own way: Bluesky takes `#droit-du-travail` whole
 * where X and LinkedIn stop at the hyphen; Mastodon makes none after `(` or `:`. Each
 * reading runs for the networks that read that way: the first reading present (X's for the
 * other networks, else Bluesky's, else Mastodon's) reports as before, and what only another
 * reading finds is reported for its network.
 */
export function hashtagsCheck(rule: RuleOfKind<'hashtags'>): Check {
  const run = hashtagRules(rule);
  return (analysis, env, report) => {
    const readings = readingsFor(env.context.networks, () => analysis.hashtags, [
      { network: 'bluesky', entities: () => analysis.blueskyHashtags },
      { network: 'mastodon', entities: () => analysis.mastodonHashtags },
    ]);
    reportEachReading(readings, (tags, reportTags) => run(analysis.text, tags, env, reportTags), report);
  };
}

function hashtagRules(rule: RuleOfKind<'hashtags'>): (text: string, tags: readonly HashtagEntity[], env: CheckEnv, report: Report) => void {
  const required = rule.required.map((tag) => ({ tag, key: hashtagKey(tag) }));
  const allowed = rule.allowed ? new Set([...rule.allowed, ...rule.required].map(hashtagKey)) : null;
  return (text, tags, { isRequiredMention }, report) => {
    const present = new Set(tags.map((t) => hashtagKey(t.tag)));
    const blockStart = closingBlockStart(text, tags, isRequiredMention);

    for (const { tag, key } of required) {
      if (present.has(key)) continue;
      report({
        messageKey: 'editorial.finding.hashtagMissing',
        params: { hashtag: `#${tag}` },
        range: { from: text.length, to: text.length },
        fix: { labelKey: 'editorial.fix.addHashtag', labelParams: { hashtag: `#${tag}` }, edits: [appendHashtag(text, tags, blockStart, tag)] },
      });
    }

    tags.forEach((tag, index) => {
      const hashtag = `#${tag.tag}`;
      const range = { from: tag.from, to: tag.to };
      if (allowed && !allowed.has(hashtagKey(tag.tag))) {
        report({
          messageKey: 'editorial.finding.hashtagNotAllowed',
          params: { hashtag },
          range,
          fix: { labelKey: 'editorial.fix.removeHashtag', labelParams: { hashtag }, edits: [removal(text, tag)] },
        });
      }
      if (rule.max !== undefined && index >= rule.max) {
        report({ messageKey: 'editorial.finding.hashtagTooMany', params: { hashtag, count: tags.length, max: rule.max }, range });
      }
      if (rule.position === 'end' && index < blockStart) {
        // Keep the word in its sentence; the hashtag moves to the closing block.
        const add = appendHashtag(text, tags, blockStart, tag.tag);
        report({
          messageKey: 'editorial.finding.hashtagNotAtEnd',
          params: { hashtag },
          range,
          fix: { labelKey: 'editorial.fix.moveHashtagToEnd', labelParams: { hashtag }, edits: [{ from: tag.from, to: tag.from + 1, insert: '' }, add] },
        });
      }
    });
  };
}
