import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { LineIssueDetails } from '../../../shared/api/procedures/editorial';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { AppEvent } from '../../../shared/api/contract';
import { createTestCore } from '../../support/testCore';
import { EditorialLineRepository } from '../../../electron/core/editorial/repository';
import type { TestCore } from '../../support/testCore';

let t: TestCore;
let events: AppEvent[];
beforeEach(() => {
  t = createTestCore();
  events = [];
  t.core.events.subscribe((event) => events.push(event));
});
afterEach(() => t.close());

const partner = (displayName = 'Me Anne Dupont') => t.call('partners.create', { displayName, timeZone: 'Europe/Paris' });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const storedVersions = (scope: string): number[] => {
  const db = new Database(t.core.databasePath, { readonly: true });
  try {
    return (db.prepare('SELECT version FROM editorial_lines WHERE scope = ? ORDER BY version').all(scope) as { version: number }[]).map((r) => r.version);
  } finally {
    db.close();
  }
};

describe('the firm line', () => {
  it('is a default version 1, stored on first read, with the network limits locked on', async () => {
    expect(storedVersions('organisation')).toEqual([]);
    const line = await t.call('editorial.firmLine', {});
    expect(line.version).toBe(1);
    expect(line.rules.find((r) => r.kind === 'networkLimits')).toMatchObject({ locked: true, severity: 'error' });
    expect(storedVersions('organisation')).toEqual([1]);
    await t.call('editorial.firmLine', {});
    expect(storedVersions('organisation')).toEqual([1]);
  });

  it('inserts the next version on each save, keeps every old one, and announces it', async () => {
    const v1 = await t.call('editorial.firmLine', {});
    t.clock.advance(60_000);
    const v2 = await t.call('editorial.saveFirmLine', {
      baseVersion: 1,
      line: { ...v1, rules: [...v1.rules, { kind: 'emojiCount', id: 'emoji', max: 2 }] },
    });
    expect(v2.version).toBe(2);
    expect(events).toContainEqual({ type: 'editorial.changed', partnerId: null, version: 2 });
    const versions = await t.call('editorial.versions', { partnerId: null });
    expect(versions).toEqual([
      { version: 2, createdAt: t.clock.now() },
      { version: 1, createdAt: t.clock.now() - 60_000 },
    ]);
    expect((await t.call('editorial.version', { partnerId: null, version: 1 })).rules).toHaveLength(v1.rules.length);
    expect((await t.call('editorial.firmLine', {})).rules.map((r) => r.id)).toContain('emoji');
  });

  it('saves nothing when the content did not change', async () => {
    const v1 = await t.call('editorial.firmLine', {});
    const same = await t.call('editorial.saveFirmLine', { baseVersion: 1, line: v1 });
    expect(same.version).toBe(1);
    expect(storedVersions('organisation')).toEqual([1]);
  });

  it('refuses a save based on a version that moved on, without overwriting', async () => {
    const v1 = await t.call('editorial.firmLine', {});
    await t.call('editorial.saveFirmLine', { baseVersion: 1, line: { ...v1, name: 'Ligne A' } });
    const error = await failure(t.call('editorial.saveFirmLine', { baseVersion: 1, line: { ...v1, name: 'Ligne B' } }));
    expect(error.code).toBe('conflict');
    expect(error.messageKey).toBe('editorialLine.errors.conflict');
    expect((await t.call('editorial.firmLine', {})).name).toBe('Ligne A');
  });

  it('names each invalid field with its rule and bound, and saves nothing', async () => {
    const v1 = await t.call('editorial.firmLine', {});
    const error = await failure(
      t.call('editorial.saveFirmLine', {
        baseVersion: 1,
        line: {
          ...v1,
          name: '',
          rules: [
            ...v1.rules,
            { kind: 'bannedTerm', id: 'jargon', terms: [{ term: '!!' }] },
            { kind: 'hashtags', id: 'tags', max: 1000 },
            { kind: 'emojiCount', id: 'jargon' },
          ],
        },
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.messageKey).toBe('editorialLine.errors.invalidLine');
    const details = LineIssueDetails.parse(error.details);
    const n = v1.rules.length;
    expect(details.fields).toEqual(
      expect.arrayContaining([
        { path: ['name'], messageKey: 'errors.required', params: {} },
        { path: ['rules', n, 'terms', 0, 'term'], messageKey: 'editorial.errors.termWithoutWord', params: {} },
        { path: ['rules', n + 1, 'max'], messageKey: 'errors.tooBig', params: { maximum: 100 } },
      ]),
    );
    expect(details.rules).toEqual(
      expect.arrayContaining([
        { index: n, id: 'jargon', kind: 'bannedTerm' },
        { index: n + 1, id: 'tags', kind: 'hashtags' },
      ]),
    );
    expect(error.message).toContain('"jargon", bannedTerm');
    expect(storedVersions('organisation')).toEqual([1]);
  });

  it('refuses through the API what the line editor refuses: a banned term listed twice, a weekly minimum above its maximum', async () => {
    const v1 = await t.call('editorial.firmLine', {});
    const error = await failure(
      t.call('editorial.saveFirmLine', {
        baseVersion: 1,
        line: {
          ...v1,
          rules: [...v1.rules, { kind: 'bannedTerm', id: 'promo', terms: [{ term: 'gratuit', replacement: 'offert' }, { term: 'Gratuit' }] }],
          cadence: { ...v1.cadence, postsPerWeek: [{ network: 'linkedin', min: 5, max: 2 }] },
        },
      }),
    );
    expect(error.code).toBe('validation');
    const paths = LineIssueDetails.parse(error.details).fields.map((field) => field.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining([`rules.${v1.rules.length}.terms.1.term`, 'cadence.postsPerWeek.0.min']));
    expect(storedVersions('organisation')).toEqual([1]);
  });
});

describe('a partner line', () => {
  it('resolves over the firm line: adds, tightens, switches off, and records both versions', async () => {
    const anne = await partner();
    expect(await t.call('editorial.partnerLine', { partnerId: anne.id })).toBeNull();
    const firm = await t.call('editorial.firmLine', {});
    await t.call('editorial.saveFirmLine', {
      baseVersion: firm.version,
      line: { ...firm, rules: [...firm.rules, { kind: 'exclamationMarks', id: 'bang', max: 3 }, { kind: 'emojiCount', id: 'emoji', max: 5 }] },
    });
    const resolvedBefore = await t.call('editorial.resolved', { partnerId: anne.id });
    expect(resolvedBefore.versions).toEqual({ organisation: 2, partner: null });

    const saved = await t.call('editorial.savePartnerLine', {
      partnerId: anne.id,
      baseVersion: null,
      line: {
        rules: [
          { kind: 'exclamationMarks', id: 'bang', max: 1 },
          { kind: 'bannedTerm', id: 'anne-words', terms: [{ term: 'disruptif', replacement: 'nouveau' }] },
        ],
        disabled: ['emoji'],
      },
    });
    expect(saved).toMatchObject({ scope: 'partner', partnerId: anne.id, version: 1, id: `partner-${anne.id}` });
    expect(events).toContainEqual({ type: 'editorial.changed', partnerId: anne.id, version: 1 });

    const resolved = await t.call('editorial.resolved', { partnerId: anne.id });
    expect(resolved.versions).toEqual({ organisation: 2, partner: 1 });
    const bang = resolved.rules.find((r) => r.rule.id === 'bang');
    expect(bang?.rule).toMatchObject({ kind: 'exclamationMarks', max: 1 });
    expect(bang?.origin).toEqual({ scope: 'partner', version: 1 });
    expect(resolved.rules.find((r) => r.rule.id === 'anne-words')?.origin).toEqual({ scope: 'partner', version: 1 });
    expect(resolved.rules.find((r) => r.rule.id === 'emoji')).toBeUndefined();
    expect(resolved.switchedOff).toContainEqual({ ruleId: 'emoji', by: 'partner' });
    expect(resolved.rules.find((r) => r.rule.id === 'network-limits')?.origin).toEqual({ scope: 'organisation', version: 2 });
  });

  it('cannot switch off a locked firm rule, nor reuse a firm id for another kind', async () => {
    const anne = await partner();
    const error = await failure(
      t.call('editorial.savePartnerLine', {
        partnerId: anne.id,
        baseVersion: null,
        line: { disabled: ['network-limits'], rules: [{ kind: 'emojiCount', id: 'links' }] },
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: ['disabled', 0], messageKey: 'editorial.resolve.lockedRule' },
        { path: ['rules', 0, 'kind'], messageKey: 'editorial.resolve.kindMismatch' },
      ]),
    );
    expect(await t.call('editorial.partnerLine', { partnerId: anne.id })).toBeNull();
  });

  it('refuses a length target at or over its network’s limit, saying the most it can be, and still opens a line saved with one before', async () => {
    const anne = await partner();
    const error = await failure(
      t.call('editorial.savePartnerLine', {
        partnerId: anne.id,
        baseVersion: null,
        line: { rules: [{ kind: 'lengthTarget', id: 'short', targets: [{ network: 'linkedin', max: 100_000 }, { network: 'x', max: 200 }, { network: 'mastodon', max: 900 }] }] },
      }),
    );
    expect(error.code).toBe('validation');
    const details = LineIssueDetails.parse(error.details);
    expect(details.fields).toEqual([{ path: ['rules', 0, 'targets', 0, 'max'], messageKey: 'errors.tooBig', params: { maximum: 2999 } }]);
    expect(await t.call('editorial.partnerLine', { partnerId: anne.id })).toBeNull();

    // A line stored with such a target before this check still reads (nothing refused on the way back).
    const db = new Database(t.core.databasePath);
    try {
      const body = { id: `partner-${anne.id}`, scope: 'partner', partnerId: anne.id, disabled: [], rules: [{ kind: 'lengthTarget', id: 'old', targets: [{ network: 'linkedin', max: 100_000 }] }] };
      new EditorialLineRepository(db).insert(anne.id, 1, body, Date.now());
    } finally {
      db.close();
    }
    const stored = await t.call('editorial.partnerLine', { partnerId: anne.id });
    expect(stored?.rules[0]).toMatchObject({ kind: 'lengthTarget', targets: [{ network: 'linkedin', max: 100_000 }] });
  });

  it('is refused for an unknown partner', async () => {
    const error = await failure(t.call('editorial.resolved', { partnerId: '00000000-0000-4000-8000-000000000000' }));
    expect(error.code).toBe('not_found');
    expect(error.messageKey).toBe('errors.notFound.partner');
  });

  it('gives the calendar its cadence and pillars, the partner’s replacing the firm’s', async () => {
    const anne = await partner();
    const firm = await t.call('editorial.firmLine', {});
    await t.call('editorial.saveFirmLine', {
      baseVersion: firm.version,
      line: { ...firm, cadence: { quietDays: [7] }, pillars: ['Droit social'] },
    });
    expect(t.core.editorial.cadenceFor(anne.id)).toMatchObject({ cadence: { quietDays: [7] }, pillars: ['Droit social'] });
    await t.call('editorial.savePartnerLine', {
      partnerId: anne.id,
      baseVersion: null,
      line: { cadence: { quietDays: [6, 7], postsPerWeek: [{ network: 'linkedin', min: 2, max: 3 }] }, pillars: ['Contentieux'] },
    });
    const { cadence, pillars } = t.core.editorial.cadenceFor(anne.id);
    expect(cadence.quietDays).toEqual([6, 7]);
    expect(cadence.postsPerWeek).toEqual([{ network: 'linkedin', min: 2, max: 3 }]);
    expect(pillars).toEqual(['Droit social', 'Contentieux']);
  });
});

describe('the "Avocats (France)" pack', () => {
  it('is applied to the firm line in one call, as a new version', async () => {
    await t.call('editorial.firmLine', {});
    const line = await t.call('editorial.applyAvocatsPack', {
      partnerId: null,
      baseVersion: 1,
      config: { barMention: 'Avocat au barreau de Paris', clientNames: ['Société Martin'] },
    });
    expect(line.version).toBe(2);
    if (line.scope !== 'organisation') throw new Error('expected the firm line');
    expect(line.packs).toEqual([{ id: 'avocats-fr', version: 1 }]);
    expect(line.rules.find((r) => r.id === 'avocats-fr.bar-mention')).toMatchObject({ kind: 'requiredMention', text: 'Avocat au barreau de Paris', locked: true });
    expect(line.rules.find((r) => r.id === 'network-limits')).toBeDefined();
  });
});

describe('export and import', () => {
  it('round-trips a line through its JSON document as the next version', async () => {
    const anne = await partner();
    await t.call('editorial.savePartnerLine', {
      partnerId: anne.id,
      baseVersion: null,
      line: { language: 'en', rules: [{ kind: 'bannedTerm', id: 'words', terms: [{ term: 'synergie', replacement: 'coopération' }] }], pillars: ['Fiscalité'] },
    });
    const exported = await t.call('editorial.export', { partnerId: anne.id });
    expect(exported.fileName).toBe('ligne-editoriale-me-anne-dupont-v1.json');
    const document = JSON.parse(exported.json) as { format: string; line: { rules: unknown[] } };
    expect(document.format).toBe('plume.editorial-line');

    const bob = await partner('Me Bob Martin');
    const imported = await t.call('editorial.import', { partnerId: bob.id, baseVersion: null, json: exported.json });
    expect(imported).toMatchObject({ scope: 'partner', partnerId: bob.id, version: 1, language: 'en', pillars: ['Fiscalité'] });
    expect(imported.rules).toEqual(document.line.rules);
  });

  it('refuses a bad file with an error naming the rule and field, and saves nothing', async () => {
    const anne = await partner();
    const bad = JSON.stringify({
      format: 'plume.editorial-line',
      formatVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      line: { scope: 'partner', rules: [{ kind: 'emojiCount', id: 'ok' }, { kind: 'hashtags', id: 'tags', required: ['pas un tag'] }] },
    });
    const error = await failure(t.call('editorial.import', { partnerId: anne.id, baseVersion: null, json: bad }));
    expect(error.code).toBe('validation');
    const details = LineIssueDetails.parse(error.details);
    expect(details.fields).toEqual([{ path: ['rules', 1, 'required', 0], messageKey: 'editorial.errors.hashtag', params: {} }]);
    expect(details.rules).toEqual([{ index: 1, id: 'tags', kind: 'hashtags' }]);
    expect(await t.call('editorial.partnerLine', { partnerId: anne.id })).toBeNull();
  });

  it('says what is wrong with a file that is not a line at all', async () => {
    const anne = await partner();
    const keyOf = async (json: string, partnerId: string | null = anne.id) =>
      (await failure(t.call('editorial.import', { partnerId, baseVersion: partnerId === null ? 1 : null, json }))).messageKey;
    expect(await keyOf('{ not json')).toBe('editorialLine.errors.importNotJson');
    expect(await keyOf('[1, 2]')).toBe('editorialLine.errors.importNotLine');
    expect(await keyOf(JSON.stringify({ format: 'other', formatVersion: 3 }))).toBe('editorialLine.errors.importFormat');
    await t.call('editorial.firmLine', {});
    expect(await keyOf(JSON.stringify({ scope: 'partner', partnerId: anne.id, rules: [] }), null)).toBe('editorialLine.errors.importPartnerIntoFirm');
    expect(await keyOf(JSON.stringify({ scope: 'organisation', id: 'x', name: 'x', rules: [] }))).toBe('editorialLine.errors.importFirmIntoPartner');
    expect(storedVersions('partner')).toEqual([]);
  });
});

describe('checking a post', () => {
  it('lints each network’s text with the resolved line and records the versions used', async () => {
    const anne = await partner();
    const firm = await t.call('editorial.firmLine', {});
    await t.call('editorial.applyAvocatsPack', { partnerId: null, baseVersion: firm.version, config: { barMention: 'Avocat au barreau de Paris' } });
    await t.call('editorial.savePartnerLine', {
      partnerId: anne.id,
      baseVersion: null,
      line: { rules: [{ kind: 'bannedTerm', id: 'anne-words', severity: 'error', terms: [{ term: 'disruptif' }] }] },
    });
    const long = `Un cabinet disruptif. ${'Le droit du travail évolue. '.repeat(12)}`;
    const post = await t.call('posts.create', { partnerId: anne.id, networks: ['x', 'linkedin'], content: docFromParagraphs([long]) });

    const check = await t.call('editorial.checkPost', { postId: post.id });
    expect(check.versions).toEqual({ organisation: 2, partner: 1 });
    expect(check.postVersion).toBe(post.version);
    expect(check.networks.map((n) => n.network)).toEqual(['x', 'linkedin']);
    for (const run of check.networks) expect(run.result.lineVersion).toEqual({ organisation: 2, partner: 1 });
    const x = check.networks.find((n) => n.network === 'x')?.result.findings ?? [];
    expect(x.some((f) => f.kind === 'networkLimits' && f.network === 'x')).toBe(true);
    const linkedin = check.networks.find((n) => n.network === 'linkedin')?.result.findings ?? [];
    expect(linkedin.some((f) => f.kind === 'networkLimits')).toBe(false);
    // The banned word and the missing bar mention concern every network, yet count once each.
    expect(check.summary.byKind).toMatchObject({ bannedTerm: 1, requiredMention: 1, networkLimits: 1 });
    expect(check.summary.error).toBe(3);
    expect(check.errorFindingIds).toHaveLength(3);
    expect(check.errorFindingIds.some((id) => id.startsWith('anne-words/'))).toBe(true);

    // The service method sign-off uses gives the same verdict.
    expect(t.core.editorial.checkPost(post.id)).toMatchObject({ summary: check.summary, errorFindingIds: check.errorFindingIds });
  });

  it('does not apply French typography to an English-speaking partner’s posts', async () => {
    const dana = await t.call('partners.create', { displayName: 'Dana Whitfield', timeZone: 'Europe/London', locale: 'en' });
    const post = await t.call('posts.create', { partnerId: dana.id, content: docFromParagraphs(['Reminder: webinar at 5!']) });
    expect((await t.call('editorial.resolved', { partnerId: dana.id })).language).toBe('en');
    const check = await t.call('editorial.checkPost', { postId: post.id });
    expect(check.summary.byKind).not.toHaveProperty('frenchTypography');
  });

  it('lints once, for no network, a post without target networks', async () => {
    const anne = await partner();
    const post = await t.call('posts.create', { partnerId: anne.id, content: docFromParagraphs(['Bonjour : à bientôt']) });
    const check = await t.call('editorial.checkPost', { postId: post.id });
    expect(check.networks).toHaveLength(1);
    expect(check.networks[0]?.network).toBeNull();
    expect(check.summary).toMatchObject({ info: 1, byKind: { frenchTypography: 1 } });
  });
});
