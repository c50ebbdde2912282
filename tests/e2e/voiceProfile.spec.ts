import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const TOPICS = [
  'la réforme des contrats', 'le télétravail', 'la conformité RGPD', 'les baux commerciaux', 'la médiation', 'le devoir de vigilance',
  'les marchés publics', 'la fiscalité des holdings', 'la propriété intellectuelle', 'la rupture conventionnelle', 'les pactes d’associés',
];
/** Claire: vouvoie, « je », exclamations, emoji at the end, hashtags in an end block. */
const claire = (topic: string) => `J’ai accompagné une PME sur ${topic} cette semaine ! Vous avez des questions ? Contactez-moi 👉\n\n#droit #avocat`;
/** Dana: tutoie, « nous », long sentences, no emoji, no hashtag. */
const dana = (topic: string) => `Nous avons publié une note détaillée sur ${topic}, et nous la tenons à ta disposition si tu veux approfondir le sujet avec notre équipe.`;

const create = (request: APIRequestContext, partnerId: string, text: string) =>
  plume.call(request, 'posts.create', { partnerId, title: 'Post', networks: ['linkedin'], content: docFromParagraphs(text.split('\n\n')), scheduledAt: Date.now() + 86_400_000 });
const approved = async (request: APIRequestContext, partnerId: string, text: string) => {
  const post = await create(request, partnerId, text);
  await plume.call(request, 'signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: Date.now() });
};

test('a draft in a partner’s style reads like them in the editor; a partner with 3 posts shows « profil en apprentissage »', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const a = await plume.call(page.request, 'partners.create', { displayName: 'Claire Martin', timeZone: 'Europe/Paris' });
  const b = await plume.call(page.request, 'partners.create', { displayName: 'Dana Lefèvre', timeZone: 'Europe/Paris' });
  const c = await plume.call(page.request, 'partners.create', { displayName: 'Éloïse Petit', timeZone: 'Europe/Paris' });
  for (const topic of TOPICS.slice(0, 10)) {
    await approved(page.request, a.id, claire(topic));
    await approved(page.request, b.id, dana(topic));
  }
  for (const topic of TOPICS.slice(0, 3)) await approved(page.request, c.id, claire(topic));

  const draft = await create(page.request, a.id, claire(TOPICS[10] ?? ''));
  await page.goto(`${plume.origin}/#/posts/${draft.id}`);
  const line = page.getByTestId('voice-line');
  await expect(line.getByTestId('voice-reads-like')).toHaveText(/^Se lit comme Claire Martin \d{1,3}\u202f% \/ Dana Lefèvre \d{1,3}\u202f%$/u);
  await line.getByText('Ce qui pèse le plus').click();
  await expect(line.getByRole('listitem')).toHaveCount(3);
  await saveScreenshot(page, 'voice-line-fr');

  const newcomer = await create(page.request, c.id, claire(TOPICS[10] ?? ''));
  await page.goto(`${plume.origin}/#/posts/${newcomer.id}`);
  await expect(line.getByTestId('voice-learning')).toContainText('Profil en apprentissage');
  await expect(line.getByTestId('voice-learning')).toContainText('3\u00a0posts approuvés ou publiés dans cette langue');
});
