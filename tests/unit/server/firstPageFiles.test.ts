import { describe, expect, it } from 'vitest';
import { firstPageFiles } from '../../../electron/server/firstPageFiles';

describe('the files a page loads before its script runs', () => {
  it('lists the entry script, its preloaded chunks and the style sheets as the paths the browser asks for', () => {
    const html = `<!doctype html><html><head>
      <link rel="icon" href="./favicon.png" />
      <script type="module" crossorigin src="./assets/index-A1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/runtime-B2.js">
      <LINK REL="stylesheet" href='/assets/index-C3.css'>
      <link rel="preconnect" href="https://fonts.example">
      <script src="https://cdn.example/x.js"></script>
      <link rel="stylesheet" href="//cdn.example/y.css">
    </head><body><div id="root"></div></body></html>`;
    expect(firstPageFiles(html).sort()).toEqual(['/assets/index-A1.js', '/assets/index-C3.css', '/assets/runtime-B2.js']);
  });

  it('finds nothing in a page without such files', () => {
    expect(firstPageFiles('<!doctype html><title>Plume</title>')).toEqual([]);
    expect(firstPageFiles('')).toEqual([]);
  });

});
