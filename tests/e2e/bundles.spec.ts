import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** The built scripts core, the page and its lint worker run at each start. */
function builtScripts(): string[] {
  const main = join('out', 'main');
  const assets = join('out', 'renderer', 'assets');
  return [
    ...readdirSync(main).filter((name) => name.endsWith('.js')).map((name) => join(main, name)),
    ...readdirSync(assets).filter((name) => name.endsWith('.js')).map((name) => join(assets, name)),
  ];
}

test('core, the page and its lint worker are built without the ES2015 polyfills twitter-text imports, which V8 never needs', () => {
  const scripts = builtScripts();
  expect(scripts.some((path) => path.includes('lint.worker'))).toBe(true);
  // core-js 2 keeps its state under this global key, in every module that registers a polyfill.
  const withPolyfills = scripts.filter((path) => readFileSync(path, 'utf8').includes('__core-js_shared__'));
  expect(withPolyfills).toEqual([]);
});
