import { useEffect, useState } from 'react';
import { afterNextPaint } from './browserScheduling';

/**
 * False on a component's first render, true once the frame that showed it has been painted.
 *
 * For what is beside the main thing on a page: a post's editor is drawn, painted and can be typed
 * in one frame earlier than when its side panels and thread parts were drawn with it (a good part
 * of a cold start's first render, ~80–135 ms on two cores shared with core). An effect alone runs
 * before that paint.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}
