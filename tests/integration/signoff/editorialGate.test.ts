import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { EventBus } from '../../../electron/core/events';
import { createLogger } from '../../../electron/core/log';
import { noMailAccount } from '../../../electron/core/mail/settings';
import { PartnerRepository } from '../../../electron/core/partners/repository';
import { PartnerService } from '../../../electron/core/partners/service';
import { PostRepository } from '../../../electron/core/posts/repository';
import { PostService } from '../../../electron/core/posts/service';
import type { EditorialChecker } from '../../../electron/core/signoff/deps';
import { createSignoff } from '../../../electron/core/signoff/feature';
import { ApiError } from '../../../shared/api/errors';
import { EditorialLine, lint, resolveLine } from '../../../shared/editorial/index';
import { PartnerInput } from '../../../shared/partners/schema';
import { docFromParagraphs } from '../../../shared/posts/document';
import { PostCreateInput } from '../../../shared/posts/schema';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import { SignoffRequestDetails } from '../../../shared/signoff/audit';
import { RecordDecisionInput, RequestSignoffInput } from '../../../shared/signoff/schema';
import type { FindingsSummary } from '../../../shared/signoff/schema';
import { tempDir } from '../../support/tempDir';
import { ManualClock } from '../../support/testCore';
import { MemoryKeychain } from './harness';

/**
 * The editorial-line gate on a sign-off request, with a real checker built from the shared
 * linter: an error finding stops the request unless the override is justified, and the
 * findings recorded are core's own, whatever the UI claims.
 */

const firmLine = EditorialLine.parse({
  id: 'cabinet-arcand',
  name: 'Cabinet Arcand',
  version: 1,
  rules: [
    { id: 'no-superlatives', kind: 'bannedTerm', severity: 'error', terms: [{ term: 'le meilleur' }], stemming: false },
    { id: 'no-politics', kind: 'forbiddenTopic', severity: 'warning', topic: 'politique', terms: ['élections'] },
  ],
});

/** The same line once a rule was added after the request: a forbidden topic, as an error. */
const stricterLine = EditorialLine.parse({
  ...firmLine,
  version: 2,
  rules: [...firmLine.rules, { id: 'no-government', kind: 'forbiddenTopic', severity: 'error', topic: 'politique', terms: ['gouvernement'] }],
});

function startCore() {
  let line = firmLine;
  const temp = tempDir('plume-gate-');
  const clock = new ManualClock();
  const { db } = openDatabase(`${temp.path}/plume.sqlite`, clock.now());
  const events = new EventBus();
  const posts = new PostRepository(db);
  const partners = new PartnerRepository(db);
  // The checker the editorial feature provides, in miniature: lint every network's text with the resolved line.
  const editorial: EditorialChecker = {
    checkPost(postId) {
      const post = posts.get(postId);
      if (!post) throw new Error('post missing');
      const findings = lint(post.plainText, resolveLine(line, null)).findings;
      const summary: FindingsSummary = { error: 0, warning: 0, info: 0, byKind: {} };
      for (const finding of findings) {
        summary[finding.severity]++;
        summary.byKind[finding.kind] = (summary.byKind[finding.kind] ?? 0) + 1;
      }
      return { summary, errorFindingIds: findings.filter((f) => f.severity === 'error').map((f) => f.id) };
    },
  };
  const signoff = createSignoff(
    { db, clock, events, log: createLogger({}), posts, partners, keychain: new MemoryKeychain(), mail: noMailAccount, editorial },
  );
  const postService = new PostService(db, posts, partners, clock, events, signoff.contentHook);
  const partner = new PartnerService(partners, clock, events, (partnerId) => posts.goingOutCount(partnerId)).create(
    PartnerInput.parse({ displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: '' }),
  );
  const post = (text: string) =>
    postService.create(PostCreateInput.parse({ partnerId: partner.id, title: 'Classement', networks: ['linkedin'], content: docFromParagraphs([text]) }));
  return {
    signoff,
    post,
    clock,
    /** The firm's line changes (a new version). */
    setLine: (next: EditorialLine) => {
      line = next;
    },
    /** The month's overrides, as the partner's report lists them. */
    overrides: (postId: string) =>
      aggregateMonth({ month: '2026-11', partner, entries: signoff.views.history(postId), posts: [{ id: postId, title: 'Classement', networks: ['linkedin'], status: 'approved', pillar: null }], generatedAt: clock.now() })
        .figures.overrides,
    requestDetails: (postId: string) => SignoffRequestDetails.parse(signoff.views.history(postId).find((e) => e.action === 'requestSignoff')?.details),
    close: () => {
      void signoff.close();
      db.close();
      temp.remove();
    },
  };
}

let core: ReturnType<typeof startCore>;
afterEach(() => core.close());

describe('the editorial-line gate on a sign-off request', () => {
  it('refuses a post with an error finding and no override, with the count and finding ids for the UI', () => {
    core = startCore();
    const post = core.post('Nous sommes le meilleur cabinet de Paris.');
    let refused: unknown = null;
    try {
      core.signoff.service.request(RequestSignoffInput.parse({ postId: post.id }));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    const error = refused as ApiError;
    expect(error.messageKey).toBe('errors.signoff.editorialErrors');
    expect(error.issues).toEqual([{ path: ['override'], messageKey: 'errors.signoff.editorialErrors' }]);
    expect(error.details).toMatchObject({ errors: 1, findingIds: [expect.stringMatching(/^no-superlatives\//)] });
    expect(core.signoff.views.status(post.id).status).toBe('draft');
  });

  it('accepts it with a justification, recording core’s findings and ids, not the summary the UI sent', () => {
    core = startCore();
    const post = core.post('Nous sommes le meilleur cabinet de Paris, avant les élections.');
    core.signoff.service.request(
      RequestSignoffInput.parse({
        postId: post.id,
        findings: { error: 0, warning: 0, info: 0, byKind: {} },
        override: { justification: 'Citation exacte du classement Legal 500.', findingIds: ['made-up'] },
      }),
    );
    expect(core.signoff.views.status(post.id).status).toBe('in_review');
    const details = core.requestDetails(post.id);
    expect(details.findings).toEqual({ error: 1, warning: 1, info: 0, byKind: { bannedTerm: 1, forbiddenTopic: 1 } });
    expect(details.override?.justification).toBe('Citation exacte du classement Legal 500.');
    expect(details.override?.findingIds).toEqual([expect.stringMatching(/^no-superlatives\//)]);
  });

  it('lets a clean post through and drops an override that has nothing to justify', () => {
    core = startCore();
    const post = core.post('Trois points essentiels sur la réforme.');
    core.signoff.service.request(RequestSignoffInput.parse({ postId: post.id, override: { justification: 'Au cas où.' } }));
    const details = core.requestDetails(post.id);
    expect(details.findings.error).toBe(0);
    expect(details.override).toBeNull();
  });
});

const refusal = (act: () => void): ApiError => {
  try {
    act();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('not refused');
};

const JUSTIFICATION = 'Le partenaire a validé par téléphone en connaissance de cause.';

describe('the editorial-line gate on an approval recorded by the community manager', () => {
  const decision = (postId: string, decision: 'approve' | 'requestChanges' | 'reject', override?: string) =>
    RecordDecisionInput.parse({ postId, decision, channel: 'phone', decidedAt: core.clock.now(), ...(override === undefined ? {} : { override: { justification: override } }) });

  it('refuses an approval over an error without a justification, with its own message, and records nothing', () => {
    core = startCore();
    const post = core.post('Nous sommes le meilleur cabinet de Paris.');
    const error = refusal(() => core.signoff.service.recordDecision(decision(post.id, 'approve')));
    expect(error.messageKey).toBe('errors.signoff.approvalEditorialErrors');
    expect(error.issues).toEqual([{ path: ['override'], messageKey: 'errors.signoff.approvalEditorialErrors' }]);
    expect(error.details).toMatchObject({ errors: 1, findingIds: [expect.stringMatching(/^no-superlatives\//)] });
    expect(core.signoff.views.status(post.id).status).toBe('draft');
    expect(core.signoff.views.history(post.id).filter((e) => e.action === 'requestSignoff' || e.action === 'approve')).toEqual([]);
    // Blanks are no justification: refused at the boundary.
    expect(RecordDecisionInput.safeParse({ postId: post.id, decision: 'approve', channel: 'phone', decidedAt: core.clock.now(), override: { justification: '   ' } }).success).toBe(false);
  });

  it('records it with a justification as the request’s override, which the report counts', () => {
    core = startCore();
    const post = core.post('Nous sommes le meilleur cabinet de Paris, avant les élections.');
    core.signoff.service.recordDecision(decision(post.id, 'approve', JUSTIFICATION));
    expect(core.signoff.views.status(post.id).status).toBe('approved');
    const details = core.requestDetails(post.id);
    expect(details.findings).toEqual({ error: 1, warning: 1, info: 0, byKind: { bannedTerm: 1, forbiddenTopic: 1 } });
    expect(details.override).toEqual({ justification: JUSTIFICATION, findingIds: [expect.stringMatching(/^no-superlatives\//)] });
    expect(core.overrides(post.id)).toEqual([expect.objectContaining({ postId: post.id, justification: JUSTIFICATION, findingCount: 1 })]);
  });

  it('asks nothing for a request for changes or a refusal, nor for an approval over warnings only', () => {
    core = startCore();
    const changes = core.post('Nous sommes le meilleur cabinet de Paris.');
    core.signoff.service.recordDecision(decision(changes.id, 'requestChanges'));
    expect(core.signoff.views.status(changes.id).status).toBe('changes_requested');
    expect(core.requestDetails(changes.id)).toMatchObject({ findings: { error: 1 }, override: null });
    const refused = core.post('Nous sommes le meilleur cabinet de Paris.');
    core.signoff.service.recordDecision(decision(refused.id, 'reject', JUSTIFICATION));
    expect(core.requestDetails(refused.id).override).toBeNull();
    const warned = core.post('Notre analyse avant les élections.');
    core.signoff.service.recordDecision(decision(warned.id, 'approve'));
    expect(core.signoff.views.status(warned.id).status).toBe('approved');
    expect(core.requestDetails(warned.id)).toMatchObject({ findings: { error: 0, warning: 1 }, override: null });
    expect(core.overrides(warned.id)).toEqual([]);
  });

  it('does not ask again for errors the request’s own override justified', () => {
    core = startCore();
    const post = core.post('Nous sommes le meilleur cabinet de Paris.');
    core.signoff.service.request(RequestSignoffInput.parse({ postId: post.id, override: { justification: JUSTIFICATION } }));
    core.signoff.service.recordDecision(decision(post.id, 'approve'));
    expect(core.signoff.views.status(post.id).status).toBe('approved');
    expect(core.signoff.views.history(post.id).filter((e) => e.action === 'overrideRecorded')).toEqual([]);
    expect(core.overrides(post.id)).toHaveLength(1);
  });

  it('asks for errors that appeared after the request (the line changed), recorded as its own override entry', () => {
    core = startCore();
    const post = core.post('Le gouvernement présente sa réforme.');
    core.signoff.service.request(RequestSignoffInput.parse({ postId: post.id }));
    expect(core.requestDetails(post.id).override).toBeNull();
    core.setLine(stricterLine);
    const error = refusal(() => core.signoff.service.recordDecision(decision(post.id, 'approve')));
    expect(error.messageKey).toBe('errors.signoff.approvalEditorialErrors');
    expect(core.signoff.views.status(post.id).status).toBe('in_review');

    core.signoff.service.recordDecision(decision(post.id, 'approve', JUSTIFICATION));
    expect(core.signoff.views.status(post.id).status).toBe('approved');
    const recorded = core.signoff.views.history(post.id).filter((e) => e.action === 'overrideRecorded');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.details).toMatchObject({ justification: JUSTIFICATION, findingIds: [expect.stringMatching(/^no-government\//)], findings: { error: 1 } });
    expect(core.overrides(post.id)).toEqual([expect.objectContaining({ justification: JUSTIFICATION, findingCount: 1 })]);
  });
});
