import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** SQL migrations are read from disk at start-up; ship them beside the bundled main. */
const copyMigrations = (): Plugin => ({
  name: 'plume-copy-migrations',
  closeBundle() {
    cpSync(resolve('electron/core/db/migrations'), resolve('out/main/migrations'), { recursive: true });
  },
});

/**
 * The typeface's Latin files the first screen draws with are fetched with the page, not when the
 * first layout asks for them: otherwise the page is drawn in the fallback font, then again in
 * Source Sans 3 a moment later, and everything under the title moves (8 px in the editor).
 */
const preloadTypeface = (): Plugin => ({
  name: 'plume-preload-typeface',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, context) =>
      Object.values(context.bundle ?? {})
        .filter((file) => /^assets\/source-sans-3-latin-(400|600|700)-normal-[\w-]+\.woff2$/u.test(file.fileName))
        .map((file) => ({ tag: 'link', attrs: { rel: 'preload', href: `./${file.fileName}`, as: 'font', type: 'font/woff2', crossorigin: true }, injectTo: 'head' as const })),
  },
});

/**
 * twitter-text imports core-js 2 polyfills for ES2015 (Array#sort, RegExp, String#replace…). The
 * V8 of Node and Chromium has every one of them: each module checks, patches nothing (checked in
 * both: no built-in is replaced), and is still parsed and run at every start of core, the page
 * and the lint worker (~5–10 ms each). They are left out of the bundles.
 */
const withoutEs2015Polyfills = (): Plugin => ({
  name: 'plume-without-es2015-polyfills',
  enforce: 'pre',
  resolveId: (source) => (/^core-js\/modules\//u.test(source) ? '\0plume-no-polyfill' : null),
  load: (id) => (id === '\0plume-no-polyfill' ? 'export {};' : null),
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Libraries core imports at start are bundled: Node then reads one file instead of
      // resolving and loading each package's tree (zod ~80 files, twitter-text ~270, date-fns
      // hundreds with every locale). Native addons and the libraries imported on first use
      // (the networks' SDKs, mail, spreadsheets) stay in node_modules. `tlds` (the editorial
      // line's Bluesky links) is a JSON file, which Node's ES module loader will not import
      // without an import attribute: bundled as well.
      externalizeDeps: { exclude: ['date-fns', '@date-fns/tz', 'zod', 'twitter-text', 'tinyld', 'diff', '@noble/hashes', 'oauth4webapi', 'email-reply-parser', 'htmlparser2', 'tlds'] },
      rolldownOptions: {
        // index: the Electron shell; server: browser mode (`node out/main/server.js`), so no
        // TypeScript is compiled at start-up. Chunks sit beside them, so paths taken from
        // import.meta.url (migrations/, ../../out/renderer, the workers) are the same from every
        // file. auditVerifyWorker: the audit chain check's worker thread (electron/core/audit/
        // verifyInWorker.ts); warningsWorker: the calendar warnings' worker thread.
        input: {
          index: resolve('electron/main/index.ts'),
          server: resolve('electron/server/cli.ts'),
          auditVerifyWorker: resolve('electron/core/audit/verifyWorker.ts'),
          warningsWorker: resolve('electron/core/calendar/warningsWorker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
    plugins: [copyMigrations(), withoutEs2015Polyfills()],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; it is read and parsed at every start.
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
    plugins: [react(), preloadTypeface(), withoutEs2015Polyfills()],
    worker: { plugins: () => [withoutEs2015Polyfills()] },
  },
});
