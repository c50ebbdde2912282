import type { lint as lintFn } from '../../../../shared/editorial/lint';

type Lint = typeof lintFn;

let loaded: Lint | null = null;
let loading: Promise<Lint> | null = null;

/**
 * The linter in the page itself. Its libraries (stemmer, language detection, twitter-text's
 * entity parser) live in the lint worker; the page imports them only when it must lint on its
 * own thread: a quick fix or Ctrl+. on text typed since the last lint, or no worker at all.
 */
export function loadPageLint(): Promise<Lint> {
  loading ??= import('../../../../shared/editorial/lint').then((module) => (loaded = module.lint));
  return loading;
}

/** The page's linter if it is loaded already (linting then stays synchronous). */
export const pageLint = (): Lint | null => loaded;
