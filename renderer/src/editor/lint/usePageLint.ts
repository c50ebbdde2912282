import { useEffect, useState } from 'react';
import { loadPageLint, pageLint } from './pageLint';

/** The page's linter for a component that lints as it renders: null until it is loaded. */
export function usePageLint(): ReturnType<typeof pageLint> {
  const [lint, setLint] = useState(pageLint);
  useEffect(() => {
    if (lint) return;
    let gone = false;
    void loadPageLint().then((loaded) => {
      if (!gone) setLint(() => loaded);
    });
    return () => {
      gone = true;
    };
  }, [lint]);
  return lint;
}
