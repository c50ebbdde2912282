import { describe, expect, it } from 'vitest';
import { escapeLinkedInText, measure } from '../../../shared/editorial/index';
import { toLittleText } from '../../../shared/publishing/linkedinText';
import { renderLittle } from '../../support/fakes/littleText';

/**
 * LinkedIn's "little text format" (learn.microsoft.com/linkedin/marketing/community-management/
 * shares/little-text-format): reserved characters are sent behind a backslash, `#word` is a
 * HashtagElement. The counter and the connector must read the same commentary.
 */
const TEXTS = [
  'Nouvel article #DroitDuTravail, lisez-le !',
  '#droit @cabinet (voir [ici]) <b> *gras* _x_ ~y~ a|b {c} \\',
  '##double et # seul et a#b',
  'Lien https://exemple.fr/page#section',
  'Émoji 🇫🇷 #Paris2026 #été',
  '#',
  '',
];

describe('LinkedIn escaping: counter and sender agree', () => {
  it.each(TEXTS.map((text) => [text]))('counts %j as the length of what the connector sends', (text) => {
    expect(measure('linkedin', text).used).toBe(toLittleText(text).length);
    expect(escapeLinkedInText(text)).toBe(toLittleText(text));
  });

  it.each(TEXTS.map((text) => [text]))('shows %j on LinkedIn exactly as typed, never cut', (text) => {
    expect(renderLittle(toLittleText(text))).toMatchObject({ text, cutAt: undefined });
  });

  it('keeps hashtags as hashtags', () => {
    expect(toLittleText('Lire #DroitDuTravail et #été')).toBe('Lire #DroitDuTravail et #été');
    expect(renderLittle(toLittleText('Lire #DroitDuTravail et #été')).hashtags).toEqual(['DroitDuTravail', 'été']);
  });

  it('escapes both marks of ##double, so no stray # precedes a hashtag', () => {
    expect(toLittleText('##double')).toBe('\\#\\#double');
    expect(renderLittle(toLittleText('##double'))).toMatchObject({ text: '##double', hashtags: [] });
  });

  it('escapes a # that starts no hashtag', () => {
    expect(toLittleText('a#b # 1#')).toBe('a\\#b \\# 1\\#');
  });

  it('finds the overflow where the escaped text passes 3,000', () => {
    // A kept hashtag costs nothing, so the overflow starts one later than if its # were escaped.
    const text = `${'a'.repeat(2997)} #tag @x`;
    const count = measure('linkedin', text);
    expect(count.used).toBe(toLittleText(text).length);
    expect(count.overflowFrom).toBe(3000);
  });
});
