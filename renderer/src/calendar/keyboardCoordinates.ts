import { closestCenter } from '@dnd-kit/core';
import type { ClientRect, CollisionDetection, DroppableContainer, KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core';
import { addDays } from '../../../shared/calendar/civil';
import type { DropTarget } from './DropCell';

const directions: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

const centre = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
const targetOf = (container: DroppableContainer | undefined): DropTarget | undefined => (container?.data.current as { target?: DropTarget } | undefined)?.target;

/**
 * The cell the current keyboard drag is on, by id: the next key moves on from it, and the drop
 * lands on it, whatever dnd-kit's geometry says (its rects go stale when the grid scrolls, and
 * the pointer-style "closest centre" can pick a neighbouring column). Reset when a drag starts.
 */
let keyboardCell: UniqueIdentifier | null = null;

export const startKeyboardSteps = (): void => {
  keyboardCell = null;
};

/** Pointer drags collide by geometry; a keyboard drag is over the cell its keys chose. */
export const keyboardAwareCollision: CollisionDetection = (args) => {
  if (keyboardCell !== null && args.droppableContainers.some((c) => c.id === keyboardCell)) return [{ id: keyboardCell }];
  return closestCenter(args);
};

function liveRect(container: DroppableContainer, measured: ClientRect | undefined): ClientRect | undefined {
  const node = container.node.current;
  return node ? node.getBoundingClientRect() : measured;
}

/** An arrow that found no cell that way: the view's edge, said out loud rather than a key doing nothing. */
export type KeyboardEdge =
  /** The day that way is outside the period shown (the next week, the next month's grid). */
  | { kind: 'period'; date: string; after: boolean; target: DropTarget }
  /** No hour before 00:00 or after 23:00 in the week's grid. */
  | { kind: 'grid'; target: DropTarget };

export interface KeyboardSteps {
  /** The first and last local dates the view shows. */
  shownDates: { from: string; to: string };
  onEdge: (edge: KeyboardEdge) => void;
}

const sameSlot = (a: DropTarget, b: DropTarget) => a.hour === b.hour && a.partnerId === b.partnerId;

/**
 * Arrow keys move a picked-up post to the neighbouring cell by the view's own coordinates
 * (next hour, next day, next week, next lane), read from each cell's `position`, so a column
 * that content made wider or a grid that scrolled cannot send the post to another day.
 * Where a row ends, the day goes on as days do, as in a grid of dates: right from a Sunday of
 * the month is the next row's Monday, left from a Monday the Sunday before (the cell of that
 * date, at the same hour, in the same lane). A day outside the period shown, or an hour off the
 * week's grid, is an edge: `onEdge` says so and the post stays where it is.
 * A post picked up outside the grid (the unscheduled tray) enters it at the nearest cell.
 */
export function cellKeyboardCoordinates(event: KeyboardEvent, { context, currentCoordinates }: Parameters<KeyboardCoordinateGetter>[1], { shownDates, onEdge }: KeyboardSteps): ReturnType<KeyboardCoordinateGetter> {
  const direction = directions[event.code];
  if (!direction) return undefined;
  event.preventDefault();
  const { droppableContainers, droppableRects, collisionRect, activeNode } = context;
  if (!collisionRect) return undefined;
  const containers = droppableContainers.getEnabled();
  const current =
    (keyboardCell !== null ? droppableContainers.get(keyboardCell) : undefined) ??
    containers.find((c) => activeNode && c.node.current?.contains(activeNode)) ??
    (context.over ? droppableContainers.get(context.over.id) : undefined);
  const [dx, dy] = direction;
  let next: DroppableContainer | undefined;
  const from = targetOf(current);
  const position = from?.position;
  if (from && position) {
    next = containers.find((c) => {
      const p = targetOf(c)?.position;
      return p !== undefined && p.column === position.column + dx && p.row === position.row + dy;
    });
    if (!next) {
      // Columns are days; a row is `rowDays` days (a month's week), or an hour or a lane (none).
      const days = dx + dy * (position.rowDays ?? 0);
      if (days === 0) {
        if (from.hour !== undefined) onEdge({ kind: 'grid', target: from });
        return undefined;
      }
      const date = addDays(from.date, days);
      next = containers
        .filter((c) => {
          const target = targetOf(c);
          return target !== undefined && target.date === date && sameSlot(target, from);
        })
        .sort((a, b) => (targetOf(a)?.part ?? 0) - (targetOf(b)?.part ?? 0))[0];
      if (!next) {
        // A day inside the period whose cell is not drawn (a windowed agenda) is no edge: nothing happens.
        if (date < shownDates.from || date > shownDates.to) onEdge({ kind: 'period', date, after: days > 0, target: from });
        return undefined;
      }
    }
  } else {
    next = nearest(containers, droppableRects, centre(collisionRect), dx, dy);
  }
  if (!next) return undefined;
  const rect = liveRect(next, droppableRects.get(next.id));
  if (!rect) return undefined;
  keyboardCell = next.id;
  // The sensor positions the post absolutely (answer − where the drag began): only the post's size matters.
  const to = centre(rect);
  const dragged = centre(collisionRect);
  return { x: currentCoordinates.x + to.x - dragged.x, y: currentCoordinates.y + to.y - dragged.y };
}

/** The nearest cell whose centre lies that way from `origin` (entering the grid from outside it). */
function nearest(containers: DroppableContainer[], rects: Map<UniqueIdentifier, ClientRect>, origin: { x: number; y: number }, dx: number, dy: number) {
  let best: { container: DroppableContainer; distance: number } | null = null;
  for (const container of containers) {
    const rect = rects.get(container.id);
    if (!rect) continue;
    const c = centre(rect);
    const along = (c.x - origin.x) * dx + (c.y - origin.y) * dy;
    const distance = Math.hypot(c.x - origin.x, c.y - origin.y);
    if (along <= 1) continue;
    if (!best || distance < best.distance) best = { container, distance };
  }
  return best?.container;
}
