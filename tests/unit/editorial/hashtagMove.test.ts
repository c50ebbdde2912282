import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/editorial/index';
import type { Finding, RuleInput } from '../../../shared/editorial/index';
import { findings } from './helpers';

const atEnd: RuleInput[] = [{ kind: 'hashtags', id: 'hashtags', position: 'end' }];

/** Applies the first « not at the end » fix again and again, as a user clicking each one. */
function applyAll(text: string): { text: string; labels: string[] } {
  const labels: string[] = [];
  let current = text;
  for (let step = 0; step < 10; step++) {
    const finding: Finding | undefined = findings(current, atEnd).find((f) => f.messageKey === 'editorial.finding.hashtagNotAtEnd');
    if (!finding?.fix) break;
    labels.push(`${finding.fix.labelKey} ${String(finding.fix.labelParams.hashtag)}`);
    current = applyFix(current, finding.fix);
  }
  return { text: current, labels };
}

describe('a hashtag out of place goes to the end as its label says', () => {
  it('moves hashtags that stand between sentences, leaving no bare word (the reviewer’s post)', () => {
    const text = 'Nouvelle réforme selon le gouvernement. #DroitDesAffaires #Avocat\nSuite du texte ici.';
    expect(applyAll(text)).toEqual({
      text: 'Nouvelle réforme selon le gouvernement.\nSuite du texte ici.\n\n#DroitDesAffaires #Avocat',
      labels: ['editorial.fix.moveHashtagToEnd #DroitDesAffaires', 'editorial.fix.moveHashtagToEnd #Avocat'],
    });
  });

  it('takes a line of hashtags out whole', () => {
    const text = 'Premier paragraphe.\n#Droit #Avocat\nDeuxième paragraphe.';
    expect(applyAll(text).text).toBe('Premier paragraphe.\nDeuxième paragraphe.\n\n#Droit #Avocat');
  });

  it('moves a hashtag set between two sentences', () => {
    const text = 'Bravo à l’équipe\u202f! #Fierté Nous continuons.';
    expect(applyAll(text)).toEqual({ text: 'Bravo à l’équipe\u202f! Nous continuons.\n\n#Fierté', labels: ['editorial.fix.moveHashtagToEnd #Fierté'] });
  });

  it('keeps the word of a sentence and says so in the label', () => {
    const text = 'Nous accompagnons les #startups dans leur croissance.';
    expect(applyAll(text)).toEqual({
      text: 'Nous accompagnons les startups dans leur croissance.\n\n#startups',
      labels: ['editorial.fix.keepWordMoveHashtag #startups'],
    });
  });

  it('keeps the word of a sentence the hashtag opens', () => {
    const text = 'Fin. #Startups\u00a0: nous les accompagnons.';
    expect(applyAll(text).labels).toEqual(['editorial.fix.keepWordMoveHashtag #Startups']);
  });
});
