import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * What a paste from Word, Google Docs or a web page leaves in a post, with the clipboard's real
 * markup (as Chromium hands it to the editor). Found in a French user's review: empty Word
 * paragraphs, bullets left in list items, blocks glued together, Google Docs' line breaks
 * between blocks, tracking redirects and click identifiers in links.
 */

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const body = (page: Page) => page.getByTestId('post-body');

async function newPost(page: Page): Promise<void> {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Créer mon premier partenaire' }).click();
  await page.getByLabel('Nom affiché').fill('Me Claire Dupont');
  await page.getByLabel('Fuseau horaire (ville)').fill('Europe/Paris');
  await page.getByLabel('Adresse e-mail de validation').fill('claire.dupont@example.org');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('partner-card')).toBeVisible();
  await page.getByRole('link', { name: 'Publications' }).click();
  await page.getByTestId('new-post').click();
  await body(page).click();
}

/** Pastes into an emptied body: each source is read on its own. */
async function paste(page: Page, html: string): Promise<void> {
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await expect(body(page)).toHaveText('');
  await body(page).evaluate((element, clipboard) => {
    const data = new DataTransfer();
    data.setData('text/html', clipboard);
    data.setData('text/plain', 'texte brut');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

/**
 * The post's blocks as lines: « p: text », « ul: item | item ». A no-break space shows as ⍽, a
 * hard line break as ⏎, so where each one sits is part of what is compared.
 */
async function blocks(page: Page): Promise<string[]> {
  return body(page).evaluate((root) => {
    const text = (node: Element): string => {
      let out = '';
      for (const child of Array.from(node.childNodes)) {
        if (child instanceof HTMLBRElement) out += child.classList.contains('ProseMirror-trailingBreak') ? '' : '⏎';
        else if (child instanceof HTMLUListElement || child instanceof HTMLOListElement) out += ` [${items(child)}]`;
        else if (child instanceof Element) out += text(child);
        else out += child.textContent ?? '';
      }
      return out.replace(/\u00a0/g, '⍽');
    };
    const items = (list: Element): string =>
      Array.from(list.children)
        .map((item) => text(item))
        .join(' | ');
    return Array.from(root.children).map((block) => {
      const tag = block.tagName.toLowerCase();
      return tag === 'ul' || tag === 'ol' ? `${tag}: ${items(block)}` : `${tag}: ${text(block)}`;
    });
  });
}

/** The post's links as [href, visible text]. */
async function links(page: Page): Promise<(string | null)[][]> {
  return body(page)
    .locator('a')
    .evaluateAll((anchors) => anchors.map((anchor) => [anchor.getAttribute('href'), anchor.textContent]));
}

const wordHead = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Calibri",sans-serif;}
@list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7; font-family:Symbol;}
--></style></head>
<body lang=FR style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->`;
const wordFoot = `<!--EndFragment-->
</body>
</html>`;

test('a Word paste: no empty paragraphs, no edge no-break spaces, no bullets or numbers left in list items', async ({ page }) => {
  await newPost(page);
  await paste(
    page,
    `${wordHead}
<p class=MsoNormal><b><span lang=FR>Réforme du droit des contrats<o:p></o:p></span></b></p>
<p class=MsoNormal><span lang=FR><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><span lang=FR><span style='mso-spacerun:yes'>&nbsp;</span>Voir l’article «&nbsp;imprévision&nbsp;»&nbsp;: trois points&nbsp;!<span style='mso-spacerun:yes'>&nbsp;&nbsp; </span><o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=FR style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=FR>l’article 1195&nbsp;;<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=FR style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=FR>l’article 1104.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=FR><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=FR>premier délai<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=FR>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=FR>second délai<o:p></o:p></span></p>
<p class=MsoNormal>Entre deux listes.</p>
<p class=MsoListParagraphCxSpFirst style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l2 level2 lfo3'><![if !supportLists]><span lang=FR style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span lang=FR>option Courier<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span lang=FR style='font-family:Wingdings'>§<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><span lang=FR>carré Wingdings<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span lang=FR>a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=FR>lettre<o:p></o:p></span></p>
<p class=MsoListBullet style='mso-list:l3 level1 lfo4'><span lang=FR style='font-family:Symbol'>▪</span><span lang=FR style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span><span lang=FR>style Liste à puces, sans commentaire conditionnel<o:p></o:p></span></p>
<p class=MsoNormal><span lang=FR>Fin.<span style='mso-spacerun:yes'>&nbsp; </span></span></p>
<p class=MsoNormal><span lang=FR><o:p>&nbsp;</o:p></span></p>
${wordFoot}`,
  );
  expect.soft(await blocks(page)).toEqual([
    'p: Réforme du droit des contrats',
    // The no-break spaces French typography needs stay; those at the edges go.
    'p: Voir l’article «⍽imprévision⍽»⍽: trois points⍽!',
    'ul: l’article 1195⍽; | l’article 1104.',
    'ol: premier délai | second délai',
    'p: Entre deux listes.',
    'ul: option Courier | carré Wingdings | lettre | style Liste à puces, sans commentaire conditionnel',
    'p: Fin.',
  ]);

  // Word for Mac and LibreOffice write the same content differently.
  await paste(
    page,
    `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 16 (filtered)"></head><body lang=FR-FR>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->puce Mac<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->seconde puce Mac<o:p></o:p></p>
<p class=MsoNormal>&nbsp;</p>
</body></html>`,
  );
  // After a pasted list, the paragraph the paste went into stays below it, empty, with the caret.
  expect.soft(await blocks(page)).toEqual(['ul: puce Mac | seconde puce Mac', 'p: ']);

  await paste(
    page,
    `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><meta name="generator" content="LibreOffice 24.2.7.2 (Linux)"/><style type="text/css">p { line-height: 115%; margin-bottom: 0.25cm; background: transparent }</style></head><body lang="fr-FR" link="#000080" vlink="#800000" dir="ltr">
<p style="line-height: 100%; margin-bottom: 0cm">LibreOffice avant la liste</p>
<p style="line-height: 100%; margin-bottom: 0cm"><br/></p>
<ul><li><p style="line-height: 100%; margin-bottom: 0cm">point LibreOffice</p></li></ul>
<p style="line-height: 100%; margin-bottom: 0cm">&nbsp;</p>
</body></html>`,
  );

  expect.soft(await blocks(page)).toEqual(['p: LibreOffice avant la liste', 'ul: point LibreOffice', 'p: ']);
});

test('a web page paste: every block its own paragraph, empty blocks and tracking pixels dropped', async ({ page }) => {
  await newPost(page);
  await paste(
    page,
    `<html><body><!--StartFragment--><h2 class="article__title">Réforme de la prescription</h2><div class="article__chapo"><p>Le point sur la réforme.</p></div><blockquote class="citation">Citation ici</blockquote><pre>code   aligné
seconde ligne</pre><section class="encadre"><div>Texte en section</div><div><span>Deux</span> <strong>mots</strong></div></section><article><h3>Intertitre</h3>Texte libre<p>Suite</p></article><figure><img src="https://www.example.fr/photo.jpg" alt=""><figcaption>Légende de la photo</figcaption></figure><dl><dt>Terme</dt><dd>Définition</dd></dl><address>1 rue de Harlay, Paris</address><li>Élément hors liste</li><p></p><p>&nbsp;</p><p><img src="https://pixel.example.fr/t.gif?id=42" width="1" height="1" alt="" style="border:0"></p><div><br></div><table><tbody><tr><td>Délai</td><td>30 jours</td></tr></tbody></table><h6>Dernier</h6><!--EndFragment--></body></html>`,
  );
  expect(await blocks(page)).toEqual([
    'p: Réforme de la prescription',
    'p: Le point sur la réforme.',
    'p: Citation ici',
    'p: code aligné⏎seconde ligne',
    'p: Texte en section',
    'p: Deux mots',
    'p: Intertitre',
    'p: Texte libre',
    'p: Suite',
    'p: Légende de la photo',
    'p: Terme',
    'p: Définition',
    'p: 1 rue de Harlay, Paris',
    'p: Élément hors liste',
    'p: Délai – 30 jours',
    'p: Dernier',
  ]);
});

test('a Google Docs paste: no empty paragraph nor line break between blocks, footnote marks dropped', async ({ page }) => {
  await newPost(page);
  const span = 'font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-style:normal;font-variant:normal;vertical-align:baseline;white-space:pre;white-space:pre-wrap;';
  const p = '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">';
  await paste(
    page,
    `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-8f3a1c52-7fff-9d1e-0b6a-3c2f4e5d6a7b">${p}<span style="${span}font-weight:700;text-decoration:none;">Titre en gras</span></p><br>${p}<span style="${span}font-weight:400;text-decoration:none;">Le texte </span><span style="${span}font-weight:400;text-decoration:line-through;">barré</span><sup><a href="#ftnt1" id="ftnt_ref1">1</a></sup><span style="${span}font-weight:400;text-decoration:none;"> du 1</span><sup>er</sup><span style="${span}font-weight:400;text-decoration:none;"> janvier.</span></p><br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="${span}font-weight:400;">un point</span></p></li></ul><br><br>${p}<span style="${span}font-weight:400;">Ligne</span><br><span style="${span}font-weight:400;">suivante</span></p></b><br class="Apple-interchange-newline">`,
  );
  expect(await blocks(page)).toEqual(['p: Titre en gras', 'p: Le texte barré du 1er janvier.', 'ul: un point', 'p: Ligne⏎suivante']);
  expect(await body(page).innerHTML()).toContain('<strong>Titre en gras</strong>');
});

test('pasted links lose redirect wrappers and click identifiers, and keep utm and xtor campaign tags', async ({ page }) => {
  await newPost(page);
  const decision = 'https://www.courdecassation.fr/decision/64f1a2b3c4d5e6f7a8b9c0d1';
  const docsRedirect = `https://www.google.com/url?q=${decision}&amp;sa=D&amp;source=editors&amp;ust=1767225600000000&amp;usg=AOvVaw3x9Kq2Lm8N7pQ4rS5tU6vW`;
  await paste(
    page,
    `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1c2d3e4f-7fff-0a1b-2c3d-4e5f6a7b8c9d"><p dir="ltr"><span>Lire </span><a href="${docsRedirect}" style="text-decoration:none;"><span style="color:#1155cc;text-decoration:underline;">l’arrêt du 3 mars</span></a><span> ou : </span><a href="${docsRedirect}" style="text-decoration:none;"><span style="color:#1155cc;text-decoration:underline;">${decision}</span></a></p></b>`,
  );
  expect.soft(await links(page)).toEqual([
    [decision, 'l’arrêt du 3 mars'],
    [decision, decision],
  ]);
  await paste(
    page,
    `${wordHead}<p class=MsoNormal><span lang=FR>Lire <a href="https://www.cnb.avocat.fr/fr/actualites?utm_source=linkedin&amp;utm_medium=social&amp;fbclid=IwAR0abc">l’actualité du CNB</a><o:p></o:p></span></p>${wordFoot}`,
  );
  expect.soft(await links(page)).toEqual([['https://www.cnb.avocat.fr/fr/actualites?utm_source=linkedin&utm_medium=social', 'l’actualité du CNB']]);
  await paste(
    page,
    `<html><body><!--StartFragment--><p>Voir <a href="https://www.lemonde.fr/societe/article/2026/03/10/reforme.html?xtor=RSS-3208&amp;gclid=abc#xtor=AL-32280270">https://www.lemonde.fr/societe/article/2026/03/10/reforme.html?xtor=RSS-3208&amp;gclid=abc#xtor=AL-32280270</a></p><!--EndFragment--></body></html>`,
  );
  const lemonde = 'https://www.lemonde.fr/societe/article/2026/03/10/reforme.html?xtor=RSS-3208#xtor=AL-32280270';
  expect.soft(await links(page)).toEqual([[lemonde, lemonde]]);
});

test('an address pasted as plain text, or written as text in a pasted page, loses redirects and click identifiers too', async ({ page }) => {
  await newPost(page);
  const decision = 'https://www.courdecassation.fr/decision/64f1a2b3c4d5e6f7a8b9c0d1';
  await body(page).evaluate((element, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `Lire la décision : ${decision}?fbclid=IwAR0abc. Bonne lecture !`);
  await expect(body(page)).toHaveText(`Lire la décision : ${decision}. Bonne lecture !`);

  await paste(page, `<p>Source (copiée telle quelle) : https://www.google.com/url?q=${encodeURIComponent(decision)}&amp;sa=D&amp;usg=AOvVaw1</p>`);
  await expect(body(page)).toHaveText(`Source (copiée telle quelle) : ${decision}`);
});
