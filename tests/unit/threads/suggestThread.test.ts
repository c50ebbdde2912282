import { describe, expect, it } from 'vitest';
import { measure } from '../../../shared/editorial/networks/measure';
import { extractHashtags, extractMentions, extractUrls } from '../../../shared/editorial/text/entities';
import { suggestThread } from '../../../shared/threads/split';
import { threadNetworks } from '../../../shared/threads/networks';
import { threadIsStale } from '../../../shared/threads/stale';

const NNBSP = '\u202f';
const sentence = (n: number): string => `Phrase numéro ${n} sur le droit du travail, avec assez de mots pour peser.`;
const numberingOf = (part: string): string => /\s(\d+\/\d+)$/u.exec(part)?.[1] ?? '';
const withoutNumbering = (part: string): string => part.replace(/\s\d+\/\d+$/u, '');

describe('thread split suggestions', () => {
  it('suggests nothing for a text within the limit', () => {
    expect(suggestThread('x', 'Court et net.')).toBeNull();
  });

  it('breaks at sentence ends and keeps every word, in order', () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join(' ');
    const parts = suggestThread('x', text);
    expect(parts).not.toBeNull();
    const list = parts ?? [];
    expect(list.length).toBeGreaterThan(1);
    for (const part of list) expect(withoutNumbering(part)).toMatch(/\.$/u);
    expect(list.map(withoutNumbering).join(' ')).toBe(text);
  });

  it('numbers the parts 1/n … n/n and each part, numbering included, is within the limit on every thread network', () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i + 1)).join(' ');
    for (const network of threadNetworks) {
      const list = suggestThread(network, text) ?? [];
      expect(list.map(numberingOf)).toEqual(list.map((_, i) => `${i + 1}/${list.length}`));
      for (const part of list) expect(measure(network, part).over).toBe(false);
    }
  });

  it('counts the numbering: a part filled to the limit without it is moved on', () => {
    // a + " " + b is 278 weighted characters: it fits without its numbering, not with " 1/2".
    const a = `${'a'.repeat(137)}.`;
    const b = `${'b'.repeat(138)}.`;
    const c = 'Et une fin.';
    const parts = suggestThread('x', `${a} ${b} ${c}`) ?? [];
    expect(parts).toEqual([`${a} 1/2`, `${b} ${c} 2/2`]);
    for (const part of parts) expect(measure('x', part).over).toBe(false);
  });

  it('never cuts a URL, a mention or a hashtag, even when a long sentence splits between words', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' ');
    const url = 'https://www.example.fr/articles/droit-du-travail?page=2&tri=date';
    const text = `${filler} ${url} @anne.dupont #DroitDuTravail ${filler} ${url} fin`;
    const parts = suggestThread('x', text) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    const whole = (list: { from: number; to: number }[], source: string) => list.map((e) => source.slice(e.from, e.to));
    const expected = [...whole(extractUrls(text), text), ...whole(extractMentions(text), text), ...whole(extractHashtags(text), text)].sort();
    const found = parts.flatMap((part) => {
      const body = withoutNumbering(part);
      return [...whole(extractUrls(body), body), ...whole(extractMentions(body), body), ...whole(extractHashtags(body), body)];
    });
    expect(found.sort()).toEqual(expected);
  });

  it('splits a too-long sentence at word boundaries, each part within the limit', () => {
    const text = Array.from({ length: 120 }, (_, i) => `mot${i}`).join(' ');
    const parts = suggestThread('bluesky', text) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map(withoutNumbering).join(' ')).toBe(text);
    for (const part of parts) expect(measure('bluesky', part).over).toBe(false);
  });

  it('reads French punctuation: « … », ? and ! after a no-break space end sentences, and a part never starts with the mark', () => {
    const sentences = Array.from({ length: 10 }, (_, i) =>
      i % 3 === 0
        ? `Faut-il vraiment attendre la décision numéro ${i}${NNBSP}?`
        : i % 3 === 1
          ? `Elle a dit «${NNBSP}c’est l’affaire ${i}, et rien d’autre${NNBSP}» et puis plus rien…`
          : `Voilà la règle ${i} qu’il faut retenir, sans exception${NNBSP}!`,
    );
    const text = sentences.join(' ');
    const parts = suggestThread('x', text) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const body = withoutNumbering(part);
      expect(body).toMatch(/[?!…]$/u);
      expect(body).not.toMatch(/^[?!:;»]/u);
    }
    expect(parts.map(withoutNumbering).join(' ')).toBe(text);
  });

  it('breaks inside a long French sentence without separating a mark from its no-break space', () => {
    const text = `${Array.from({ length: 70 }, (_, i) => `terme${i}`).join(' ')}${NNBSP}?`;
    const parts = suggestThread('x', text) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(withoutNumbering(part)).not.toMatch(/^[\s\u202f]*\?/u);
  });

  it('counts against the Mastodon instance’s own limit', () => {
    const text = Array.from({ length: 5 }, (_, i) => sentence(i + 1)).join(' ');
    expect(suggestThread('mastodon', text)).toBeNull();
    const parts = suggestThread('mastodon', text, { mastodonMaxCharacters: 200 }) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(measure('mastodon', part, { mastodonMaxCharacters: 200 }).over).toBe(false);
  });
});

describe('a thread cut from an older text', () => {
  it('is stale once the body changes, and not when only the parts’ numbering or spacing differ', () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join(' ');
    const parts = suggestThread('x', text) ?? [];
    expect(threadIsStale(parts, text)).toBe(false);
    expect(threadIsStale(parts, `${text} Une phrase de plus.`)).toBe(true);
    expect(threadIsStale(parts.map((p) => p.replace(' ', '  ')), text)).toBe(false);
  });
});
