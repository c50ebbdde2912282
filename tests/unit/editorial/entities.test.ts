import { describe, expect, it } from 'vitest';
import { addUtm, applyFix } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { findings, flagged } from './helpers';

describe('required mentions', () => {
  const rules: RuleInput[] = [{ kind: 'requiredMention', id: 'sig', text: 'Cabinet Exemple — Paris', networks: ['linkedin'] }];

  it('is checked only for the networks it names', () => {
    expect(findings('Bonjour', rules, { networks: ['x'] })).toEqual([]);
    const [finding] = findings('Bonjour', rules, { networks: ['x', 'linkedin'] });
    expect(finding).toMatchObject({ messageKey: 'editorial.finding.requiredMentionMissing', network: 'linkedin', severity: 'error' });
    expect(finding?.params).toEqual({ mention: 'Cabinet Exemple — Paris', networks: 'LinkedIn' });
  });

  it('is found whatever the case, accents and spaces', () => {
    expect(findings('Merci.\nCABINET  exemple\u00a0— paris', rules, { networks: ['linkedin'] })).toEqual([]);
  });

  it.each([
    ['', 'Cabinet Exemple — Paris'],
    ['Bonjour', 'Bonjour\nCabinet Exemple — Paris'],
    ['Bonjour\n', 'Bonjour\nCabinet Exemple — Paris'],
  ])('the fix puts it at the end of %j on its own line', (text, fixed) => {
    const [finding] = findings(text, rules, { networks: ['linkedin'] });
    expect(finding?.range).toEqual({ from: text.length, to: text.length });
    expect(finding?.fix && applyFix(text, finding.fix)).toBe(fixed);
  });
});

describe('hashtags', () => {
  it('adds a missing required hashtag after the closing block, or in a new paragraph', () => {
    const rules: RuleInput[] = [{ kind: 'hashtags', id: 'tags', required: ['Droit', '#Avocats'] }];
    const [first, second] = findings('Texte.\n\n#droit', rules);
    expect(first?.params).toEqual({ hashtag: '#Avocats' });
    expect(second).toBeUndefined();
    expect(first?.fix && applyFix('Texte.\n\n#droit', first.fix)).toBe('Texte.\n\n#droit #Avocats');
    const [alone] = findings('Texte sans hashtag.', [{ kind: 'hashtags', id: 'tags', required: ['Droit'] }]);
    expect(alone?.fix && applyFix('Texte sans hashtag.', alone.fix)).toBe('Texte sans hashtag.\n\n#Droit');
  });

  it('flags hashtags off the allowed list, case and accents aside, and removes them', () => {
    const rules: RuleInput[] = [{ kind: 'hashtags', id: 'tags', allowed: ['droit', 'société'] }];
    const text = 'Texte #DROIT #Societe #Foot';
    const list = findings(text, rules);
    expect(list.map((f) => text.slice(f.range.from, f.range.to))).toEqual(['#Foot']);
    expect(list[0]?.fix && applyFix(text, list[0].fix)).toBe('Texte #DROIT #Societe');
  });

  it('flags the hashtags past the maximum once, on the ones to take out, and takes them out', () => {
    const text = '#a1 #b2 #c3 #d4';
    const list = findings(text, [{ kind: 'hashtags', id: 'tags', max: 2 }]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ messageKey: 'editorial.finding.hashtagTooMany', params: { count: 4, max: 2 } });
    expect(flagged(text, [{ kind: 'hashtags', id: 'tags', max: 2 }])).toEqual(['#c3 #d4']);
    expect(list[0]?.fix).toMatchObject({ labelKey: 'editorial.fix.removeHashtags', labelParams: { hashtags: '#c3', last: '#d4' } });
    expect(list[0]?.fix && applyFix(text, list[0].fix)).toBe('#a1 #b2');
    const [one] = findings('#a1 #b2 #c3', [{ kind: 'hashtags', id: 'tags', max: 2 }]);
    expect(one?.fix).toMatchObject({ labelKey: 'editorial.fix.removeHashtag', labelParams: { hashtag: '#c3' } });
  });

  describe('past the maximum, with a required hashtag', () => {
    const rules: RuleInput[] = [{ kind: 'hashtags', id: 'tags', max: 2, required: ['Droit'] }];
    const text = 'Nouvelle jurisprudence.\n\n#Avocat #Justice #Droit #Paris';

    it.each([[[]], [['linkedin']], [['linkedin', 'bluesky', 'mastodon', 'x']]] as const)('is one finding, never on the required hashtag, whose fix keeps it (networks %j)', (networks) => {
      const list = findings(text, rules, { networks: [...networks] });
      expect(list).toHaveLength(1);
      const [finding] = list;
      expect(finding).toMatchObject({ messageKey: 'editorial.finding.hashtagTooMany', params: { count: 4, max: 2 } });
      expect(finding?.network).toBeUndefined();
      const anchored = text.slice(finding?.range.from ?? 0, finding?.range.to ?? 0);
      expect(anchored).not.toContain('#Droit');
      expect(anchored).toBe('#Paris');
      expect(finding?.fix?.labelParams).toEqual({ hashtags: '#Justice', last: '#Paris' });
      const fixed = finding?.fix ? applyFix(text, finding.fix) : text;
      expect(fixed).toBe('Nouvelle jurisprudence.\n\n#Avocat #Droit');
      expect(findings(fixed, rules, { networks: [...networks] })).toEqual([]);
    });

    it('anchors on the run of hashtags to take out when no required one lies inside it', () => {
      const last = 'Texte.\n\n#Droit #Avocat #Justice #Paris';
      expect(flagged(last, rules)).toEqual(['#Justice #Paris']);
    });

    it('takes off-list hashtags out first', () => {
      const withList: RuleInput[] = [{ kind: 'hashtags', id: 'tags', max: 2, required: ['Droit'], allowed: ['Avocat', 'Paris'] }];
      const list = findings('Texte.\n\n#Foot #Avocat #Droit #Paris', withList);
      const tooMany = list.find((f) => f.messageKey === 'editorial.finding.hashtagTooMany');
      expect(tooMany?.fix?.labelParams).toEqual({ hashtags: '#Foot', last: '#Paris' });
      expect(list.filter((f) => f.messageKey === 'editorial.finding.hashtagTooMany')).toHaveLength(1);
    });

    it('may take out a repeated #Droit: one is enough for the rule', () => {
      const thrice = 'Texte.\n\n#Droit #droit #DROIT';
      const [finding] = findings(thrice, rules);
      expect(flagged(thrice, rules)).toEqual(['#droit']);
      expect(finding?.fix?.labelParams).toEqual({ hashtag: '#droit' });
      const fixed = finding?.fix ? applyFix(thrice, finding.fix) : thrice;
      expect(fixed).toBe('Texte.\n\n#Droit #DROIT');
      expect(findings(fixed, rules)).toEqual([]);
    });

    it('says the line contradicts itself when the required hashtags alone are too many', () => {
      const strict: RuleInput[] = [{ kind: 'hashtags', id: 'tags', max: 1, required: ['Droit', 'Avocat'] }];
      const only = 'Texte.\n\n#Droit #Avocat';
      const [alone] = findings(only, strict);
      expect(alone).toMatchObject({ messageKey: 'editorial.finding.hashtagTooManyRequired', params: { count: 2, max: 1, required: 2 }, range: { from: only.length, to: only.length } });
      expect(alone?.fix).toBeUndefined();
      const more = 'Texte.\n\n#Droit #Paris #Avocat';
      const list = findings(more, strict);
      expect(list).toHaveLength(1);
      expect(flagged(more, strict)).toEqual(['#Paris']);
      expect(list[0]?.fix && applyFix(more, list[0].fix)).toBe('Texte.\n\n#Droit #Avocat');
    });
  });

  it('wants hashtags at the end, keeps the word in its sentence and moves the tag', () => {
    const rules: RuleInput[] = [{ kind: 'hashtags', id: 'tags', position: 'end' }];
    const text = 'Le #droit des contrats évolue.\n\n#avocats #contrats';
    const list = findings(text, rules);
    expect(list.map((f) => text.slice(f.range.from, f.range.to))).toEqual(['#droit']);
    expect(list[0]?.fix && applyFix(text, list[0].fix)).toBe('Le droit des contrats évolue.\n\n#avocats #contrats #droit');
    expect(flagged('Texte.\n#a #b.', rules)).toEqual([]);
  });

  it('lets a required mention close the post after the hashtags', () => {
    const rules: RuleInput[] = [
      { kind: 'hashtags', id: 'tags', position: 'end' },
      { kind: 'requiredMention', id: 'bar', text: 'Avocat au barreau de Paris' },
    ];
    expect(findings('Texte.\n#droit #contrats\nAvocat au barreau de Paris', rules)).toEqual([]);
    expect(flagged('Texte.\n#droit #contrats\nEt une phrase de plus.', rules)).toEqual(['#droit', '#contrats', '']);
  });
});

describe('links', () => {
  it.each([
    ['https://bit.ly/3xYz', ['https://bit.ly/3xYz']],
    ['http://t.co/abc', ['http://t.co/abc']],
    ['tinyurl.com/abc', ['tinyurl.com/abc']],
    ['https://lnkd.in/eXyZ et https://buff.ly/1 et ow.ly/a', ['https://lnkd.in/eXyZ', 'https://buff.ly/1', 'ow.ly/a']],
    ['https://goo.gl/x https://is.gd/y', ['https://goo.gl/x', 'https://is.gd/y']],
    ['https://www.legifrance.gouv.fr/jorf/id/JORFTEXT0001', []],
  ])('flags shorteners in %j', (text, expected) => {
    expect(flagged(text, [{ kind: 'links', id: 'links' }])).toEqual(expected);
  });

  it('allows the listed domains and their subdomains only', () => {
    const rules: RuleInput[] = [{ kind: 'links', id: 'links', allowedDomains: ['exemple-avocats.fr', 'legifrance.gouv.fr'] }];
    const text = 'https://exemple-avocats.fr/a https://blog.exemple-avocats.fr/b https://www.legifrance.gouv.fr/c https://autre.fr/d faux-exemple-avocats.fr';
    expect(flagged(text, rules)).toEqual(['https://autre.fr/d', 'faux-exemple-avocats.fr']);
    expect(findings('https://autre.fr', rules)[0]?.params).toEqual({ domain: 'autre.fr', url: 'https://autre.fr' });
  });
});

describe('UTM parameters', () => {
  it.each([
    ['https://exemple.fr/a', 'https://exemple.fr/a?utm_source=linkedin&utm_medium=social&utm_campaign=printemps'],
    ['https://exemple.fr/a?x=1', 'https://exemple.fr/a?x=1&utm_source=linkedin&utm_medium=social&utm_campaign=printemps'],
    ['https://exemple.fr/a?', 'https://exemple.fr/a?utm_source=linkedin&utm_medium=social&utm_campaign=printemps'],
    ['https://exemple.fr/a#b', 'https://exemple.fr/a?utm_source=linkedin&utm_medium=social&utm_campaign=printemps#b'],
    ['https://exemple.fr/a?utm_medium=mail', 'https://exemple.fr/a?utm_medium=mail&utm_source=linkedin&utm_campaign=printemps'],
    ['exemple.fr/a', 'exemple.fr/a?utm_source=linkedin&utm_medium=social&utm_campaign=printemps'],
  ])('addUtm(%j)', (url, tagged) => {
    expect(addUtm(url, { source: 'linkedin', medium: 'social', campaign: 'printemps' })).toBe(tagged);
  });

  it('encodes values and leaves out an empty campaign', () => {
    expect(addUtm('https://x.fr', { source: 'news letter', medium: 'e&mail' })).toBe('https://x.fr?utm_source=news%20letter&utm_medium=e%26mail');
  });

  it('offers the tagged URL as a fix, with the network as source and the post’s campaign', () => {
    const rules: RuleInput[] = [{ kind: 'utm', id: 'utm', domains: ['exemple.fr'], campaign: 'ligne' }];
    const text = 'Lire https://exemple.fr/a, https://autre.fr/b, https://bit.ly/c et https://exemple.fr/d?utm_source=x';
    const list = findings(text, rules, { networks: ['linkedin'], utmCampaign: 'rentree' });
    expect(list).toHaveLength(1);
    expect(list[0]?.severity).toBe('info');
    expect(list[0]?.fix && applyFix(text, list[0].fix)).toContain('https://exemple.fr/a?utm_source=linkedin&utm_medium=social&utm_campaign=rentree,');
    const two = findings('https://exemple.fr/a', rules, { networks: ['linkedin', 'x'] });
    expect(two[0]?.fix?.edits[0]?.insert).toBe('https://exemple.fr/a?utm_source=social&utm_medium=social&utm_campaign=ligne');
  });
});

describe('mentions', () => {
  const rules: RuleInput[] = [{ kind: 'mentions', id: 'mentions', allowed: ['@cabinet', 'anne@mastodon.social'] }];
  it.each([
    ['Merci @cabinet et @Cabinet', []],
    ['Merci @anne@mastodon.social', []],
    ['Merci @anne@autre.social', ['@anne@autre.social']],
    ['Merci @paul', ['@paul']],
    ['Écrire à contact@exemple.fr', []],
  ])('%j → %j', (text, expected) => {
    expect(flagged(text, rules)).toEqual(expected);
  });

  it('puts no restriction when the list is empty', () => {
    expect(flagged('@paul', [{ kind: 'mentions', id: 'mentions' }])).toEqual([]);
  });
});

describe('hashtag rules on Bluesky', () => {
  const allowed: RuleInput[] = [{ kind: 'hashtags', id: 'tags', allowed: ['droit-du-travail'] }];

  it('sees #droit-du-travail whole on Bluesky, where twitter-text stops at the hyphen', () => {
    expect(findings('Article #droit-du-travail', allowed, { networks: ['bluesky'] })).toEqual([]);
    expect(flagged('Article #droit-du-travail', allowed, { networks: ['x'] })).toEqual(['#droit']);
  });

  it('finds a required tag only Bluesky reads, and says so for Bluesky alone', () => {
    const required: RuleInput[] = [{ kind: 'hashtags', id: 'tags', required: ["L'avocat"] }];
    expect(findings("Texte #L'avocat", required, { networks: ['bluesky'] })).toEqual([]);
    const both = findings("Texte #L'avocat", required, { networks: ['x', 'bluesky'] });
    expect(both.map((f) => [f.messageKey, f.network])).toEqual([['editorial.finding.hashtagMissing', undefined]]);
  });

  it('reports for Bluesky what only Bluesky’s reading finds, beside other networks', () => {
    const text = 'Article #droit-du-travail';
    const onBoth = findings(text, [{ kind: 'hashtags', id: 'tags', allowed: ['droit'] }], { networks: ['linkedin', 'bluesky'] });
    expect(onBoth.map((f) => [text.slice(f.range.from, f.range.to), f.network])).toEqual([['#droit-du-travail', 'bluesky']]);
  });

  it('keeps the flag of #DroitDuTravail🇫🇷 on Bluesky and ignores tags over 64 characters', () => {
    const text = `#DroitDuTravail🇫🇷 #${'a'.repeat(65)}`;
    expect(flagged(text, [{ kind: 'hashtags', id: 'tags', allowed: ['x'] }], { networks: ['bluesky'] })).toEqual(['#DroitDuTravail🇫🇷']);
  });

  it('sees a Bluesky tag in the closing block, so it is at the end', () => {
    const text = 'Un texte.\n\n#droit-du-travail #L’avocat';
    expect(findings(text, [{ kind: 'hashtags', id: 'tags', position: 'end' }], { networks: ['bluesky'] })).toEqual([]);
  });
});

/*
 * Bluesky links and mentions what its SDK's detection makes facets of (shared/editorial/text/
 * blueskyLinks.ts): a bare domain with no hyphen and a known TLD, a handle with a dot. The
 * line reads a post to Bluesky that way, and beside other networks reports for Bluesky what
 * only Bluesky's reading finds.
 */
describe('link and mention rules on Bluesky', () => {
  const links: RuleInput[] = [{ kind: 'links', id: 'links', allowedDomains: ['exemple.fr'] }];

  it('takes a bare hyphenated domain for text on Bluesky, as Bluesky does, and for a link elsewhere', () => {
    const text = 'Voir cabinet-martin.fr et exemple.fr/page';
    expect(findings(text, links, { networks: ['bluesky'] })).toEqual([]);
    expect(flagged(text, links, { networks: ['x'] })).toEqual(['cabinet-martin.fr']);
    expect(flagged(text, links, { networks: ['linkedin'] })).toEqual(['cabinet-martin.fr']);
    // With its scheme it is a link on Bluesky too.
    expect(flagged('Voir https://cabinet-martin.fr/blog', links, { networks: ['bluesky'] })).toEqual(['https://cabinet-martin.fr/blog']);
  });

  it('flags for Bluesky a link only Bluesky reads whole', () => {
    // twitter-text ends the link at « (https://exemple.fr/), Bluesky runs it to the next space.
    const text = 'Voir https://autre.fr/«page» ici';
    expect(flagged(text, links, { networks: ['bluesky'] })).toEqual(['https://autre.fr/«page»']);
    const both = findings(text, links, { networks: ['linkedin', 'bluesky'] });
    expect(both.map((f) => [text.slice(f.range.from, f.range.to), f.network ?? 'all'])).toEqual([
      ['https://autre.fr/', 'all'],
      ['https://autre.fr/«page»', 'bluesky'],
    ]);
  });

  it('adds UTM parameters only to what Bluesky links', () => {
    const utm: RuleInput[] = [{ kind: 'utm', id: 'utm' }];
    const text = 'Voir cabinet-martin.fr et exemple.fr/page.';
    const list = findings(text, utm, { networks: ['bluesky'] });
    expect(list.map((f) => text.slice(f.range.from, f.range.to))).toEqual(['exemple.fr/page']);
    expect(list[0]?.fix?.edits[0]?.insert).toBe('exemple.fr/page?utm_source=bluesky&utm_medium=social');
    expect(flagged(text, utm, { networks: ['x'] })).toEqual(['cabinet-martin.fr', 'exemple.fr/page']);
  });

  it('takes @name without a dot for text on Bluesky, as Bluesky does, and for a mention elsewhere', () => {
    const rules: RuleInput[] = [{ kind: 'mentions', id: 'mentions', allowed: ['martin.bsky.social'] }];
    const text = 'Merci @paul et @martin.bsky.social';
    expect(findings(text, rules, { networks: ['bluesky'] })).toEqual([]);
    expect(flagged(text, rules, { networks: ['mastodon'] })).toEqual(['@paul']);
    // A handle with a dot is one; its first label alone is not it.
    expect(flagged('Merci @anne.bsky.social', [{ kind: 'mentions', id: 'mentions', allowed: ['anne'] }], { networks: ['bluesky'] })).toEqual(['@anne.bsky.social']);
  });
});
