import { closestCenter, KeyboardCode, pointerWithin, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Keyboard dragging jumps a whole column per arrow (Left/Right) instead of dnd-kit's default 25 px steps:
 * the card is centred over the next column's rect, whatever its width (a collapsed column is narrow).
 * Up and Down do nothing: a card's place in a column is the sort's, not the rep's.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) return undefined;
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .sort((a, b) => a.left - b.left);
  const target =
    event.code === KeyboardCode.Right
      ? columns.find((r) => r.left + r.width / 2 > centre + 1)
      : [...columns].reverse().find((r) => r.left + r.width / 2 < centre - 1);
  if (!target) return undefined;
  return { x: target.left + target.width / 2 - collisionRect.width / 2, y: currentCoordinates.y };
};

/** Under the pointer when there is one; for the keyboard (no pointer), the column whose centre is nearest. */
export const columnCollision: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : closestCenter(args));
