import { memo, useEffect, useRef } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { BoardCard, type CardRef, type CardTime } from './BoardCard';
import { CARD_OVERSCAN, CARD_SLOT, columnRect } from './card-size';
import type { StageOutline } from './last-stages';
import { useRows } from './use-rows';
import type { Prospect } from '@/lib/model';

interface Props {
  stage: StageOutline;
  ids: string[];
  /** scores[i] is ids[i]'s lead score. */
  scores: ArrayLike<number>;
  /** The prospect rows read so far, shared by the columns (see useRows). */
  rows: Map<string, Prospect>;
  collapsed: boolean;
  onToggle: (stageId: string) => void;
  time: CardTime;
  /** A card of this column that should take focus (it just moved here). */
  focusId: string | undefined;
  onFocused: () => void;
  onOpenMenu: (card: CardRef, anchor: HTMLElement) => void;
}

export const columnDropId = (stageId: string) => `column:${stageId}`;

/**
 * One stage: its header with the count, and its cards virtualised (a column can hold tens of thousands:
 * only the cards in view and a few either side exist, and only their rows are read). A collapsed column
 * (won and lost start so) is a narrow strip that still takes drops.
 */
export const BoardColumn = memo(function BoardColumn(props: Props) {
  const { stage, ids, collapsed, onToggle } = props;
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(stage.id), data: { stageId: stage.id } });
  const count = ids.length.toLocaleString();
  return (
    <section
      ref={setNodeRef}
      aria-label={stage.name}
      data-stage-id={stage.id}
      data-drop-over={isOver || undefined}
      className={`flex shrink-0 flex-col rounded bg-slate-100 dark:bg-slate-950 ${collapsed ? 'w-14' : 'w-64'} ${isOver ? 'ring-2 ring-blue-400' : ''}`}
    >
      <header className={`flex items-center gap-1 p-2 ${collapsed ? 'flex-col' : ''}`}>
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Show' : 'Hide'} ${stage.name}`}
          onClick={() => onToggle(stage.id)}
          className="rounded px-1 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-800"
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <h2 className={`truncate text-sm font-semibold ${collapsed ? '[writing-mode:vertical-rl]' : ''}`}>{stage.name}</h2>
        <span aria-label={`${count} in ${stage.name}`} className="text-xs text-slate-500 dark:text-slate-400">
          {count}
        </span>
      </header>
      {!collapsed && <ColumnCards {...props} />}
    </section>
  );
});

function ColumnCards({ stage, ids, scores, rows: cache, time, focusId, onFocused, onOpenMenu }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_SLOT,
    overscan: CARD_OVERSCAN,
    // The first render already places the cards in view (and their rows are read once, not twice).
    initialRect: columnRect(window.innerHeight),
  });
  const items = virtual.getVirtualItems();
  const visible = items.map((i) => ids[i.index]!);
  const rows = useRows(visible, cache);

  // A card that just moved here by keyboard: scroll it into view so it mounts, and then it takes focus.
  const focusIndex = focusId ? ids.indexOf(focusId) : -1;
  useEffect(() => {
    if (focusIndex >= 0) virtual.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtual]);

  return (
    <div ref={scroller} className="h-[calc(100vh-15rem)] min-h-64 overflow-y-auto px-2 pb-2">
      {ids.length === 0 && <p className="p-2 text-xs text-slate-500">No one here.</p>}
      <div role="list" aria-label={`Cards in ${stage.name}`} style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const id = ids[item.index]!;
          return (
            <div
              key={id}
              role="listitem"
              aria-setsize={ids.length}
              aria-posinset={item.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              <BoardCard
                id={id}
                stageId={stage.id}
                prospect={rows.get(id)}
                score={scores[item.index]}
                time={time}
                focusMe={id === focusId}
                onFocused={onFocused}
                onOpenMenu={onOpenMenu}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
