import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { docFromParagraphs } from '../shared/posts/document';
import { generatedLine, post } from './support/editorialFixtures';
import { EDITOR_TIMING } from '../renderer/src/editor/lint/lintPlugin';
import { bootstrapRatioInterval, median, percentile, report } from './support/stats';

/**
 * Typing latency in real Chromium: keypress → next paint, with the editorial extension on
 * (the generated 300-rule line, LinkedIn + X, the editor's own timing and lint worker)
 * against bare TipTap, both measured in this run.
 *
 * Method: the app's own editor configuration (`postExtensions`, renderer/src/editor) is
 * bundled by Vite (the lint worker included) and served from a loopback origin of its own,
 * then mounted in a blank page twice: without a lint session (exactly the editor's
 * extensions minus the editorial one: bare TipTap) and with one, as the app's editor makes
 * it. The rest of the app (React panels around the editor) is left out of both, so the ratio
 * is the extension's own cost. Keys go through Chromium's input pipeline (CDP key events);
 * inside the page each keystroke is timed from its keydown's timestamp to the end of the
 * first frame rendered after its `input` event (a message posted from that frame's animation
 * callback runs once the frame's style, layout and paint are done). Keystrokes come 40–140 ms
 * apart (a fast typist, irregular, no pause long enough for the quarter-second lint), so the
 * lint passes come from the "at least every maxWaitMs" rule and some keystrokes land on one.
 * Short blocks of keystrokes alternate between the two editors, so drift in the machine's
 * load hits both alike; the p95 ratio is printed with a bootstrap 95% interval.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'virtual:typing-bench-entry';
const RESOLVED = '\0typing-bench-entry';

/** The page's script: mounts either editor on #editor and records keypress → paint. */
const entrySource = `
import { Editor } from '@tiptap/core';
import { postExtensions } from '/renderer/src/editor/extensions';
import { LintSession } from '/renderer/src/editor/lint/lintSession';
import { editorLintRunner } from '/renderer/src/editor/lint/editorLintRunner';
import { EditorialLine } from '/shared/editorial/lineSchema';
import { resolveLine } from '/shared/editorial/resolve';

let editor = null;
let pressedAt = null;
const samples = [];
const passes = [];
const element = document.getElementById('editor');
// The frame's rendering (style, layout, paint) runs after its animation callbacks; a message
// posted from one is handled once that frame is done: the keystroke is on screen.
const afterPaint = (callback) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = callback;
  channel.port2.postMessage(null);
});
element.addEventListener('keydown', (event) => { pressedAt = event.timeStamp; }, true);
element.addEventListener('input', () => {
  const start = pressedAt;
  pressedAt = null;
  if (start !== null) afterPaint(() => samples.push(performance.now() - start));
});

window.typingBench = {
  mount(withLint, line, doc) {
    editor?.destroy();
    samples.length = 0;
    passes.length = 0;
    let session;
    if (withLint) {
      // As the app's editor does: the page's lint worker.
      session = new LintSession(editorLintRunner());
      session.subscribe(() => passes.push(session.getSnapshot().durationMs));
      session.setInputs(resolveLine(EditorialLine.parse(line)), { networks: ['linkedin', 'x'] });
    }
    editor = new Editor({ element, extensions: postExtensions('', session), content: doc });
    editor.commands.focus('end');
    return editor.state.doc.textContent.length;
  },
  samples: () => [...samples],
  passes: () => [...passes],
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
.post-body .ProseMirror { min-height: 240px; border: 1px solid #ccc; border-radius: 8px; padding: 0.8rem 1rem; white-space: pre-wrap; }
.post-body .ProseMirror p { margin: 0 0 0.4rem; }
</style></head><body><div class="post-body"><div id="editor"></div></div></body></html>`;

/** Deterministic 40–140 ms gaps, the same sequence for both editors. */
function gaps(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 40 + (state % 101);
  });
}

/** Typed at the end of the post (US keys; accents do not matter to the line): words of the line, some forbidden. */
const TYPED = "la clause d'imprevision, le meilleur avocat du contrat ";

interface Block {
  samples: number[];
  /** Lint passes (plain text + lint + decorations) during the block, in ms. */
  passes: number[];
}

async function typeBlock(page: Page, withLint: boolean, keystrokes: number, seed: number): Promise<Block> {
  const doc = docFromParagraphs(post().split('\n'));
  await page.evaluate(
    ({ withLint, line, doc }) => {
      const bench = (window as unknown as { typingBench: { mount: (withLint: boolean, line: unknown, doc: unknown) => number } }).typingBench;
      return bench.mount(withLint, line, doc);
    },
    { withLint, line: generatedLine(), doc },
  );
  // Let the initial lint and first paint settle.
  await page.waitForTimeout(300);
  const wait = gaps(keystrokes, seed);
  for (let i = 0; i < keystrokes; i++) {
    // One keystroke in six erases the previous character: Backspace is typing too.
    const key = i % 6 === 5 ? 'Backspace' : TYPED.charAt(i % TYPED.length);
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await new Promise((resolve) => setTimeout(resolve, wait[i]));
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const bench = (window as unknown as { typingBench: { samples: () => number[]; passes: () => number[] } }).typingBench;
    return { samples: bench.samples(), passes: bench.passes() };
  });
}

async function main(): Promise<void> {
  const { entry, files } = await bundle();
  const css = readFileSync(new URL('../renderer/src/editor/lint/lint.css', import.meta.url), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.PLUME_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = path === '/' ? html(entry, css) : files.get(path);
      return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ body, contentType: path === '/' ? 'text/html' : 'text/javascript' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'typingBench' in window);

    // Warm-up of both (JIT, fonts, the line compiled once per page), not counted.
    await typeBlock(page, false, 30, 1);
    await typeBlock(page, true, 30, 1);
    const bare: number[] = [];
    const linted: number[] = [];
    const passes: number[] = [];
    const blocks = 12;
    const perBlock = 60;
    for (let block = 0; block < blocks; block++) {
      const order = block % 2 === 0 ? [false, true] : [true, false];
      for (const withLint of order) {
        const typed = await typeBlock(page, withLint, perBlock, block + 7);
        (withLint ? linted : bare).push(...typed.samples);
        passes.push(...typed.passes);
      }
    }
    const workers = page.workers().map((worker) => new URL(worker.url()).pathname);
    if (!workers.some((path) => path.includes('lint.worker'))) throw new Error(`the lint worker did not start (workers: ${workers.join(', ') || 'none'})`);
    const { delayMs, maxWaitMs } = EDITOR_TIMING;
    console.log(
      `typing latency: keydown → next paint (the frame after 'input' rendered), ${bare.length} + ${linted.length} keystrokes typed 40–140 ms apart at the end of a 3,000-character post`,
    );
    console.log(
      `extension on: the editor’s postExtensions with the editorial lint (300-rule line, LinkedIn + X; a pass ${delayMs} ms after the last keystroke, at least every ${maxWaitMs} ms while typing, in the lint worker);`,
    );
    console.log('baseline: the same postExtensions without the lint session (bare TipTap), same page, same keystrokes, blocks alternated.');
    const p95 = (samples: number[]) => percentile(samples, 95);
    const [low, high] = bootstrapRatioInterval(linted, bare, p95);
    report('keypress → paint, extension on (p50)', median(linted), 'bare TipTap p50', median(bare));
    report('keypress → paint, extension on (p95)', p95(linted), 'bare TipTap p95', p95(bare), 'ratio ≤ 1.1');
    console.log(`${'  p95 ratio, 95% bootstrap interval'.padEnd(46)} ×${low.toFixed(2)} – ×${high.toFixed(2)}`);
    report('keypress → paint, extension on (max)', Math.max(...linted), 'bare TipTap max', Math.max(...bare));
    // A pass: plain text in the page, lint in the worker, underlines redrawn in the page.
    report(`lint pass, ${passes.length} passes, round trip (p50)`, median(passes), 'bare TipTap keypress → paint p50', median(bare));
    report('lint pass, round trip (p95)', p95(passes), 'bare TipTap keypress → paint p50', median(bare));
  } finally {
    await browser.close();
  }
}

await main();
