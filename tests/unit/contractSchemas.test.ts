import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { issuesFromZod } from '../../shared/api/errors';

const validPartner = {
  displayName: 'Me Claire Dupont',
  timeZone: 'Europe/Paris',
  locale: 'fr',
  signoffEmail: 'claire@example.org',
};

function issueKeys(name: keyof typeof contract, input: unknown): string[] {
  const parsed = contract[name].input.safeParse(input);
  return parsed.success ? [] : issuesFromZod(parsed.error).map((i) => `${i.path.join('.')}:${i.messageKey}`);
}

describe('the contract rejects bad input with translatable field messages', () => {
  it('accepts a complete partner and fills defaults, leaving the colour for core to pick from the palette', () => {
    const parsed = contract['partners.create'].input.parse(validPartner);
    expect(parsed).toMatchObject({ role: '', organisation: '', locale: 'fr' });
    expect(parsed.color).toBeUndefined();
  });

  it.each([
    [{ ...validPartner, displayName: '   ' }, 'displayName:errors.required'],
    [{ ...validPartner, timeZone: 'Europe/Atlantis' }, 'timeZone:errors.timeZone'],
    [{ ...validPartner, timeZone: 'Europe/Atlantis' }, 'timeZone:errors.timeZone'],
    [{ ...validPartner, signoffEmail: 'claire@' }, 'signoffEmail:errors.email'],
    [{ ...validPartner, color: 'blue' }, 'color:errors.color'],
    [{ ...validPartner, displayName: 'x'.repeat(121) }, 'displayName:errors.partner.displayName'],
  ])('refuses %o', (input, expected) => {
    expect(issueKeys('partners.create', input)).toContain(expected);
  });

  it('accepts zones with three segments and UTC', () => {
    expect(issueKeys('partners.create', { ...validPartner, timeZone: 'America/Argentina/Buenos_Aires' })).toEqual([]);
    expect(issueKeys('partners.create', { ...validPartner, timeZone: 'UTC' })).toEqual([]);
  });

  it('refuses a save without the version it builds on', () => {
    const keys = issueKeys('posts.save', { id: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11', content: { type: 'doc' } });
    expect(keys.some((k) => k.startsWith('baseVersion:'))).toBe(true);
  });

  it('refuses a body that is not a TipTap document', () => {
    const keys = issueKeys('posts.save', {
      id: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11',
      baseVersion: 1,
      content: { type: 'paragraph' },
    });
    expect(keys).toContain('content:errors.document');
  });

  it('refuses unknown networks and unknown keys', () => {
    expect(issueKeys('posts.create', { partnerId: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11', networks: ['myspace'] })).not.toEqual([]);
    expect(issueKeys('partners.get', { id: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11', extra: 1 })).not.toEqual([]);
  });

  it('de-duplicates networks', () => {
    const parsed = contract['posts.create'].input.parse({
      partnerId: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11',
      networks: ['x', 'x', 'linkedin'],
    });
    expect(parsed.networks).toEqual(['x', 'linkedin']);
  });
});
