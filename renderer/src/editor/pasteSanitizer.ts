import DOMPurify from 'dompurify';
import { isWebAddress, withoutClickTracking, withoutClickTrackingInText } from '../../../shared/links/tracking';

/**
 * Clipboard HTML from Word, Google Docs or a web page, reduced to what a social post can
 * carry: paragraphs, line breaks, bold, italic, lists and http(s)/mailto links. Styles,
 * scripts, event handlers, images (data URIs included), classes and ids never survive.
 *
 * Before DOMPurify removes styles, the formatting those styles carry is turned into tags:
 * Google Docs marks bold as <span style="font-weight:700"> inside a <b style="font-weight:normal">
 * wrapper, and Word writes lists as <p class="MsoListParagraph"> with a hidden bullet span.
 * Tables become a paragraph per row, and every other block (a quote, a heading, a div…) a
 * paragraph of its own. Then what a post has no use for goes: empty paragraphs, spaces and line
 * breaks at a block's edges, line breaks between blocks, footnote marks, and in links the
 * redirect wrappers and click identifiers (shared/links/tracking.ts).
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

/** Word's conditional comment around a list item's bullet or number (`<![if !supportLists]>`). */
const isListMarkerStart = (node: Node): boolean => node.nodeType === Node.COMMENT_NODE && /^\[if !supportLists\]/i.test(node.textContent ?? '');
const isConditionalEnd = (node: Node): boolean => node.nodeType === Node.COMMENT_NODE && /^\[endif\]/i.test(node.textContent ?? '');

/**
 * A bullet or number written as text at the start of a Word list item, with its padding: the
 * Symbol bullet ·, Courier's o, Wingdings' § and ▪, dashes, « 1. », « a) », « iv. ».
 */
const TEXT_LIST_MARKER = /^\s*(?:[·•o§▪■□◦●○➢►Ø✓–—-]|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxlcdm]{1,6}[.)])(?:\s|\u00a0)+/i;
const ORDERED_MARKER = /^\s*\(?[0-9a-zA-Z]{1,6}[.)]/;

/**
 * Takes the bullet or number out of a Word list paragraph and says what it was. Word puts it
 * between `<![if !supportLists]>` and `<![endif]>` (parsed as comments), in a span styled
 * mso-list:Ignore in most versions but not all; without the comments (a list style's
 * paragraph), it is the paragraph's first text.
 */
function takeWordListMarker(paragraph: Element): string {
  const start = Array.from(paragraph.querySelectorAll('*'))
    .flatMap((element) => Array.from(element.childNodes))
    .concat(Array.from(paragraph.childNodes))
    .find(isListMarkerStart);
  if (start) {
    let marker = '';
    let node = start.nextSibling;
    start.remove();
    while (node && !isConditionalEnd(node)) {
      const next = node.nextSibling;
      marker += node.textContent ?? '';
      node.remove();
      node = next;
    }
    node?.remove();
    return marker;
  }
  const ignored = Array.from(paragraph.querySelectorAll('[style*="mso-list"]')).find((el) => /mso-list:\s*ignore/i.test(el.getAttribute('style') ?? ''));
  if (ignored) {
    const marker = ignored.textContent;
    ignored.remove();
    return marker;
  }
  return removeLeadingText(paragraph, TEXT_LIST_MARKER);
}

/** Removes what `pattern` matches at the start of the element's text, across text nodes; returns it. */
function removeLeadingText(element: Element, pattern: RegExp): string {
  const texts = textNodesOf(element);
  const whole = texts.map((text) => text.data).join('');
  const match = pattern.exec(whole);
  if (!match) return '';
  let left = match[0].length;
  for (const text of texts) {
    if (left === 0) break;
    const cut = Math.min(left, text.data.length);
    text.data = text.data.slice(cut);
    left -= cut;
  }
  return match[0];
}

function textNodesOf(element: Element): Text[] {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text) texts.push(node);
  return texts;
}

/** Word list paragraphs: MsoListParagraph…, MsoListBullet, MsoListNumber, or any paragraph Word styled as a list. */
function isWordListParagraph(paragraph: Element): boolean {
  return /\bMsoList/i.test(paragraph.className) || /mso-list:\s*l\d/i.test(paragraph.getAttribute('style') ?? '');
}

function wordListsToLists(root: Element, doc: Document): void {
  let currentList: HTMLElement | null = null;
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    if (!isWordListParagraph(paragraph)) {
      currentList = null;
      continue;
    }
    const ordered = ORDERED_MARKER.test(takeWordListMarker(paragraph));
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

/**
 * Word writes two typed spaces or more as `<span style="mso-spacerun:yes">&nbsp; </span>`: they
 * read as one ordinary space (at a paragraph's edge, none). A no-break space Word writes by
 * itself (French typography before : ; ! ? and inside « ») is left alone.
 */
function wordSpaceRuns(root: Element, doc: Document): void {
  for (const run of Array.from(root.querySelectorAll('[style*="mso-spacerun"]'))) run.replaceWith(doc.createTextNode(' '));
}

/**
 * Footnote and endnote references (Google Docs' <sup><a href="#ftnt1">, Word's
 * <a href="#_ftn1">[1]</a>) point to notes a post does not carry: without this, their number
 * stuck to the word (« barré1 »).
 */
function dropNoteReferences(root: Element): void {
  for (const anchor of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const href = anchor.getAttribute('href') ?? '';
    const isNote = /^#_?(?:ftn|edn|ftnt|cmnt)/i.test(href) || (anchor.closest('sup') !== null && /^\s*\[?\d{1,3}\]?\s*$/.test(anchor.textContent));
    if (!isNote) continue;
    const wrapper = anchor.closest('sup');
    if (wrapper && wrapper.textContent.trim() === anchor.textContent.trim()) wrapper.remove();
    else anchor.remove();
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

/** Block elements a post has no equivalent of: each becomes a paragraph (or its blocks, paragraphs). */
const OTHER_BLOCKS = 'div, section, article, main, header, footer, aside, nav, blockquote, pre, h1, h2, h3, h4, h5, h6, figure, figcaption, dl, dt, dd, address, center, details, summary, fieldset, legend, hgroup, caption';
/** What the post keeps as blocks once the others are turned into paragraphs. */
const KEPT_BLOCKS = new Set(['P', 'UL', 'OL', 'LI', 'TABLE']);

const isBlock = (node: Node): boolean => node instanceof Element && (KEPT_BLOCKS.has(node.tagName) || node.matches(OTHER_BLOCKS));
/** An inline element around blocks (a web page's <a> around a card's <div>s) stands with the blocks, never inside a new paragraph. */
const standsAsBlock = (node: Node): boolean => isBlock(node) || (node instanceof Element && node.querySelector('p, ul, ol, li') !== null);

/**
 * Replaces a container's children by blocks: each run of inline content between two blocks
 * becomes a paragraph; a run of only spaces and line breaks (Google Docs' <br> between
 * paragraphs, the source's line ends) goes.
 */
function groupInlineRuns(container: Element, doc: Document): Node[] {
  const result: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    const paragraph = doc.createElement('p');
    paragraph.append(...run);
    run = [];
    if (paragraph.textContent.trim() !== '') result.push(paragraph);
  };
  for (const child of Array.from(container.childNodes)) {
    if (standsAsBlock(child)) {
      flush();
      result.push(child);
    } else run.push(child);
  }
  flush();
  return result;
}

/**
 * Every block the post has no equivalent of becomes a paragraph of its own: DOMPurify unwraps
 * them, and the text of a quote, a <pre> and a heading then ran together in one paragraph
 * (« Citation icicode aligné »). Innermost first, so an outer block sees its inner ones as
 * paragraphs already. A <pre>'s line ends become line breaks; an <li> outside a list is a
 * paragraph too.
 */
function blocksToParagraphs(root: Element, doc: Document): void {
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    for (const text of textNodesOf(pre)) {
      const lines = text.data.split(/\r?\n/);
      if (lines.length < 2) continue;
      text.replaceWith(...lines.flatMap((line, index) => (index === 0 ? [doc.createTextNode(line)] : [doc.createElement('br'), doc.createTextNode(line)])));
    }
  }
  const blocks = Array.from(root.querySelectorAll(`${OTHER_BLOCKS}, li`)).filter((element) => element.tagName !== 'LI' || !element.parentElement?.matches('ul, ol'));
  for (const block of blocks.reverse()) {
    const hasBlocks = Array.from(block.childNodes).some(standsAsBlock);
    if (hasBlocks) {
      block.replaceWith(...groupInlineRuns(block, doc));
    } else {
      const paragraph = doc.createElement('p');
      paragraph.append(...Array.from(block.childNodes));
      block.replaceWith(paragraph);
    }
  }
}

/**
 * Links lose known redirect wrappers (Google Docs' google.com/url?q=…) and click identifiers
 * (fbclid, gclid…); a link whose text is its address gets the same cleaned address as text.
 * Campaign tags (utm_*, xtor) stay: see shared/links/tracking.ts.
 */
function cleanLinks(root: Element): void {
  // Addresses written as text (a page quoting a link, a URL typed in a Word document).
  for (const text of textNodesOf(root)) {
    if (text.parentElement?.closest('a[href]')) continue;
    const cleaned = withoutClickTrackingInText(text.data);
    if (cleaned !== text.data) text.data = cleaned;
  }
  for (const anchor of Array.from(root.querySelectorAll('a[href]'))) {
    anchor.setAttribute('href', withoutClickTracking((anchor.getAttribute('href') ?? '').trim()));
    for (const text of textNodesOf(anchor)) {
      const address = text.data.trim();
      if (isWebAddress(address)) text.data = text.data.replace(address, withoutClickTracking(address));
    }
  }
}

/** Spaces (no-break ones included) and line breaks at the start and end of a block's own text. */
function trimEdges(block: Element): void {
  const leaves = (): Node[] => {
    const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (node) => (node instanceof Element && node !== block && node.matches('ul, ol') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const found: Node[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text || (node instanceof Element && node.tagName === 'BR')) found.push(node);
    return found;
  };
  for (const fromStart of [true, false]) {
    const ordered = fromStart ? leaves() : leaves().reverse();
    for (const leaf of ordered) {
      if (leaf instanceof Text) {
        leaf.data = fromStart ? leaf.data.replace(/^\s+/, '') : leaf.data.replace(/\s+$/, '');
        if (leaf.data !== '') break;
      }
      leaf.parentNode?.removeChild(leaf);
    }
  }
}

/**
 * The sanitized markup, tidied for a post: line breaks and spaces between blocks and at their
 * edges go, and so do blocks left empty (Word's <o:p>&nbsp;</o:p> paragraphs, <p>&nbsp;</p>,
 * the paragraph a tracking pixel sat in): a blank line between two paragraphs is not a
 * paragraph of a social post.
 */
function tidyBlocks(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const body = doc.body;
  body.replaceChildren(...groupInlineRuns(body, doc));
  for (const list of Array.from(body.querySelectorAll('ul, ol'))) {
    for (const child of Array.from(list.childNodes)) if (!(child instanceof Element && child.tagName === 'LI')) child.remove();
  }
  for (const item of Array.from(body.querySelectorAll('li'))) {
    if (Array.from(item.childNodes).some(standsAsBlock)) item.replaceChildren(...groupInlineRuns(item, doc));
  }
  const blocks = Array.from(body.querySelectorAll('p, li'));
  for (const block of blocks) trimEdges(block);
  for (const block of blocks.reverse()) if (block.textContent.trim() === '') block.remove();
  for (const list of Array.from(body.querySelectorAll('ul, ol')).reverse()) if (!list.querySelector('li')) list.remove();
  return body.innerHTML;
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
  dropNoteReferences(doc.body);
  wordSpaceRuns(doc.body, doc);
  styleToTags(doc.body, doc);
  wordListsToLists(doc.body, doc);
  tablesToParagraphs(doc.body, doc);
  blocksToParagraphs(doc.body, doc);
  cleanLinks(doc.body);
  const sanitized = DOMPurify.sanitize(doc.body.innerHTML, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
    FORBID_TAGS: ['style', 'script', 'img', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input'],
  });
  return tidyBlocks(sanitized);
}

/** A plain-text paste (no HTML on the clipboard): its web addresses lose redirects and click identifiers, as pasted links do. */
export function sanitizePastedText(text: string): string {
  return withoutClickTrackingInText(text);
}
