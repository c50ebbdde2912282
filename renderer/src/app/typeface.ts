/** The weights the first screen draws with (main.tsx imports their faces; index.html preloads their Latin files). */
const FIRST_SCREEN_FACES = ['400 1em "Source Sans 3"', '600 1em "Source Sans 3"', '700 1em "Source Sans 3"'];

/** Longest the first drawing waits for them: past that, the fallback font is drawn, then swapped. */
const WAIT_AT_MOST_MS = 1000;

/**
 * Resolves once the typeface's faces the first screen uses are loaded (usually at once: they are
 * fetched with the page), or after WAIT_AT_MOST_MS. Drawn before, the page shows in the fallback
 * font and again a moment later in Source Sans 3, with everything under the title moved.
 */
export function typefaceLoaded(fonts: FontFaceSet = document.fonts): Promise<void> {
  const loaded = Promise.all(FIRST_SCREEN_FACES.map((face) => fonts.load(face))).then(
    () => undefined,
    (error: unknown) => console.warn('typeface not loaded: the fallback font is drawn', error),
  );
  return Promise.race([loaded, new Promise<void>((resolve) => setTimeout(resolve, WAIT_AT_MOST_MS))]);
}
