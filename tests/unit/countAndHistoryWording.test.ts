import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uiMessages } from '../../renderer/src/i18n/resources';
import { historyLine } from '../../renderer/src/signoff/historyLine';
import { lineIssueKey } from '../../shared/editorial/issueKeys';
import { fill, pluralOf, reportMessages } from '../../shared/reports/messages';

const ui: Record<'fr' | 'en', TFunction> = {} as Record<'fr' | 'en', TFunction>;
beforeAll(async () => {
  for (const lng of ['fr', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources: { [lng]: { translation: uiMessages(lng) } }, interpolation: { escapeValue: false } });
    ui[lng] = instance.t;
  }
});

describe('counts read as sentences', () => {
  it.each([
    ['fr', 0, '0 caractère'],
    ['fr', 1, '1 caractère'],
    ['fr', 2, '2 caractères'],
    ['en', 0, '0 characters'],
    ['en', 1, '1 character'],
    ['en', 2, '2 characters'],
  ] as const)('the editor’s character count in %s for %i', (lng, count, expected) => {
    expect(ui[lng]('editor.characters', { count })).toBe(expected);
  });

  it.each([
    ['fr', 1, 'Sur 1 publication publiée ce mois-ci'],
    ['fr', 3, 'Sur 3 publications publiées ce mois-ci'],
    ['en', 1, 'Of 1 post published this month'],
    ['en', 3, 'Of 3 posts published this month'],
  ] as const)('the report’s pillar basis in %s for %i', (lng, count, start) => {
    expect(fill(pluralOf(lng, count, reportMessages[lng].pillars.basis), { count })).toMatch(new RegExp(`^${start} \\(`, 'u'));
  });
});

describe('large counts read with their thousands grouped', () => {
  it.each([
    ['fr', 'records.auditOk', 1_000_011, 'Journal d’audit vérifié, 1\u202f000\u202f011\u00a0entrées'],
    ['en', 'records.auditOk', 1_000_011, 'Audit log verified, 1,000,011 entries'],
    ['fr', 'posts.count', 100_000, '100\u202f000\u00a0publications'],
    ['en', 'posts.count', 100_000, '100,000 posts'],
    ['fr', 'posts.count', 1, '1\u00a0publication'],
    ['fr', 'engagement.badge', 1_234, '1\u202f234 interactions'],
    ['en', 'engagement.badge', 1_234, '1,234 interactions'],
  ] as const)('%s %s for %i', (lng, key, count, expected) => {
    // An agency's audit log: « 1000011 entrées » was printed as one run of digits.
    expect(ui[lng](key, { count })).toBe(expected);
  });

  it('writes every count of the UI so (« 3142 validations » in a sign-off record export)', () => {
    expect(ui.fr('records.exported', { count: 3_142, path: '/x' })).toContain('(3\u202f142 validations)');
    expect(ui.en('records.exported', { count: 3_142, path: '/x' })).toContain('(3,142 approvals)');
  });
});

describe('the sign-off history', () => {
  const queued = { action: 'signoffEmailQueued', channel: 'email', actor: { kind: 'community_manager', name: 'Camille' }, details: {} } as const;
  // Dates as the history writes them; a fixed form here, so the test reads the sentence, not a locale.
  const format = (at: number, zone?: string) => `${new Date(at).toISOString().slice(0, 16)} ${zone ?? 'local'}`;
  const line = (lng: 'fr' | 'en', entry: Parameters<typeof historyLine>[1]) => {
    const { action, rest } = historyLine(ui[lng], entry, format);
    return `${action}${rest}`;
  };

  it('says a request email was queued without “by email”', () => {
    expect(line('fr', queued)).toBe('E-mail de demande placé dans la file d’envoi par vous');
    expect(line('en', queued)).toBe('Request email placed in the outbox by you');
  });

  it('still says how a decision came in', () => {
    expect(line('en', { action: 'approve', channel: 'phone', actor: { kind: 'partner', name: 'Dana Whitfield' }, details: {} })).toBe('Approved by phone by Dana Whitfield');
  });

  it('names the network a publication went to, and says when it was confirmed by hand', () => {
    const plume = { kind: 'system', name: '' } as const;
    const you = { kind: 'community_manager', name: '' } as const;
    expect(line('fr', { action: 'published', channel: 'system', actor: plume, details: { network: 'linkedin', remoteId: 'urn:li:share:1', url: null } })).toBe('Publiée sur LinkedIn par Plume');
    expect(line('fr', { action: 'published', channel: 'app', actor: you, details: { network: 'x', remoteId: '1', url: 'https://x.com/a/status/1' } })).toBe('Publiée à la main sur X par vous');
    expect(line('en', { action: 'published', channel: 'app', actor: you, details: { network: 'x', remoteId: '1', url: null } })).toBe('Published by hand on X by you');
  });

  it('names the network and the cause of a failed publication, and reads older entries without them', () => {
    const plume = { kind: 'system', name: '' } as const;
    expect(line('fr', { action: 'publishFailed', channel: 'system', actor: plume, details: { network: 'mastodon', cause: 'auth' } })).toBe('Échec de la publication sur Mastodon (accès refusé) par Plume');
    expect(line('fr', { action: 'publishFailed', channel: 'system', actor: plume, details: { network: 'mastodon', cause: 'somethingNew' } })).toBe('Échec de la publication sur Mastodon par Plume');
    expect(line('fr', { action: 'publishFailed', channel: 'system', actor: plume, details: { reason: 'contentChanged' } })).toBe('Échec de la publication par Plume');
  });

  it('says what the user did with the date: set, moved, removed — never « Déplacée » for a first date', () => {
    const you = { kind: 'community_manager', name: '' } as const;
    const at = Date.UTC(2026, 9, 2, 9, 0);
    const later = Date.UTC(2026, 9, 5, 9, 0);
    expect(line('fr', { action: 'moved', channel: 'app', actor: you, details: { fromInstant: null, toInstant: at, zone: 'Europe/Paris' } })).toBe(
      'Date de publication fixée au 2026-10-02T09:00 Europe/Paris dans Plume par vous',
    );
    expect(line('fr', { action: 'moved', channel: 'app', actor: you, details: { fromInstant: at, toInstant: later, zone: 'Europe/Paris' } })).toBe(
      'Déplacée du 2026-10-02T09:00 Europe/Paris au 2026-10-05T09:00 Europe/Paris dans Plume par vous',
    );
    expect(line('fr', { action: 'moved', channel: 'app', actor: you, details: { fromInstant: at, toInstant: null, zone: null } })).toBe('Date de publication retirée dans Plume par vous');
    expect(line('en', { action: 'moved', channel: 'app', actor: you, details: { fromInstant: null, toInstant: at, zone: 'Europe/Paris' } })).toBe(
      'Publication date set to 2026-10-02T09:00 Europe/Paris in Plume by you',
    );
  });
});

describe('editorial-line field errors', () => {
  it('asks for at least one item rather than “at least 1 items”', () => {
    const issue = z.array(z.string()).min(1).safeParse([]).error?.issues[0];
    if (!issue) throw new Error('expected an issue');
    const { messageKey, params } = lineIssueKey(issue);
    expect(ui.fr(messageKey, params)).toBe('Au moins un élément.');
    expect(ui.en(messageKey, params)).toBe('At least one item.');
  });
});
