import { AppBskyRichtextFacet, RichText } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { extractBlueskyHashtags } from '../../../shared/editorial/text/blueskyTags';

/**
 * Bluesky's own tag-detection cases, from bluesky-social/atproto
 * packages/api/tests/rich-text-detection.test.ts ("correctly detects tags inline"), as shipped
 * with @atproto/api 0.19.19 (the version the Bluesky connector sends with): input, tags, and
 * each tag's UTF-8 byte range.
 */
const BLUESKY_CASES: [string, string[], [number, number][]][] = [
  ['#a', ['a'], [[0, 2]]],
  ['#a #b', ['a', 'b'], [[0, 2], [3, 5]]],
  ['#1', [], []],
  ['#1a', ['1a'], [[0, 3]]],
  ['#tag', ['tag'], [[0, 4]]],
  ['body #tag', ['tag'], [[5, 9]]],
  ['#tag body', ['tag'], [[0, 4]]],
  ['body #tag body', ['tag'], [[5, 9]]],
  ['body #1', [], []],
  ['body #1a', ['1a'], [[5, 8]]],
  ['body #a1', ['a1'], [[5, 8]]],
  ['#', [], []],
  ['#?', [], []],
  ['text #', [], []],
  ['text # text', [], []],
  ['body #thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', ['thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'], [[5, 70]]],
  ['body #thisisa65characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', [], []],
  ['body #thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', ['thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'], [[5, 70]]],
  ['its a #double#rainbow', ['double#rainbow'], [[6, 21]]],
  ['##hashash', ['#hashash'], [[0, 9]]],
  ['##', [], []],
  ['some #n0n3s@n5e!', ['n0n3s@n5e'], [[5, 15]]],
  ['works #with,punctuation', ['with,punctuation'], [[6, 23]]],
  ['strips trailing #punctuation, #like. #this!', ['punctuation', 'like', 'this'], [[16, 28], [30, 35], [37, 42]]],
  ['strips #multi_trailing___...', ['multi_trailing'], [[7, 22]]],
  ['works with #🦋 emoji, and #butter🦋fly', ['🦋', 'butter🦋fly'], [[11, 16], [28, 42]]],
  ['#same #same #but #diff', ['same', 'same', 'but', 'diff'], [[0, 5], [6, 11], [12, 16], [17, 22]]],
  ['this #️⃣tag should not be a tag', [], []],
  ['this ##️⃣tag should be a tag', ['#️⃣tag'], [[5, 16]]],
  ['this #t\nag should be a tag', ['t'], [[5, 7]]],
  ['no match (\\u200B): #\u200b', [], []],
  ['no match (\\u200Ba): #\u200ba', [], []],
  ['match (a\\u200Bb): #a\u200bb', ['a'], [[18, 20]]],
  ['match (ab\\u200B): #ab\u200b', ['ab'], [[18, 21]]],
  ['no match (\\u20e2tag): #\u20e2tag', [], []],
  ['no match (a\\u20e2b): #a\u20e2b', ['a'], [[21, 23]]],
  ['match full width number sign (tag): ＃tag', ['tag'], [[36, 42]]],
  ['match full width number sign (tag): ＃#️⃣tag', ['#️⃣tag'], [[36, 49]]],
  ['no match 1?: #1?', [], []],
];

/** What a French ghostwriter types, as the issue measured it. */
const FRENCH_CASES: [string, string[]][] = [
  ['Nouvel article #droit-du-travail', ['droit-du-travail']],
  ["Le métier d'avocat #L'avocat.", ["L'avocat"]],
  ['#DroitDuTravail🇫🇷', ['DroitDuTravail🇫🇷']],
  ['#Avocats, #Paris !', ['Avocats', 'Paris']],
  ['Texte\u00a0#Droit', ['Droit']],
  ['«\u202f#Droit\u202f»', ['Droit']],
  ['voir https://exemple.fr/page#section', []],
];

const bytes = (text: string, offset: number): number => new TextEncoder().encode(text.slice(0, offset)).length;

function plume(text: string): { tags: string[]; ranges: [number, number][] } {
  const found = extractBlueskyHashtags(text);
  return { tags: found.map((t) => t.tag), ranges: found.map((t) => [bytes(text, t.from), bytes(text, t.to)]) };
}

/** The SDK the connector sends with, without network resolution; tags only (not cashtags). */
function sdk(text: string): { tags: string[]; ranges: [number, number][] } {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const tags: string[] = [];
  const ranges: [number, number][] = [];
  for (const facet of rich.facets ?? []) {
    for (const feature of facet.features) {
      if (!AppBskyRichtextFacet.isTag(feature) || feature.tag.startsWith('$')) continue;
      tags.push(feature.tag);
      ranges.push([facet.index.byteStart, facet.index.byteEnd]);
    }
  }
  return { tags, ranges };
}

describe('Bluesky hashtags, as Bluesky reads them', () => {
  it.each(BLUESKY_CASES)('passes Bluesky’s own case %j', (input, tags, ranges) => {
    expect(plume(input)).toEqual({ tags, ranges });
  });

  it.each(FRENCH_CASES)('reads %j whole, flag and hyphens and apostrophes kept', (input, tags) => {
    expect(plume(input).tags).toEqual(tags);
  });

  it('agrees with the SDK the connector sends with, case by case', () => {
    for (const input of [...BLUESKY_CASES.map(([text]) => text), ...FRENCH_CASES.map(([text]) => text)]) {
      expect({ input, ...plume(input) }).toEqual({ input, ...sdk(input) });
    }
  });

  it('drops a tag over 64 characters whole rather than cutting it', () => {
    const long = `#${'a'.repeat(65)}`;
    expect(extractBlueskyHashtags(long)).toEqual([]);
    expect(extractBlueskyHashtags(`#${'a'.repeat(64)}`)).toHaveLength(1);
  });
});
