import type { ReactNode } from 'react';

/** The text with the given ranges wrapped in <mark> (ranges sorted, not overlapping). */
export function highlighted(text: string, ranges: readonly { from: number; to: number }[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  ranges.forEach((range, i) => {
    if (range.from > at) out.push(text.slice(at, range.from));
    out.push(<mark key={i}>{text.slice(range.from, range.to)}</mark>);
    at = range.to;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}
