import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { parseCaptured, startHarness } from './harness';
import type { Harness } from './harness';

const COMMON = 'Trois points essentiels sur la réforme du droit des contrats, expliqués pour vos conventions.';
const SHORT = 'Réforme des contrats : 3 points clés.';

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('the sign-off request of a post with a per-network version', () => {
  it('shows the partner each network’s own text and binds the request to both', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, COMMON);
    await h.call('posts.save', { id: post.id, baseVersion: post.version, versions: { x: docFromParagraphs([SHORT]) } });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no mail');
    const request = await parseCaptured(mail);

    const linkedin = request.text.indexOf('Aperçu LinkedIn');
    const x = request.text.indexOf('Aperçu X');
    expect(linkedin).toBeGreaterThanOrEqual(0);
    expect(x).toBeGreaterThan(linkedin);
    // LinkedIn's section holds the common text, X's the short version, and neither the other's.
    expect(request.text.slice(linkedin, x)).toContain(COMMON);
    expect(request.text.slice(linkedin, x)).not.toContain(SHORT);
    expect(request.text.slice(x)).toContain(SHORT);
    expect(request.text.slice(x)).not.toContain(COMMON);
    expect(request.html).toContain(SHORT);
  });
});
