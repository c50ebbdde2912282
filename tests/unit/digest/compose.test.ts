import { describe, expect, it } from 'vitest';
import { composeDigest, groupThousands, periodLabel } from '../../../shared/digest/compose';
import type { DigestInput } from '../../../shared/digest/compose';
import { followingPeriod, lastEndedPeriod, periodOf } from '../../../shared/digest/period';

const paris = { displayName: 'Me Claire Dupont', locale: 'fr' as const, timeZone: 'Europe/Paris' };
const november = periodOf('monthly', '2026-11-10', 'Europe/Paris');

const input = (over: Partial<DigestInput> = {}): DigestInput => ({
  partner: paris,
  period: november,
  next: followingPeriod(november, 'Europe/Paris'),
  published: [],
  awaiting: [],
  planned: [],
  silent: [],
  ...over,
});

describe('digest periods', () => {
  it('a month runs from local midnight on the 1st to local midnight on the 1st of the next month', () => {
    const october = periodOf('monthly', '2026-10-31', 'Europe/Paris');
    expect(october.key).toBe('2026-10');
    expect(new Date(october.start).toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(new Date(october.end).toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });

  it('the ISO week holding the clocks going back is 169 hours long, Monday to Monday in Paris', () => {
    const week = periodOf('weekly', '2026-10-25', 'Europe/Paris');
    expect(week).toMatchObject({ key: '2026-W43', from: '2026-10-19', to: '2026-10-25' });
    expect(new Date(week.start).toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(new Date(week.end).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((week.end - week.start) / 3_600_000).toBe(169);
  });

  it('the week of 28 December 2026 belongs to ISO year 2026 and runs into January', () => {
    expect(periodOf('weekly', '2027-01-02', 'Europe/Paris')).toMatchObject({ key: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
  });

  it('the last ended period is judged on the partner’s own calendar', () => {
    // 1 Dec 2026 00:30 in Paris is still 30 November in New York.
    const now = Date.parse('2026-11-30T23:30:00Z');
    expect(lastEndedPeriod('monthly', now, 'Europe/Paris').key).toBe('2026-11');
    expect(lastEndedPeriod('monthly', now, 'America/New_York').key).toBe('2026-10');
    expect(lastEndedPeriod('weekly', now, 'Europe/Paris').key).toBe('2026-W48');
  });

  it('names a week across two months and across two years in full', () => {
    expect(periodLabel(periodOf('weekly', '2026-12-01', 'Europe/Paris'), 'fr')).toBe('semaine du 30 novembre au 6 décembre 2026');
    expect(periodLabel(periodOf('weekly', '2027-01-01', 'Europe/Paris'), 'en')).toBe('week of 28 December 2026 to 3 January 2027');
    expect(periodLabel(periodOf('weekly', '2026-11-25', 'Europe/Paris'), 'fr')).toBe('semaine du 23 au 29 novembre 2026');
    expect(periodLabel(periodOf('weekly', '2026-06-02', 'Europe/Paris'), 'fr')).toBe('semaine du 1er au 7 juin 2026');
  });
});

describe('composeDigest', () => {
  it('a post published at 23:30 UTC shows on the next day in Paris, with its offset', () => {
    const digest = composeDigest(
      input({ published: [{ title: 'Réforme', network: 'linkedin', publishedAt: Date.parse('2026-11-09T23:30:00Z'), url: null, figures: {} }] }),
    );
    expect(digest.text).toContain('mardi 10 novembre 2026 à 00:30 (UTC+01:00)');
    expect(digest.html).toContain('mardi 10 novembre 2026 à 00:30 (UTC+01:00)');
    expect(digest.text).toContain('heure de Paris');
  });

  it('writes in French with French typography for a French partner', () => {
    const digest = composeDigest(
      input({
        published: [{ title: 'Réforme', network: 'linkedin', publishedAt: Date.parse('2026-11-12T08:00:00Z'), url: 'https://www.linkedin.com/feed/update/urn:li:activity:1', figures: { likes: 1234, replies: 5 } }],
        awaiting: [{ title: 'Arrêt du 3 mars', deadlineAt: Date.parse('2026-12-03T17:00:00Z') }],
        silent: [{ network: 'linkedin', minPerWeek: 2, lastPublishedAt: Date.parse('2026-11-12T08:00:00Z'), daysSilent: 19 }],
      }),
    );
    expect(digest.subject).toBe('Vos publications en novembre 2026');
    expect(digest.language).toBe('fr');
    expect(digest.text).toContain('Bonjour Me Claire Dupont,');
    expect(digest.text).toContain('1\u202f234\u00a0j’aime · 5\u00a0réponses');
    expect(digest.text).toContain('validation attendue avant le jeudi 3 décembre 2026 à 18:00 (UTC+01:00)');
    expect(digest.text).toContain('LinkedIn\u00a0: aucune publication depuis 19\u00a0jours (objectif convenu\u00a0: au moins 2\u00a0publications par semaine).');
    expect(digest.text).toContain('Prévu ensuite (décembre 2026)');
    // No ASCII space before a high punctuation mark, no straight apostrophe.
    expect(digest.text).not.toMatch(/ [:;!?]/);
    expect(digest.text).not.toContain("'");
  });

  it('writes in English, times still in the partner’s zone', () => {
    const digest = composeDigest(
      input({
        partner: { displayName: 'Ms Jane Roe', locale: 'en', timeZone: 'America/New_York' },
        period: periodOf('weekly', '2026-11-25', 'America/New_York'),
        next: periodOf('weekly', '2026-12-02', 'America/New_York'),
        planned: [{ title: 'Year in review', networks: ['linkedin', 'bluesky'], scheduledAt: Date.parse('2026-12-01T14:00:00Z') }],
      }),
    );
    expect(digest.subject).toBe('Your posts in the week of 23 to 29 November 2026');
    expect(digest.text).toContain('Year in review — LinkedIn, Bluesky, Tuesday 1 December 2026 at 09:00 (UTC-05:00)');
    expect(digest.text).toContain('Nothing was published under your name in this period.');
    expect(digest.html).toContain('<html lang="en">');
  });

  it('escapes every value in the HTML part and links only web addresses of published posts', () => {
    const digest = composeDigest(
      input({
        partner: { ...paris, displayName: '<script>x</script>' },
        published: [
          { title: '<img src=http://evil/x.png>', network: 'x', publishedAt: Date.parse('2026-11-12T08:00:00Z'), url: 'https://x.com/a/status/1', figures: {} },
          { title: 'Odd link', network: 'mastodon', publishedAt: Date.parse('2026-11-13T08:00:00Z'), url: 'javascript:alert(1)', figures: {} },
        ],
      }),
    );
    expect(digest.html).not.toContain('<script>');
    expect(digest.html).not.toContain('<img');
    expect(digest.html).toContain('&lt;img src=http://evil/x.png&gt;');
    expect(digest.html).not.toContain('javascript:');
    const urls = [...digest.html.matchAll(/(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[0]);
    expect(urls).toEqual(['href="https://x.com/a/status/1"']);
    expect(digest.html).not.toMatch(/<link|@import|url\(|<img|<script/i);
  });

  it('names an untitled post « Sans titre » (Untitled in English) in both parts, never an empty line', () => {
    const planned = [{ title: '', networks: ['linkedin' as const], scheduledAt: Date.parse('2026-12-04T09:00:00Z') }];
    const awaiting = [{ title: ' ', deadlineAt: null }];
    const fr = composeDigest(input({ planned, awaiting }));
    expect(fr.text).toContain('- Sans titre — LinkedIn, ');
    expect(fr.text).not.toMatch(/^- {2}—/mu);
    expect(fr.html).toContain('<strong>Sans titre</strong>');
    expect(fr.html).not.toContain('<strong></strong>');
    expect(composeDigest(input({ partner: { ...paris, locale: 'en' }, planned, awaiting })).text).toContain('- Untitled — LinkedIn, ');
  });

  it('groups thousands with the locale’s separator', () => {
    expect(groupThousands(1_234_567, '\u202f')).toBe('1\u202f234\u202f567');
    expect(groupThousands(999, ',')).toBe('999');
  });
});
