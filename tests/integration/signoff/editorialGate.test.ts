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
import { SignoffRequestDetails } from '../../../shared/signoff/audit';
import { RequestSignoffInput } from '../../../shared/signoff/schema';
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

function startCore() {
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
      const findings = lint(post.plainText, resolveLine(firmLine, null)).findings;
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
