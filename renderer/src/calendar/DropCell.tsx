import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';

/** What a drop target stands for: a local day (in a partner's lane or not), optionally an hour. */
export interface DropTarget {
  date: string;
  hour?: number;
  partnerId?: string;
  label: string;
  /** A windowed day drawn in parts (agenda): each part is its own drop target for that day. */
  part?: number;
  /**
   * Where the cell sits in its view's grid, so arrow keys step to the logical neighbour. Columns
   * are days; `rowDays`: the days a row down moves on (7 in the month, 1 in the agenda), none
   * when rows are hours or lanes.
   */
  position?: { column: number; row: number; rowDays?: number };
}

/**
 * A cell's id for the drag-and-drop context: its place in the view's grid when it has one, so
 * moving to the next week keeps every cell registered (each id that changes is unregistered and
 * registered again, and the context copies its map of cells each time: 168 × 2 copies a week);
 * what the cell stands for travels in its data, read when something is dropped on it.
 */
export const dropId = (target: DropTarget) =>
  target.position
    ? `${target.partnerId ?? '*'}|@${target.position.column}|${target.position.row}|${target.part ?? 0}`
    : `${target.partnerId ?? '*'}|${target.date}|${target.hour ?? '*'}${target.part ? `|${target.part}` : ''}`;

export interface DropCellProps {
  target: DropTarget;
  className: string;
  children?: ReactNode;
  onEmptyClick?: () => void;
  testId?: string;
  /** 'cell' inside the month, week and lanes tables; none in the agenda list. */
  role?: 'cell';
}

/** A droppable cell; a click on its empty area (not on a post) creates a draft there. */
export function DropCell({ target, className, children, onEmptyClick, testId, role }: DropCellProps) {
  const { setNodeRef, isOver } = useDroppable({ id: dropId(target), data: { target } });
  return (
    <div
      ref={setNodeRef}
      role={role}
      className={`${className}${isOver ? ' drop-over' : ''}`}
      data-testid={testId}
      data-date={target.date}
      data-hour={target.hour}
      data-partner={target.partnerId}
      onClick={(event) => {
        if (event.target === event.currentTarget) onEmptyClick?.();
      }}
    >
      {children}
    </div>
  );
}
