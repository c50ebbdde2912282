import { describe, expect, it } from 'vitest';
import { conflictExcerpt } from '../../../shared/posts/conflictExcerpt';

const opening = 'Dix ans après la réforme du droit des contrats, trois clauses posent encore question aux dirigeants de PME : ';
const longPost = `${opening}${'l’imprévision, les clauses abusives entre professionnels, la durée des négociations. '.repeat(6)}Avocate au barreau de Paris.`;

describe('the conflict banner quotes the other version where it differs from mine', () => {
  it('quotes a short version whole, cut nowhere', () => {
    expect(conflictExcerpt('  Bonjour à tous.  ', 'Bonjour.', 280)).toEqual({ text: 'Bonjour à tous.', cutBefore: false, cutAfter: false });
  });

  it('quotes a sentence the other window added at the end of a long post, with the words before it', () => {
    const theirs = `${longPost} Phrase de A seulement.`;
    const excerpt = conflictExcerpt(theirs, `${longPost} Version de B.`, 280);
    expect(excerpt.text).toContain('Phrase de A seulement.');
    expect(excerpt.text.endsWith('Phrase de A seulement.')).toBe(true);
    expect(excerpt.cutBefore).toBe(true);
    expect(excerpt.cutAfter).toBe(false);
    expect(excerpt.text.length).toBeLessThanOrEqual(280);
    // It starts on a word, not in the middle of one.
    expect(theirs.includes(` ${excerpt.text}`)).toBe(true);
  });

  it('quotes a change near the start from the start, cut after', () => {
    const theirs = longPost.replace('Dix ans', 'Douze ans');
    const excerpt = conflictExcerpt(theirs, longPost, 280);
    expect(excerpt.text.startsWith('Douze ans après')).toBe(true);
    expect(excerpt.cutBefore).toBe(false);
    expect(excerpt.cutAfter).toBe(true);
  });

  it('keeps some of the common text before a change in the middle', () => {
    const middle = Math.floor(longPost.length / 2);
    const theirs = `${longPost.slice(0, middle)}NOUVEAU ${longPost.slice(middle)}`;
    const excerpt = conflictExcerpt(theirs, longPost, 120);
    const at = excerpt.text.indexOf('NOUVEAU');
    expect(at).toBeGreaterThan(20);
    expect(at).toBeLessThanOrEqual(60);
    expect(excerpt.cutBefore && excerpt.cutAfter).toBe(true);
  });

  it('when mine only adds to theirs, quotes the end of theirs', () => {
    const excerpt = conflictExcerpt(longPost, `${longPost} Ajout.`, 100);
    expect(longPost.endsWith(excerpt.text)).toBe(true);
    expect(excerpt.cutAfter).toBe(false);
  });
});
