import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCaptured, startHarness } from '../signoff/harness';
import type { Harness } from '../signoff/harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const DANA_TEXT =
  'Cette semaine, j’ai accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. ' +
  'Trop d’entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite bien des surprises.';
const NEAR_COPY = `Petite réflexion du jour. ${DANA_TEXT.replace('bien', 'souvent')}`;

describe('a sign-off request for a near-copy of another partner’s post', () => {
  it('goes out to the partner without any word of the other partner or their post, while the check names it', async () => {
    h = await startHarness({ smtp: true });
    const at = h.clock.now() + 3 * 86_400_000;
    const dana = await h.partner({ displayName: 'Dana Lefèvre', signoffEmail: 'dana@example.org' });
    const claire = await h.partner({ displayName: 'Claire Martin' });
    await h.post(dana.id, DANA_TEXT, { scheduledAt: at, title: 'Conformité RGPD à Lyon' });
    const draft = await h.post(claire.id, NEAR_COPY, { scheduledAt: at, title: 'Réflexion' });

    // The community manager is told (the request form shows this check)…
    const check = await h.call('similarity.check', { postId: draft.id });
    expect(check.matches.map((m) => m.partnerName)).toEqual(['Dana Lefèvre']);

    // …the partner is not.
    // The firm's default line may flag the draft: the override is justified, as in the form.
    const refused = await h.core.router.call('signoff.request', { postId: draft.id });
    if (!refused.ok) {
      const findingIds = z.object({ findingIds: z.array(z.string()) }).parse(refused.error.details).findingIds;
      await h.call('signoff.request', { postId: draft.id, override: { justification: 'Validé par l’associée.', findingIds } });
    }
    await h.tick();
    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no mail');
    const request = await parseCaptured(mail);
    for (const part of [mail.raw, request.text, request.html]) {
      expect(part).not.toContain('Dana');
      expect(part).not.toContain('Lefèvre');
      expect(part).not.toContain('Conformité RGPD à Lyon');
      expect(part.toLowerCase()).not.toMatch(/proche|similar|identiques|doublon/u);
    }
  });
});
