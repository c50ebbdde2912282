import type { RuleOfKind } from '../ruleSchema';
import type { HashtagEntity } from '../text/entities';
import { hashtagKey } from '../text/entities';
import { readingsFor, reportEachReading } from './readings';
import type { Check, CheckEnv, RawFinding, Report } from './types';

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

const SPACE = /[ \t\u00a0\u202f]/u;

/**
 * Whether the hashtag (with the ones touching it) stands outside any sentence: after the start,
 * a line break or a sentence's end, and before a line break, the end or a new sentence
 * (« …le gouvernement. #Droit #Avocat⏎Suite »). Else it is a word of its sentence.
 */
function standsApart(text: string, tags: readonly HashtagEntity[], index: number): boolean {
  let first = index;
  let start = tags[index]?.from ?? 0;
  for (;;) {
    while (start > 0 && SPACE.test(text.charAt(start - 1))) start--;
    const previous = tags[first - 1];
    if (!previous || previous.to !== start) break;
    first--;
    start = previous.from;
  }
  let last = index;
  let end = tags[index]?.to ?? 0;
  for (;;) {
    while (end < text.length && SPACE.test(text.charAt(end))) end++;
    const next = tags[last + 1];
    if (!next || next.from !== end) break;
    last++;
    end = next.to;
  }
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.charAt(end);
  const opens = start === 0 || before.endsWith('\n') || /[.!?…][»”"')\]]?$/u.test(before);
  const closes = end === text.length || after === '\n' || /\p{Lu}/u.test(after);
  return opens && closes;
}

/** Takes a hashtag out with the spaces beside it, and its line when it stood alone there. */
function moveRemoval(text: string, tag: HashtagEntity): { from: number; to: number; insert: string } {
  let from = tag.from;
  let to = tag.to;
  while (from > 0 && SPACE.test(text.charAt(from - 1))) from--;
  while (to < text.length && SPACE.test(text.charAt(to))) to++;
  const lineStart = from === 0 || text.charAt(from - 1) === '\n';
  const lineEnd = to === text.length || text.charAt(to) === '\n';
  if (lineStart && lineEnd) {
    if (text.charAt(to) === '\n') return { from, to: to + 1, insert: '' };
    return { from: from > 0 ? from - 1 : from, to, insert: '' };
  }
  // Between two words, the spaces before go and those after stay.
  return lineStart || lineEnd ? { from, to, insert: '' } : { from, to: tag.to, insert: '' };
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
  const requiredKeys = new Set(required.map(({ key }) => key));
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

    if (rule.max !== undefined && tags.length > rule.max) report(tooMany(text, tags, rule.max, requiredKeys, allowed));

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
      if (rule.position === 'end' && index < blockStart) {
        const add = appendHashtag(text, tags, blockStart, tag.tag);
        const cut = standsApart(text, tags, index) ? moveRemoval(text, tag) : null;
        // Outside any sentence the hashtag moves; inside one the word stays, or the sentence would lose it.
        const fix =
          cut && cut.to <= add.from
            ? { labelKey: 'editorial.fix.moveHashtagToEnd', labelParams: { hashtag }, edits: [cut, add] }
            : { labelKey: 'editorial.fix.keepWordMoveHashtag', labelParams: { hashtag }, edits: [{ from: tag.from, to: tag.from + 1, insert: '' }, add] };
        report({ messageKey: 'editorial.finding.hashtagNotAtEnd', params: { hashtag }, range, fix });
      }
    });
  };
}

/**
 * The hashtags past the maximum, as one finding (the post has too many, once): anchored on the
 * ones to take out, which are never the occurrence that meets a required hashtag (its last one,
 * the closing block's), and taken out by its quick fix. Off-list hashtags go first, then the
 * last ones. When the required hashtags alone are more than the maximum, the line contradicts
 * itself: the finding says so and offers to take out only what may go.
 */
function tooMany(text: string, tags: readonly HashtagEntity[], max: number, requiredKeys: ReadonlySet<string>, allowed: ReadonlySet<string> | null): RawFinding {
  const protectedAt = new Set<number>();
  const seenRequired = new Set<string>();
  for (let index = tags.length - 1; index >= 0; index--) {
    const key = hashtagKey(tags[index]?.tag ?? '');
    if (requiredKeys.has(key) && !seenRequired.has(key)) {
      seenRequired.add(key);
      protectedAt.add(index);
    }
  }
  const offList = (index: number) => allowed !== null && !allowed.has(hashtagKey(tags[index]?.tag ?? ''));
  const removable = tags.map((_, index) => index).filter((index) => !protectedAt.has(index));
  const excess = tags.length - max;
  const chosen = [...removable]
    .sort((a, b) => Number(offList(b)) - Number(offList(a)) || b - a)
    .slice(0, excess)
    .sort((a, b) => a - b)
    .flatMap((index) => tags[index] ?? []);
  const params = { count: tags.length, max };
  const fix = removalFix(text, chosen);
  if (removable.length < excess) {
    const message = { messageKey: 'editorial.finding.hashtagTooManyRequired', params: { ...params, required: protectedAt.size } };
    // Nothing may go: a place at the end of the post, never a required hashtag.
    if (!fix) return { ...message, range: { from: text.length, to: text.length } };
    return { ...message, range: anchor(tags, chosen, protectedAt), fix };
  }
  return { messageKey: 'editorial.finding.hashtagTooMany', params, range: anchor(tags, chosen, protectedAt), ...(fix ? { fix } : {}) };
}

/** From the first hashtag to take out to the last, when no protected one lies between; else the last alone. */
function anchor(tags: readonly HashtagEntity[], chosen: readonly HashtagEntity[], protectedAt: ReadonlySet<number>): { from: number; to: number } {
  const first = chosen[0];
  const last = chosen[chosen.length - 1];
  if (!first || !last) return { from: 0, to: 0 };
  const between = tags.some((tag, index) => protectedAt.has(index) && tag.from > first.from && tag.to < last.to);
  return between ? { from: last.from, to: last.to } : { from: first.from, to: last.to };
}

/** Takes these hashtags out, each with the space before it; the label names them all. */
function removalFix(text: string, chosen: readonly HashtagEntity[]): RawFinding['fix'] {
  const [only, ...others] = chosen;
  if (!only) return undefined;
  const edits = chosen.map((tag) => removal(text, tag));
  if (others.length === 0) return { labelKey: 'editorial.fix.removeHashtag', labelParams: { hashtag: `#${only.tag}` }, edits };
  const names = chosen.map((tag) => `#${tag.tag}`);
  return { labelKey: 'editorial.fix.removeHashtags', labelParams: { hashtags: names.slice(0, -1).join(', '), last: names[names.length - 1] ?? '' }, edits };
}
