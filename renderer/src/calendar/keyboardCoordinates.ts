import type { ClientRect, KeyboardCoordinateGetter } from '@dnd-kit/core';

const directions: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

const centre = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });

interface Step {
  /** The cell centre (and rect) the previous key of this drag sent the post to. */
  centre: { x: number; y: number };
  rect: ClientRect;
}

/**
 * The last step of the current keyboard drag, so a key pressed before dnd-kit has re-measured
 * (`over` lags a render behind) moves on from where the previous key put the post, not from a
 * stale cell. Reset when a drag starts.
 */
let lastStep: Step | null = null;

export const startKeyboardSteps = (): void => {
  lastStep = null;
};

/**
 * Arrow keys move a picked-up post to the neighbouring cell (day, hour or lane) in that
 * direction — the nearest drop target whose centre lies that way in the same row or column —
 * so keyboard users move day by day like mouse users, whatever the cells' sizes.
 */
export const cellKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = directions[event.code];
  if (!direction) return undefined;
  event.preventDefault();
  const { over, droppableRects, collisionRect } = context;
  if (!collisionRect) return undefined;
  const from = lastStep?.rect ?? (over ? droppableRects.get(over.id) : undefined) ?? collisionRect;
  const origin = lastStep?.centre ?? centre(from);
  const [dx, dy] = direction;
  let best: { x: number; y: number; distance: number; rect: ClientRect } | null = null;
  for (const rect of droppableRects.values()) {
    const c = centre(rect);
    const along = (c.x - origin.x) * dx + (c.y - origin.y) * dy;
    const across = dx !== 0 ? Math.abs(c.y - origin.y) : Math.abs(c.x - origin.x);
    const tolerance = (dx !== 0 ? from.height : from.width) / 2;
    if (along <= 1 || across > tolerance) continue;
    if (!best || along < best.distance) best = { ...c, distance: along, rect };
  }
  if (!best) return undefined;
  lastStep = { centre: { x: best.x, y: best.y }, rect: best.rect };
  // The sensor positions the post absolutely (answer − where the drag began), so this stays
  // right even when collisionRect is a render behind: only its size matters.
  const dragged = centre(collisionRect);
  return { x: currentCoordinates.x + best.x - dragged.x, y: currentCoordinates.y + best.y - dragged.y };
};
