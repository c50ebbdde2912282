import { useEffect, useState } from 'react';

/** The current instant, refreshed every `everyMs`: keeps "local time" displays live and renders pure. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
