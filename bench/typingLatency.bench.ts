import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { docFromParagraphs } from '../shared/posts/document';
import { generatedLine, post } from './support/editorialFixtures';
import { EDITOR_TIMING } from '../renderer/src/editor/lint/lintPlugin';
import { bootstrapRatioInterval, median, percentile, report } from './support/stats';
import { mountEditor, openEditorPage, takeKeystrokes, takePasses, typeKeys } from './support/typingPage';

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
interface Block {
  samples: number[];
  /** Lint passes (plain text + lint + decorations) during the block, in ms. */
  passes: number[];
}

async function typeBlock(page: Page, withLint: boolean, keystrokes: number, seed: number): Promise<Block> {
  await mountEditor(page, withLint, generatedLine(), docFromParagraphs(post().split('\n')));
  // Let the initial lint and first paint settle.
  await page.waitForTimeout(300);
  await takePasses(page);
  await typeKeys(page, keystrokes, seed);
  await page.waitForTimeout(300);
  return { samples: await takeKeystrokes(page), passes: await takePasses(page) };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.PLUME_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await openEditorPage(await browser.newContext());

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
