import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { docFromParagraphs } from '../shared/posts/document';
import { generatedLine, post } from './support/editorialFixtures';
import { median, percentile, report } from './support/stats';

/**
 * Typing latency in real Chromium: keypress → next paint, with the editorial extension on
 * (the generated 300-rule line, LinkedIn + X, the editor's own timing) against bare TipTap,
 * both measured in this run.
 *
 * Method: the app's own editor configuration (`postExtensions`, renderer/src/editor) is
 * bundled by Vite into one script and mounted in a blank page twice: without a lint session
 * (exactly the editor's extensions minus the editorial one: bare TipTap) and with it. The
 * rest of the app (React panels around the editor) is left out of both, so the ratio is the
 * extension's own cost. Keys go through Chromium's input pipeline (CDP key events); inside
 * the page each keystroke is timed from its keydown's timestamp to the animation frame after
 * its `input` event. Keystrokes come 40–140 ms apart (a fast typist, irregular), so some land
 * while a lint pass runs; blocks of keystrokes alternate between the two editors.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'virtual:typing-bench-entry';
const RESOLVED = '\0typing-bench-entry';

/** The page's script: mounts either editor on #editor and records keypress → paint. */
const entrySource = `
import { Editor } from '@tiptap/core';
import { postExtensions } from '/renderer/src/editor/extensions';
import { LintSession } from '/renderer/src/editor/lint/lintSession';
import { EditorialLine } from '/shared/editorial/lineSchema';

let editor = null;
let pressedAt = null;
const samples = [];
const passes = [];
const element = document.getElementById('editor');
element.addEventListener('keydown', (event) => { pressedAt = event.timeStamp; }, true);
element.addEventListener('input', () => {
  const start = pressedAt;
  pressedAt = null;
  if (start !== null) requestAnimationFrame(() => samples.push(performance.now() - start));
});

window.typingBench = {
  mount(withLint, line, doc) {
    editor?.destroy();
    samples.length = 0;
    passes.length = 0;
    let session;
    if (withLint) {
      session = new LintSession();
      session.subscribe(() => passes.push(session.getSnapshot().durationMs));
      session.setInputs(EditorialLine.parse(line), { networks: ['linkedin', 'x'] });
    }
    editor = new Editor({ element, extensions: postExtensions('', session), content: doc });
    editor.commands.focus('end');
    return editor.state.doc.textContent.length;
  },
  samples: () => [...samples],
  passes: () => [...passes],
};
`;

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [
      {
        name: 'typing-bench-entry',
        // Vite may hand the entry over resolved against the root.
        resolveId: (id) => (id.endsWith(ENTRY) ? RESOLVED : null),
        load: (id) => (id === RESOLVED ? entrySource : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      lib: { entry: ENTRY, formats: ['iife'], name: 'TypingBench', fileName: () => 'typing-bench.js' },
    },
  });
  const results: Rolldown.RolldownOutput[] = Array.isArray(output) ? output : [output as Rolldown.RolldownOutput];
  const chunk = results.flatMap((result) => result.output).find((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  if (!chunk) throw new Error('Vite produced no script for the typing benchmark');
  return chunk.code;
}

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
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
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.PLUME_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.setContent(PAGE);
    await page.addStyleTag({ content: readFileSync(new URL('../renderer/src/editor/lint/lint.css', import.meta.url), 'utf8') });
    await page.addScriptTag({ content: script });

    // Warm-up of both (JIT, fonts, the line compiled once per page), not counted.
    await typeBlock(page, false, 30, 1);
    await typeBlock(page, true, 30, 1);
    const bare: number[] = [];
    const linted: number[] = [];
    const passes: number[] = [];
    const blocks = 4;
    const perBlock = 90;
    for (let block = 0; block < blocks; block++) {
      // Alternate which editor goes first, so drift in the machine's load hits both alike.
      const order = block % 2 === 0 ? [false, true] : [true, false];
      for (const withLint of order) {
        const typed = await typeBlock(page, withLint, perBlock, block + 7);
        (withLint ? linted : bare).push(...typed.samples);
        passes.push(...typed.passes);
      }
    }
    console.log(
      `typing latency: keydown → next animation frame after 'input', ${bare.length} + ${linted.length} keystrokes typed 40–140 ms apart at the end of a 3,000-character post`,
    );
    console.log(
      'extension on: the editor’s postExtensions with the editorial lint (300-rule line, LinkedIn + X, linted 250 ms after the last keystroke, at most 1 s after the first, in an idle period);',
    );
    console.log('baseline: the same postExtensions without the lint session (bare TipTap), same page, same keystrokes, blocks alternated.');
    report('keypress → paint, extension on (p50)', median(linted), 'bare TipTap p50', median(bare));
    report('keypress → paint, extension on (p95)', percentile(linted, 95), 'bare TipTap p95', percentile(bare, 95), 'ratio ≤ 1.1');
    report('keypress → paint, extension on (max)', Math.max(...linted), 'bare TipTap max', Math.max(...bare));
    // Where the p95 goes: a keystroke that lands during a lint pass waits for it.
    report(`lint pass in Chromium, ${passes.length} passes (p50)`, median(passes), 'bare TipTap keypress → paint p50', median(bare));
    report('lint pass in Chromium (p95)', percentile(passes, 95), 'bare TipTap keypress → paint p50', median(bare));
  } finally {
    await browser.close();
  }
}

await main();
