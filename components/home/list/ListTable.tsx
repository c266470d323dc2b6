import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HomeSort } from '@/lib/home/filters';
import type { StageOutline } from '../board/last-stages';
import { ListRowView } from './ListRowView';
import { listRect, ROW_HEIGHT, ROW_OVERSCAN } from './list-size';
import type { Selection } from './use-selection';
import { useReadWindow } from './use-read-window';
import { useVisibleRows } from './use-visible-rows';

interface Props {
  ids: string[];
  /** scores[i] is ids[i]'s lead score. */
  scores: ArrayLike<number>;
  stages: StageOutline[];
  now: number;
  selection: Selection;
  sort: HomeSort;
  onSort: (sort: HomeSort) => void;
  /** Called once the first rows are drawn with their data (the bench's "first render"). */
  onFirstRows?: () => void;
}

/** Sortable columns: the sort each keeps and the direction it runs (the filter's sorts, lib/home/filters.ts). */
const SORTABLE: Record<HomeSort, 'descending' | 'ascending'> = { score: 'descending', lastTouch: 'descending', nextStep: 'ascending' };

const TH = 'px-2 py-1 text-left text-xs font-medium uppercase tracking-wide text-slate-500';

/**
 * The list's table, virtualised: a real <table> (so its rows and headers read as such) holding only the rows
 * in and around the viewport, between two spacer rows that keep the scroll height of all of them. Each row
 * is loaded when it comes into view; aria-rowcount/rowindex say how long the whole list is.
 */
export function ListTable({ ids, scores, stages, now, selection, sort, onSort, onFirstRows }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: ROW_OVERSCAN,
    // The first render already places the rows in view, whose block boot may have read (list-prefetch.ts).
    initialRect: listRect({ width: window.innerWidth, height: window.innerHeight }),
  });
  const items = virtualizer.getVirtualItems();
  const [readFirst, readLast] = useReadWindow(items[0]?.index ?? 0, items.at(-1)?.index ?? 0, virtualizer.isScrolling);
  const rowOf = useVisibleRows(ids, readFirst, readLast);
  const drawn = items.length > 0 && items.every((it) => rowOf(ids[it.index]!) !== undefined);
  const told = useRef(false);
  useEffect(() => {
    if (!drawn || told.current) return;
    told.current = true;
    onFirstRows?.();
  }, [drawn, onFirstRows]);

  const allOn = ids.length > 0 && selection.ids.length === ids.length;
  const someOn = selection.ids.length > 0 && !allOn;
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  // A stable ref: an inline one is detached and attached again on every render, each a style change.
  const indeterminate = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (indeterminate.current) indeterminate.current.indeterminate = someOn;
  }, [someOn]);
  const header = (label: string, key?: HomeSort) => {
    const active = key && sort === key;
    return (
      <th scope="col" className={TH} aria-sort={active ? SORTABLE[key] : undefined}>
        {key ? (
          <button type="button" onClick={() => onSort(key)} className={`uppercase hover:underline ${active ? 'font-semibold text-slate-800 dark:text-slate-100' : ''}`}>
            {label}
            {active && <span aria-hidden="true">{SORTABLE[key] === 'descending' ? ' ↓' : ' ↑'}</span>}
          </button>
        ) : (
          label
        )}
      </th>
    );
  };
  return (
    <div ref={scroller} data-testid="list-scroller" className="h-[calc(100vh-16rem)] min-h-64 overflow-auto">
      <table aria-label="Prospects" aria-rowcount={ids.length + 1} className="w-full table-fixed border-collapse text-sm">
        <colgroup>
          <col className="w-8" />
          <col />
          <col />
          <col />
          <col className="w-36" />
          <col className="w-16" />
          <col className="w-28" />
          <col />
        </colgroup>
        <thead className="sticky top-0 z-10 bg-white dark:bg-slate-900">
          <tr aria-rowindex={1} className="border-b border-slate-300 dark:border-slate-600">
            <th scope="col" className={TH}>
              <input
                type="checkbox"
                aria-label={`Select all ${ids.length.toLocaleString()} matching`}
                ref={indeterminate}
                checked={allOn}
                onChange={(e) => (e.target.checked ? selection.selectAll() : selection.clear())}
              />
            </th>
            {header('Name')}
            {header('Email / LinkedIn')}
            {header('Company')}
            {header('Stage')}
            {header('Score', 'score')}
            {header('Last touch', 'lastTouch')}
            {header('Next step', 'nextStep')}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((it) => {
            const id = ids[it.index]!;
            return (
              <ListRowView
                key={id}
                id={id}
                index={it.index}
                row={rowOf(id)}
                score={scores[it.index]}
                stages={stages}
                now={now}
                selected={selection.has(id)}
                onToggle={selection.toggle}
              />
            );
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
      {ids.length === 0 && <p className="py-4 text-sm text-slate-500">No prospect matches these filters.</p>}
    </div>
  );
}
