import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { Prospect } from '@/lib/model';
import { daysInStage, isOverdue } from '@/lib/home/board';
import { formatDate } from '@/components/ui/format';
import { navigate, recordPath } from '../router';
import { CARD_HEIGHT } from './card-size';

export { CARD_HEIGHT, CARD_SLOT } from './card-size';

export interface CardTime {
  now: number;
  /** Start of the local day: a next step dated before it is overdue. */
  todayStart: number;
}

interface Props {
  id: string;
  stageId: string;
  prospect: Prospect | undefined;
  score: number | undefined;
  time: CardTime;
  /** Set when the board wants this card focused (it just moved here): focus follows the card. */
  focusMe: boolean;
  onFocused: () => void;
  onOpenMenu: (card: CardRef, anchor: HTMLElement) => void;
}

/** What the board needs to know of a card to move it. */
export interface CardRef {
  id: string;
  stageId: string;
  name: string;
}

/**
 * One prospect on the board. The whole card is the drag handle and a keyboard stop: Enter or a click opens
 * the record, "m" opens the stage menu, Space picks it up for a keyboard drag (arrows move it between columns).
 */
export const BoardCard = memo(function BoardCard({ id, stageId, prospect, score, time, focusMe, onFocused, onOpenMenu }: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id, data: { stageId, name: prospect?.name ?? id } });
  const node = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (focusMe && node.current) {
      node.current.focus({ preventScroll: false });
      onFocused();
    }
  }, [focusMe, onFocused]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      navigate(recordPath(id));
    } else if (e.key === 'm' || e.key === 'M') {
      e.preventDefault();
      onOpenMenu({ id, stageId, name: prospect?.name ?? id }, e.currentTarget);
    } else listeners?.onKeyDown?.(e);
  };

  const name = prospect?.name ?? 'Loading…';
  const overdue = isOverdue(prospect?.followUpAt, time.todayStart);
  return (
    <article
      ref={(el) => {
        setNodeRef(el);
        node.current = el;
      }}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => navigate(recordPath(id))}
      aria-label={name}
      data-prospect-id={id}
      style={{ height: CARD_HEIGHT }}
      className={`flex cursor-pointer flex-col gap-0.5 overflow-hidden rounded border border-slate-200 bg-white p-2 text-sm shadow-sm outline-none hover:border-blue-400 focus-visible:ring-2 focus-visible:ring-blue-500 dark:border-slate-700 dark:bg-slate-800 ${isDragging ? 'opacity-40' : ''}`}
    >
      <div className="flex items-start justify-between gap-2">
        <span className="truncate font-medium">{name}</span>
        <span aria-label={`Score ${score ?? 0}`} className="shrink-0 rounded bg-slate-100 px-1 text-xs font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-200">
          {score ?? 0}
        </span>
      </div>
      <span className="truncate text-xs text-slate-600 dark:text-slate-300">{prospect?.company ?? '\u00a0'}</span>
      {prospect?.nextStep ? (
        <span className={`truncate text-xs ${overdue ? 'font-medium text-red-700 dark:text-red-400' : 'text-slate-700 dark:text-slate-200'}`}>
          {prospect.nextStep}
          {prospect.followUpAt !== undefined && ` · ${formatDate(prospect.followUpAt)}`}
          {overdue && ' · overdue'}
        </span>
      ) : (
        <span className="text-xs text-slate-400">No next step</span>
      )}
      {prospect && <span className="mt-auto text-xs text-slate-500">{plural(daysInStage(prospect.stageEnteredAt, time.now), 'day')} in stage</span>}
    </article>
  );
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
