import DOMPurify from 'dompurify';

/**
 * Clipboard HTML from Word, Google Docs or a web page, reduced to what a social post can
 * carry: paragraphs, line breaks, bold, italic, lists and http(s)/mailto links. Styles,
 * scripts, event handlers, images (data URIs included), classes and ids never survive.
 *
 * Before DOMPurify removes styles, the formatting those styles carry is turned into tags:
 * Google Docs marks bold as <span style="font-weight:700"> inside a <b style="font-weight:normal">
 * wrapper, and Word writes lists as <p class="MsoListParagraph"> with a hidden bullet span.
 * Tables become a paragraph per row.
 */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

function styleOf(element: Element): CSSStyleDeclaration | null {
  return element instanceof HTMLElement ? element.style : null;
}

function isBoldWeight(weight: string): boolean {
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
}

function wrapChildren(element: Element, tag: string, doc: Document): void {
  const wrapper = doc.createElement(tag);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function styleToTags(root: Element, doc: Document): void {
  // Google Docs' outer <b id="docs-internal-guid-…" style="font-weight:normal"> is not bold.
  for (const element of Array.from(root.querySelectorAll('b, strong'))) {
    const weight = styleOf(element)?.fontWeight ?? '';
    if (element.id.startsWith('docs-internal-guid') || (weight !== '' && !isBoldWeight(weight))) unwrap(element);
  }
  for (const element of Array.from(root.querySelectorAll('span, font'))) {
    const style = styleOf(element);
    if (!style) continue;
    if (isBoldWeight(style.fontWeight)) wrapChildren(element, 'strong', doc);
    if (style.fontStyle === 'italic') wrapChildren(element, 'em', doc);
  }
}

function wordListsToLists(root: Element, doc: Document): void {
  let currentList: HTMLElement | null = null;
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    // Word's bullet glyph or number lives in a span styled mso-list:Ignore.
    const marker = Array.from(paragraph.querySelectorAll('[style*="mso-list"]')).find((el) =>
      /mso-list:\s*ignore/i.test(el.getAttribute('style') ?? ''),
    );
    const ordered = /^\s*[0-9a-zA-Z]{1,3}[.)]/.test(marker?.textContent ?? '');
    marker?.remove();
    if (!/MsoListParagraph/i.test(paragraph.className)) {
      currentList = null;
      continue;
    }
    if (!currentList || paragraph.previousElementSibling !== currentList) {
      currentList = doc.createElement(ordered ? 'ol' : 'ul');
      paragraph.before(currentList);
    }
    const item = doc.createElement('li');
    while (paragraph.firstChild) item.appendChild(paragraph.firstChild);
    currentList.appendChild(item);
    paragraph.remove();
  }
}

/** Between two cells of a pasted table's row: a post has no tables, so a row reads as a line. */
const CELL_SEPARATOR = ' – ';

/**
 * A table (Word, a spreadsheet, a web page) becomes one paragraph per row, its cells' contents
 * (bold and links kept) separated by a dash: without this, a row's cells ran together
 * (« Délai30 jours »), or each cell became a paragraph of its own.
 */
function tablesToParagraphs(root: Element, doc: Document): void {
  // Innermost tables first, so an outer table's cells read a nested one as text already.
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
    const paragraphs = rows.flatMap((row) => {
      const paragraph = doc.createElement('p');
      const cells = Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
      for (const cell of cells) {
        // Blocks inside a cell (Word's <p>, a <div>) read as spaces within the line.
        for (const block of Array.from(cell.querySelectorAll('p, div, br, li'))) block.replaceWith(doc.createTextNode(' '), ...Array.from(block.childNodes));
        if (cell.textContent.trim() === '') continue;
        if (paragraph.childNodes.length > 0) paragraph.append(doc.createTextNode(CELL_SEPARATOR));
        paragraph.append(...Array.from(cell.childNodes));
      }
      paragraph.normalize();
      return paragraph.textContent.trim() === '' ? [] : [paragraph];
    });
    table.replaceWith(...paragraphs);
  }
}

let hooksInstalled = false;
function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
    }
  });
}

export function sanitizePastedHtml(html: string): string {
  installHooks();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Drop Word's conditional comments and <style> blocks before reading styles.
  for (const element of Array.from(doc.querySelectorAll('style, script, noscript, template, iframe, object, embed, svg, math, meta, link, title, xml, o\\:p'))) element.remove();
  styleToTags(doc.body, doc);
  wordListsToLists(doc.body, doc);
  tablesToParagraphs(doc.body, doc);
  return DOMPurify.sanitize(doc.body.innerHTML, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
    FORBID_TAGS: ['style', 'script', 'img', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input'],
  });
}
