import type { ClientRect, KeyboardCoordinateGetter } from '@dnd-kit/core';

const directions: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

const centre = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });

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
  const from = (over ? droppableRects.get(over.id) : undefined) ?? collisionRect;
  if (!from || !collisionRect) return undefined;
  const origin = centre(from);
  const [dx, dy] = direction;
  let best: { x: number; y: number; distance: number } | null = null;
  for (const [id, rect] of droppableRects) {
    if (id === over?.id) continue;
    const c = centre(rect);
    const along = (c.x - origin.x) * dx + (c.y - origin.y) * dy;
    const across = dx !== 0 ? Math.abs(c.y - origin.y) : Math.abs(c.x - origin.x);
    const tolerance = (dx !== 0 ? from.height : from.width) / 2;
    if (along <= 1 || across > tolerance) continue;
    if (!best || along < best.distance) best = { ...c, distance: along };
  }
  if (!best) return undefined;
  const dragged = centre(collisionRect);
  return { x: currentCoordinates.x + best.x - dragged.x, y: currentCoordinates.y + best.y - dragged.y };
};
