import { describe, expect, it } from 'vitest';
import { isWebAddress, withoutClickTracking, withoutClickTrackingInText } from '../../../shared/links/tracking';

const decision = 'https://www.courdecassation.fr/decision/64f1a2b3c4d5e6f7a8b9c0d1';

describe('a pasted link without what tracks the person who clicks it', () => {
  it('unwraps the Google redirect a link copied from Google Docs is', () => {
    const docs = `https://www.google.com/url?q=${decision}&sa=D&source=editors&ust=1767225600000000&usg=AOvVaw3x9Kq2Lm8N7pQ4rS5tU6vW`;
    expect(withoutClickTracking(docs)).toBe(decision);
  });

  it('decodes the wrapped address once, query and fragment included', () => {
    const inner = 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032041431?a=1&b=2#top';
    const docs = `https://www.google.com/url?q=${encodeURIComponent(inner)}&sa=D&source=editors&ust=1767225600000000&usg=AOvVaw1`;
    expect(withoutClickTracking(docs)).toBe(inner);
  });

  it('unwraps Outlook SafeLinks, LinkedIn and Facebook redirects, and a redirect inside a redirect', () => {
    const safe = `https://eur02.safelinks.protection.outlook.com/?url=${encodeURIComponent(decision)}&data=05%7C02%7Cclaire%40cabinet.fr%7C9f&sdata=abc%3D&reserved=0`;
    expect(withoutClickTracking(safe)).toBe(decision);
    expect(withoutClickTracking(`https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(decision)}&urlhash=Ab3x&trk=public_post-text`)).toBe(decision);
    expect(withoutClickTracking(`https://l.facebook.com/l.php?u=${encodeURIComponent(`${decision}?fbclid=IwAR0abc`)}&h=AT0xyz`)).toBe(decision);
    expect(withoutClickTracking(`https://www.google.com/url?q=${encodeURIComponent(safe)}&sa=D`)).toBe(decision);
  });

  it('leaves a redirect alone when what it wraps is not a web address', () => {
    const odd = 'https://www.google.com/url?q=javascript:alert(1)&sa=D';
    expect(withoutClickTracking(odd)).toBe(odd);
    const search = 'https://www.google.com/search?q=prescription+biennale';
    expect(withoutClickTracking(search)).toBe(search);
    const lookalike = `https://l.facebook.com.evil.example/l.php?u=${encodeURIComponent(decision)}`;
    expect(withoutClickTracking(lookalike)).toBe(lookalike);
  });

  it('removes click identifiers and keeps utm_* and xtor campaign tags', () => {
    expect(withoutClickTracking('https://www.cnb.avocat.fr/fr/actualites?utm_source=newsletter&utm_medium=email&fbclid=IwAR0abc')).toBe(
      'https://www.cnb.avocat.fr/fr/actualites?utm_source=newsletter&utm_medium=email',
    );
    expect(withoutClickTracking('https://www.lemonde.fr/article.html?xtor=RSS-3208&gclid=abc#xtor=AL-32280270')).toBe(
      'https://www.lemonde.fr/article.html?xtor=RSS-3208#xtor=AL-32280270',
    );
    const all = ['fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'igshid', 'mc_eid', '_hsenc', '_hsmi', 'yclid', 'twclid', 'ttclid', 'li_fat_id'];
    expect(withoutClickTracking(`https://example.fr/a?${all.map((name) => `${name}=x1`).join('&')}`)).toBe('https://example.fr/a');
    expect(withoutClickTracking('https://example.fr/a?FBCLID=x&page=2')).toBe('https://example.fr/a?page=2');
  });

  it('keeps every other character of the address as written', () => {
    for (const kept of ['https://example.fr', 'https://Example.fr/A%20b?q=a+b&x=%C3%A9', 'mailto:claire@cabinet.fr?subject=Bonjour', 'https://example.fr/?fbclid_like=1', '#ftnt1', 'pas une adresse']) {
      expect(withoutClickTracking(kept)).toBe(kept);
    }
    expect(withoutClickTracking('https://Example.fr/A%20b?q=a+b&gclid=1&x=%C3%A9')).toBe('https://Example.fr/A%20b?q=a+b&x=%C3%A9');
  });
});

describe('which visible text is a web address', () => {
  it('is an http(s) address with nothing else around it', () => {
    expect(isWebAddress(decision)).toBe(true);
    expect(isWebAddress('l’arrêt du 3 mars')).toBe(false);
    expect(isWebAddress(`voir ${decision}`)).toBe(false);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
  });
});

describe('web addresses written in pasted text', () => {
  it('are cleaned in place, the sentence around them and its punctuation untouched', () => {
    const text = `Lire la décision : ${decision}?fbclid=IwAR0abc. Et https://www.google.com/url?q=${encodeURIComponent(decision)}&sa=D, puis la suite !`;
    expect(withoutClickTrackingInText(text)).toBe(`Lire la décision : ${decision}. Et ${decision}, puis la suite !`);
  });

  it('keeps a closing parenthesis the address opened, and leaves campaign tags and text without addresses alone', () => {
    expect(withoutClickTrackingInText('(voir https://fr.wikipedia.org/wiki/Code_(droit)?gclid=abc)')).toBe('(voir https://fr.wikipedia.org/wiki/Code_(droit))');
    const tagged = 'https://cabinet.fr/article?utm_source=linkedin&utm_medium=social';
    expect(withoutClickTrackingInText(`Notre article : ${tagged}`)).toBe(`Notre article : ${tagged}`);
    expect(withoutClickTrackingInText('Aucune adresse ici.')).toBe('Aucune adresse ici.');
  });
});
