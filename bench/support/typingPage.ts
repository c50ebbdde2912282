import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import type { BrowserContext, Page } from '@playwright/test';

/**
 * What the typing benchmarks share: the editor's own extensions bundled into a blank page (bare
 * TipTap, or with the editorial lint session as the app makes it), the in-page keystroke probe,
 * and the keystrokes themselves.
 *
 * A keystroke is timed inside the page from its keydown's timestamp to the end of the first frame
 * rendered after its `input` event: a message posted from that frame's animation callback runs
 * once the frame's style, layout and paint are done, so the keystroke is on screen.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = 'virtual:typing-bench-entry';
const RESOLVED = '\0typing-bench-entry';

/** Records keydown → next paint for keystrokes whose target is inside `scope` (a CSS selector). */
export const keystrokeProbe = (scope: string) => `
(() => {
  let pressedAt = null;
  const samples = [];
  const inScope = (event) => event.target instanceof Element && event.target.closest(${JSON.stringify(scope)}) !== null;
  const afterPaint = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  });
  document.addEventListener('keydown', (event) => { if (inScope(event)) pressedAt = event.timeStamp; }, true);
  document.addEventListener('input', (event) => {
    if (!inScope(event)) return;
    const start = pressedAt;
    pressedAt = null;
    if (start !== null) afterPaint(() => samples.push(performance.now() - start));
  }, true);
  window.keystrokes = { take: () => samples.splice(0, samples.length) };
})();
`;

/** The blank page's script: mounts either editor on #editor. */
const entrySource = `
import { Editor } from '@tiptap/core';
import { omittedCoreExtensions, postExtensions } from '/renderer/src/editor/extensions';
import { LintSession } from '/renderer/src/editor/lint/lintSession';
import { editorLintRunner } from '/renderer/src/editor/lint/editorLintRunner';
import { EditorialLine } from '/shared/editorial/lineSchema';
import { resolveLine } from '/shared/editorial/resolve';

${keystrokeProbe('#editor')}
let editor = null;
const passes = [];
const element = document.getElementById('editor');

window.typingBench = {
  mount(withLint, line, doc) {
    editor?.destroy();
    window.keystrokes.take();
    passes.length = 0;
    let session;
    if (withLint) {
      // As the app's editor does: the page's lint worker.
      session = new LintSession(editorLintRunner());
      session.subscribe(() => passes.push(session.getSnapshot().durationMs));
      session.setInputs(resolveLine(EditorialLine.parse(line)), { networks: ['linkedin', 'x'] });
    }
    // The app's editor configuration (its extensions and the core extensions it leaves out).
    editor = new Editor({ element, extensions: postExtensions('', session), enableCoreExtensions: omittedCoreExtensions, content: doc });
    editor.commands.focus('end');
    return editor.state.doc.textContent.length;
  },
  passes: () => passes.splice(0, passes.length),
};
`;

/** The page's files, by path: the entry script and the chunks and worker it loads. */
async function bundle(): Promise<{ entry: string; files: Map<string, string> }> {
  const output = await build({
    configFile: false,
    root,
    base: '/',
    logLevel: 'silent',
    plugins: [
      {
        name: 'typing-bench-entry',
        // Vite may hand the entry over resolved against the root.
        resolveId: (id) => (id.endsWith(ENTRY) ? RESOLVED : null),
        load: (id) => (id === RESOLVED ? entrySource : null),
      },
    ],
    build: { write: false, minify: true, rolldownOptions: { input: ENTRY } },
  });
  const results: Rolldown.RolldownOutput[] = Array.isArray(output) ? output : [output as Rolldown.RolldownOutput];
  const files = new Map<string, string>();
  let entry: string | null = null;
  for (const file of results.flatMap((result) => result.output)) {
    if (file.type === 'chunk') {
      files.set(`/${file.fileName}`, file.code);
      if (file.isEntry) entry = `/${file.fileName}`;
    } else files.set(`/${file.fileName}`, typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source));
  }
  if (!entry) throw new Error('Vite produced no script for the typing benchmark');
  return { entry, files };
}

/** Served from an origin of its own (the worker must be same-origin), with the app's CSP. */
const ORIGIN = 'http://typing-bench.localhost';
const html = (entry: string, css: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'">
<script type="module" src="${entry}"></script><style>${css}
body { font: 16px/1.55 system-ui, sans-serif; margin: 2rem; }
</style></head><body><div class="post-body"><div id="editor"></div></div></body></html>`;

/** Opens the bundled editor page in `context`, ready for `mountEditor`. */
export async function openEditorPage(context: BrowserContext, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const { entry, files } = await bundle();
  // The app's own body box (set height, contained, a layer per paragraph) and underlines.
  const css = ['../../renderer/src/editor/postBody.css', '../../renderer/src/editor/lint/lint.css'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = path === '/' ? html(entry, css) : files.get(path);
    return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ body, contentType: path === '/' ? 'text/html' : 'text/javascript' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'typingBench' in window);
  return page;
}

/** Mounts a fresh editor on the bundled page: bare TipTap, or with the lint session and `line`. Returns the text's length. */
export function mountEditor(page: Page, withLint: boolean, line: unknown, doc: unknown): Promise<number> {
  return page.evaluate(
    ({ withLint, line, doc }) => {
      const bench = (window as unknown as { typingBench: { mount: (withLint: boolean, line: unknown, doc: unknown) => number } }).typingBench;
      return bench.mount(withLint, line, doc);
    },
    { withLint, line, doc },
  );
}

/** Lint passes (plain text + lint + decorations) since the last call, in ms. */
export const takePasses = (page: Page): Promise<number[]> =>
  page.evaluate(() => (window as unknown as { typingBench: { passes: () => number[] } }).typingBench.passes());

/** Keystroke samples (keydown → next paint, ms) since the last call. */
export const takeKeystrokes = (page: Page): Promise<number[]> =>
  page.evaluate(() => (window as unknown as { keystrokes: { take: () => number[] } }).keystrokes.take());

/** Deterministic 40–140 ms gaps, the same sequence for every editor given the same seed. */
export function gaps(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 40 + (state % 101);
  });
}

/** Typed at the caret (US keys; accents do not matter to the line): words of the line, some forbidden. */
const TYPED = "la clause d'imprevision, le meilleur avocat du contrat ";

/** Presses `keystrokes` keys through Chromium's input pipeline, 40–140 ms apart; one in six is Backspace. */
export async function typeKeys(page: Page, keystrokes: number, seed: number): Promise<void> {
  const wait = gaps(keystrokes, seed);
  for (let i = 0; i < keystrokes; i++) {
    const key = i % 6 === 5 ? 'Backspace' : TYPED.charAt(i % TYPED.length);
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await new Promise((resolve) => setTimeout(resolve, wait[i]));
  }
}
